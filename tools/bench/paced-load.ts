import { Agent, request } from 'node:http';

/** What a paced run needs: the request, how many connections at most, and the schedule. */
export interface PacedSpec {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, used in turn. */
  bodies: readonly string[];
  connections: number;
  rate: number;
  durationS: number;
  timeoutS: number;
}

export interface PacedResult {
  sent: number;
  statuses: Map<number, number>;
  errors: number;
  /** From each request's scheduled time to its response (no coordinated omission), ms, sorted. */
  latenciesMs: number[];
  durationS: number;
}

/**
 * An open loop at a fixed rate with requests spread evenly: request i is due at start + i / rate and goes out
 * as soon as it is due, on one of `connections` keep-alive sockets (queued in the agent if all are busy).
 * autocannon's rate limit (`overallRate`) is a per-connection quota reset every second, so each second's
 * requests left in a burst at the start of the second and the pipeline saw 50 items within 50 ms at "50/s".
 */
export async function pacedLoad(spec: PacedSpec): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  const total = Math.round(spec.rate * spec.durationS);
  const bodies = spec.bodies.map((body) => Buffer.from(body));
  const statuses = new Map<number, number>();
  const latenciesMs: number[] = [];
  let errors = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();

  const send = (due: number, body: Buffer) =>
    new Promise<void>((resolve) => {
      const headers = { ...spec.headers, 'content-length': String(body.length) };
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            latenciesMs.push(performance.now() - due);
            resolve();
          });
        },
      );
      req.setTimeout(spec.timeoutS * 1000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });

  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + (sent * 1000) / spec.rate <= now) {
      pending.push(send(start + (sent * 1000) / spec.rate, bodies[sent % bodies.length]!));
      sent += 1;
    }
    const next = start + (sent * 1000) / spec.rate;
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, next - performance.now()))));
  }
  await Promise.all(pending);
  agent.destroy();
  return {
    sent,
    statuses,
    errors,
    latenciesMs: latenciesMs.sort((a, b) => a - b),
    durationS: (performance.now() - start) / 1000,
  };
}
