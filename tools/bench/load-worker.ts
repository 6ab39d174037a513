import { join } from 'node:path';
import autocannon from 'autocannon';
import { itemBodies, type Texts } from './item-bodies';
import { pacedLoad } from './paced-load';
import { summarize } from './stats';

/** What the bench asks of one load run; passed as JSON in argv[2]. */
export interface LoadSpec {
  url: string;
  token: string;
  /** Every item's title, so the bench finds the step's items. */
  tag: string;
  /** What the items say (see `itemBodies`); every request creates a new item. */
  texts: Texts;
  connections: number;
  durationS: number;
  /** Fixed offered rate (requests/s, spread evenly); closed loop at full speed without it. */
  rate?: number;
}

export interface LoadResult {
  sent: number;
  created: number;
  non2xx: number;
  errors: number;
  durationS: number;
  httpLatencyMs: { p50: number; p99: number; max: number };
  /** CPU the load generator itself used (user + system), ms. */
  cpuMs: number;
}

/**
 * The load generator, run as its own process so it does not share an event loop (or a core's time slice)
 * with the bench's bookkeeping. Prints one JSON LoadResult line on stdout.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` };
  const bodies = itemBodies(spec.tag, spec.texts, join(__dirname, '..', '..', '..'));
  const result = spec.rate
    ? await paced(spec, spec.rate, headers, bodies)
    : await closedLoop(spec, headers, bodies);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const cpuMs = () => Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000);

/** A fixed offered rate, requests spread evenly over each second (see `pacedLoad`). */
async function paced(
  spec: LoadSpec,
  rate: number,
  headers: Record<string, string>,
  bodies: readonly string[],
): Promise<LoadResult> {
  const r = await pacedLoad({ ...spec, rate, headers, bodies, timeoutS: 30 });
  const latency = summarize(r.latenciesMs);
  const count = (ok: (status: number) => boolean) =>
    [...r.statuses].filter(([status]) => ok(status)).reduce((n, [, c]) => n + c, 0);
  return {
    sent: r.sent,
    created: count((s) => s === 201),
    non2xx: count((s) => s < 200 || s >= 300),
    errors: r.errors,
    durationS: r.durationS,
    httpLatencyMs: { p50: round(latency.p50), p99: round(latency.p99), max: round(latency.max) },
    cpuMs: cpuMs(),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** As fast as `connections` keep-alive connections go (autocannon). */
async function closedLoop(
  spec: LoadSpec,
  headers: Record<string, string>,
  bodies: readonly string[],
): Promise<LoadResult> {
  let created = 0;
  let next = 0;
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    headers,
    // Each request takes the next body (autocannon sets its Content-Length).
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 30,
  });
  instance.on('response', (_client, status) => {
    if (status === 201) created++;
  });
  const r = await instance;
  return {
    sent: r.requests.total,
    created,
    non2xx: r.non2xx,
    errors: r.errors,
    durationS: r.duration,
    httpLatencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    cpuMs: cpuMs(),
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
