import autocannon from 'autocannon';

/** What the bench asks of one load run; passed as JSON in argv[2]. */
export interface LoadSpec {
  url: string;
  token: string;
  /** The request body (JSON text); every request creates a new item. */
  body: string;
  connections: number;
  durationS: number;
  /** Fixed offered rate (requests/s over all connections); closed loop at full speed without it. */
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
  let created = 0;
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
    body: spec.body,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 30,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
  });
  instance.on('response', (_client, status) => {
    if (status === 201) created++;
  });
  const r = await instance;
  const result: LoadResult = {
    sent: r.requests.total,
    created,
    non2xx: r.non2xx,
    errors: r.errors,
    durationS: r.duration,
    httpLatencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
