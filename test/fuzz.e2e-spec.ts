import { Client } from 'pg';
import { isolatedEnv, staffAuth, startSystem, type IsolatedEnv, type RunningSystem } from '@app/testing';

/**
 * Hostile input against every endpoint each service documents in its OpenAPI spec (so a new endpoint is
 * fuzzed without touching this file): malformed, oversized, wrongly typed and injection-laden requests,
 * each one invalid in at least one definite way. Every answer must be a 4xx in the error shape, the
 * services must stay up, and nothing may be written.
 */
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  maxLength?: number;
};
interface Operation {
  service: string;
  baseUrl: string;
  method: string;
  path: string;
  bodySchema?: Schema;
  contentTypes: string[];
}

const HOSTILE = [
  "' OR '1'='1' --",
  "'; DROP TABLE items; --",
  '") UNION SELECT password FROM users --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000\u0001\u0002\u001b[31m',
  '\ud800',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  'Ω≈ç√∫˜µ≤≥÷ 𠮷野家 😀 \u202e',
  '\u200b'.repeat(50),
];

/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 bytes it would be. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** Deterministic pseudo-random numbers so a failure can be reproduced from the printed seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hostile input (fuzz)', () => {
  let env: IsolatedEnv;
  let system: RunningSystem;
  let db: Client;
  const seed = Date.now() % 1_000_000;
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  beforeAll(async () => {
    env = await isolatedEnv('e2e_fuzz');
    system = await startSystem(env);
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
    await env?.drop();
  });

  /** Every table but the audit log, which records refused staff attempts by design. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await db.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('intake', 'router', 'tracking') AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('migrations', 'audit_log')`,
    );
    const counts: Record<string, number> = {};
    for (const { s, t } of tables.rows) {
      const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${s}"."${t}"`);
      counts[`${s}.${t}`] = Number(r.rows[0]?.n);
    }
    return counts;
  }

  async function operations(): Promise<{ ops: Operation[]; schemas: Record<string, Schema> }> {
    const ops: Operation[] = [];
    const schemas: Record<string, Schema> = {};
    for (const service of [system.intake, system.router, system.tracking]) {
      const doc = (await (await fetch(`${service.url}/api/docs-json`)).json()) as {
        paths: Record<
          string,
          Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
        >;
        components?: { schemas?: Record<string, Schema> };
      };
      Object.assign(schemas, doc.components?.schemas ?? {});
      for (const [path, methods] of Object.entries(doc.paths)) {
        if (path.startsWith('/health')) continue;
        for (const [method, op] of Object.entries(methods)) {
          const content = op.requestBody?.content ?? {};
          ops.push({
            service: service.name,
            baseUrl: service.url,
            method: method.toUpperCase(),
            path,
            bodySchema: content['application/json']?.schema,
            contentTypes: Object.keys(content),
          });
        }
      }
    }
    return { ops, schemas };
  }

  function sample(schema: Schema | undefined, schemas: Record<string, Schema>, depth = 0): unknown {
    if (!schema || depth > 6) return 'x';
    if (schema.$ref) return sample(schemas[schema.$ref.split('/').pop()!], schemas, depth + 1);
    if (schema.enum) return schema.enum[0];
    if (schema.example !== undefined) return schema.example;
    switch (schema.type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, schemas, depth + 1)]),
        );
      case 'array':
        return [sample(schema.items, schemas, depth + 1)];
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      default:
        return 'x';
    }
  }

  /** Replaces every string in the value with a hostile one. */
  function poison(value: unknown): unknown {
    if (typeof value === 'string') return pick(HOSTILE);
    if (Array.isArray(value)) return value.map(poison);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v)]));
    }
    return value;
  }

  /** One request that is invalid in at least one definite way, with hostile content around it. */
  function variant(
    op: Operation,
    schemas: Record<string, Schema>,
  ): { path: string; oversized: boolean; init: RequestInit } {
    const path = op.path.replace(/\{[^}]+\}/g, () => encode(pick(HOSTILE)));
    const headers: Record<string, string> = { 'x-correlation-id': 'fuzz' };
    if (random() < 0.5) {
      headers.authorization = staffAuth('clerk').authorization;
      headers['x-staff-id'] = pick(['w-1', pick(HOSTILE).replace(/[^\x20-\x7e]/g, '')]);
      headers['x-staff-role'] = pick(['worker', 'supervisor', 'committee', 'root']);
    }
    if (op.method === 'GET' || op.method === 'DELETE') {
      const query = `?${encode(pick(HOSTILE))}=${encode(pick(HOSTILE))}&page=-1&limit=1e309`;
      return { path: path + query, oversized: false, init: { method: op.method, headers } };
    }
    const base = poison(sample(op.bodySchema, schemas)) as Record<string, unknown>;
    const kind = Math.floor(random() * 8);
    let body: string | Uint8Array;
    headers['content-type'] = 'application/json';
    switch (kind) {
      case 0:
        body = JSON.stringify({ ...base, [`unknown_${Math.floor(random() * 1e6)}`]: pick(HOSTILE) });
        break;
      case 1: {
        const keys = Object.keys(base);
        const key = keys.length ? pick(keys) : 'title';
        body = JSON.stringify({
          ...base,
          [key]: pick([12345, { $gt: '' }, [pick(HOSTILE)], true, Number.MAX_VALUE, -1]),
        });
        break;
      }
      case 2:
        body = `{"title": "${pick(HOSTILE).replace(/"/g, '')}", `; // truncated JSON
        break;
      case 3:
        body = JSON.stringify({ ...base, description: '诉'.repeat(300_000) }); // over every body limit
        break;
      case 4:
        body = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]); // invalid UTF-8
        break;
      case 5:
        headers['content-type'] = pick([
          'text/xml',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
        ]);
        body = `<a>${pick(HOSTILE)}</a>`;
        break;
      case 6:
        body = JSON.stringify(pick([[base], 'string', 42, null]));
        break;
      default:
        body = `{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "unknown_field": ${JSON.stringify(pick(HOSTILE))}}`;
    }
    return { path, oversized: kind === 3, init: { method: op.method, headers, body } };
  }

  it('answers thousands of hostile requests with 4xx in the error shape, stays up and writes nothing', async () => {
    const { ops, schemas } = await operations();
    expect(ops.length).toBeGreaterThan(0);
    const before = await rowCounts();
    const perOperation = Math.max(100, Math.ceil(3000 / ops.length));
    const jobs = ops.flatMap((op) =>
      Array.from({ length: perOperation }, () => ({ op, ...variant(op, schemas) })),
    );
    const byStatus = new Map<number, number>();
    const problems: string[] = [];
    let next = 0;
    let streams = 0;
    let closedOversized = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        let res: Response;
        try {
          res = await fetch(job.op.baseUrl + job.path, job.init);
        } catch (error) {
          // A server may answer 413 and close the connection before an oversized upload ends (Node does, so
          // as not to read the rest); the client then sees the socket close. Anything else dropped is a failure.
          if (job.oversized) {
            closedOversized += 1;
            continue;
          }
          const cause = (error as { cause?: unknown }).cause;
          problems.push(
            `${job.op.method} ${job.op.path} (${job.op.service}) → no answer: ${String(cause ?? error)} ` +
              `[${JSON.stringify(job.init.headers)}] ${typeof job.init.body === 'string' ? job.init.body.slice(0, 120) : '(bytes)'}`,
          );
          continue;
        }
        if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
          // The live event stream takes no input but the token; it answers by streaming, never ending.
          await res.body?.cancel();
          streams += 1;
          continue;
        }
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        const text = await res.text();
        let shaped = false;
        try {
          const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          shaped = typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
        } catch {
          shaped = false;
        }
        if (res.status < 400 || res.status >= 500 || !shaped) {
          problems.push(
            `${job.op.method} ${job.op.path} (${job.op.service}) → ${res.status} ${text.slice(0, 160)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const summary = [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    process.stdout.write(
      `[fuzz] seed ${seed}: ${jobs.length} requests over ${ops.length} operations; statuses ${summary}; event streams opened and closed ${streams}; oversized uploads cut off ${closedOversized}; problems ${problems.length}\n`,
    );
    expect(problems.slice(0, 20)).toEqual([]);
    for (const service of [system.intake, system.router, system.tracking]) {
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    }
    expect(await rowCounts()).toEqual(before);
  });
});
