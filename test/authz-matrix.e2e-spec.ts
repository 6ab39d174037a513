import { randomUUID } from 'node:crypto';
import {
  OPENAPI_ACCESS_EXTENSION,
  StaffRoles,
  type AccessPolicy,
  type StaffPrincipal,
  type StaffRole,
} from '@app/auth';
import { STAFF } from '@app/reference-data';
import { isolatedEnv, staffAuth, startSystem, type IsolatedEnv, type RunningSystem } from '@app/testing';

/**
 * The authorisation matrix, generated from the route table: every operation each service documents in
 * /api/docs-json carries its access policy as `x-access` (set by @Public/@StaffOnly/@SignedChannel). Each
 * one is called by anonymous, a forged token and every role, and the answer must match the policy:
 * refused with 401 (no valid token, or no channel signature) or 403 AUTH.FORBIDDEN (wrong role), otherwise
 * let past the guard — any other answer, validation 400 and not-found 404 included, counts as allowed.
 * A route without `x-access` fails the test: a new endpoint needs a rule.
 */
type Caller = 'anonymous' | 'forged' | StaffRole;
const CALLERS: readonly Caller[] = ['anonymous', 'forged', ...StaffRoles];
type Verdict = 'allowed' | '401' | '403';

interface Route {
  service: string;
  baseUrl: string;
  method: string;
  path: string;
  policy: AccessPolicy | undefined;
}

/** Each role as a seeded account (STAFF_SEED=dev), so routes that look the user up find one. */
const SEEDED: Record<StaffRole, Partial<StaffPrincipal>> = Object.fromEntries(
  StaffRoles.map((role) => {
    const seed = STAFF.find((s) => s.role === role);
    if (!seed) throw new Error(`no seeded ${role}`);
    const { id, username, name, agency, unitId } = seed;
    return [role, { sub: id, username, name, agency, unitId }];
  }),
) as Record<StaffRole, Partial<StaffPrincipal>>;

const FORGED = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
  JSON.stringify({ sub: 'x', role: 'admin', typ: 'access' }),
).toString('base64url')}.`;

function expected(policy: AccessPolicy, caller: Caller): Verdict {
  switch (policy.kind) {
    case 'public':
      return 'allowed';
    case 'channel':
      return '401'; // no caller here holds the channel's signing secret
    case 'staff':
      if (caller === 'anonymous' || caller === 'forged') return '401';
      return policy.roles.includes(caller) ? 'allowed' : '403';
  }
}

/** Dummy path values: well-formed enough to reach the handler, matching nothing. */
function fillPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'receiptNo') return 'YM-20000101-000001-0';
    if (name === 'period') return '2000-01';
    if (/id$/i.test(name)) return randomUUID();
    return 'x';
  });
}

async function call(route: Route, caller: Caller): Promise<{ status: number; code?: string }> {
  const headers: Record<string, string> = { 'x-correlation-id': `authz-${caller}` };
  if (caller === 'forged') headers.authorization = FORGED;
  else if (caller !== 'anonymous') Object.assign(headers, staffAuth(caller, SEEDED[caller]));
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
  if (hasBody) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${route.baseUrl}${fillPath(route.path)}`, {
      method: route.method,
      headers,
      body: hasBody ? '{}' : undefined,
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status !== 401 && res.status !== 403) {
      await res.body?.cancel(); // streams (SSE) stay open otherwise
      return { status: res.status };
    }
    const body = (await res.json()) as { error?: { code?: string } };
    return { status: res.status, code: body.error?.code };
  } catch (error) {
    // A guard refusal answers at once; only a handler that streams keeps the response open this long.
    if ((error as Error).name === 'TimeoutError') return { status: 0 };
    throw error;
  }
}

function verdictOf(answer: { status: number; code?: string }): Verdict {
  if (answer.status === 401) return '401';
  if (answer.status === 403 && answer.code === 'AUTH.FORBIDDEN') return '403';
  return 'allowed';
}

describe('authorisation matrix (every route × every role, from the route table)', () => {
  let env: IsolatedEnv;
  let system: RunningSystem;

  beforeAll(async () => {
    env = await isolatedEnv('e2e_authz');
    system = await startSystem(env);
  });

  afterAll(async () => {
    await system?.stop();
    await env?.drop();
  });

  it('answers every caller of every route as its x-access policy says', async () => {
    const routes: Route[] = [];
    for (const service of [system.intake, system.router, system.tracking]) {
      const doc = (await (await fetch(`${service.url}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          routes.push({
            service: service.name,
            baseUrl: service.url,
            method: method.toUpperCase(),
            path,
            policy: operation[OPENAPI_ACCESS_EXTENSION] as AccessPolicy | undefined,
          });
        }
      }
    }

    const lines: string[] = [];
    const mismatches: string[] = [];
    const withoutRule = routes.filter((r) => !r.policy).map((r) => `${r.service} ${r.method} ${r.path}`);
    for (const route of routes.filter((r) => r.policy)) {
      const policy = route.policy as AccessPolicy;
      const answers = await Promise.all(CALLERS.map((caller) => call(route, caller)));
      const cells = CALLERS.map((caller, i) => {
        const answer = answers[i] ?? { status: -1 };
        const want = expected(policy, caller);
        const got = verdictOf(answer);
        if (got !== want) {
          mismatches.push(
            `${route.service} ${route.method} ${route.path} as ${caller}: want ${want}, got ${answer.status}`,
          );
        }
        const shown = got === 'allowed' ? `ok${answer.status === 0 ? '~' : ''}` : got;
        return `${(got === want ? shown : `✗${shown}`).padEnd(10)}`;
      });
      const rule =
        policy.kind === 'staff'
          ? `staff:${policy.roles.join(',')}`
          : policy.kind === 'channel'
            ? `channel:${policy.channel}`
            : 'public';
      lines.push(
        `${route.service.padEnd(9)}${`${route.method} ${route.path}`.padEnd(64)}${rule.padEnd(48)}${cells.join('')}`,
      );
    }
    const header = `${'service'.padEnd(9)}${'route'.padEnd(64)}${'policy'.padEnd(48)}${CALLERS.map((c) => c.padEnd(10)).join('')}`;
    console.log(
      `Authorisation matrix: ${routes.length} routes × ${CALLERS.length} callers (ok = past the guard, ~ = streaming)\n` +
        [header, ...lines].join('\n'),
    );

    expect(withoutRule).toEqual([]); // a new endpoint without @Public/@StaffOnly/@SignedChannel
    expect(mismatches).toEqual([]);
    expect(routes.length).toBeGreaterThan(5);
  });
});
