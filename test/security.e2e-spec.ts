import { DEV_PASSWORD } from '@app/reference-data';
import { eventually, isolatedEnv, startSystem, type IsolatedEnv, type RunningSystem } from '@app/testing';

interface AuditPage {
  entries: {
    action: string;
    actorUsername: string;
    route: string;
    targetId: string | null;
    status: number;
    service: string;
  }[];
}

/**
 * Security across the three running services: a token from staff sign-in at tracking works everywhere
 * (shared key), every staff change and personal-data read lands in the serving service's audit log,
 * and the HTTP edge has security headers, CORS only for configured origins and a body limit.
 */
describe('security (three running services)', () => {
  let env: IsolatedEnv;
  let system: RunningSystem;

  beforeAll(async () => {
    env = await isolatedEnv('e2e_security');
    system = await startSystem(env);
  });

  afterAll(async () => {
    await system?.stop();
    await env?.drop();
  });

  async function signIn(username: string): Promise<string> {
    const res = await fetch(`${system.tracking.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEV_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  const auditOf = async (baseUrl: string, token: string, actor: string): Promise<AuditPage> => {
    const res = await fetch(`${baseUrl}/api/v1/audit?actor=${actor}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AuditPage;
  };

  it('a signed-in user works across services, and each service audits what they did', async () => {
    const committee = await signIn('zfw01');
    const submitted = await fetch(`${system.intake.url}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${committee}` },
      body: JSON.stringify({
        title: '邻居噪音扰民',
        description: '楼上每晚施工到凌晨，多次沟通无果。',
        requestType: 'help',
        location: { areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
        citizen: { name: '李四', mobile: '13900139000' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { receiptNo, itemId } = (await submitted.json()) as { receiptNo: string; itemId: string };

    await eventually(
      'the item in tracking',
      async () =>
        (
          await fetch(`${system.tracking.url}/api/v1/items/${receiptNo}`, {
            headers: { authorization: `Bearer ${committee}` },
          })
        ).status,
      { accept: (s) => s === 200 },
    );

    const intakeLog = await eventually(
      'the submission in intake’s audit log',
      () => auditOf(system.intake.url, committee, 'zfw01'),
      { accept: (p) => p.entries.some((e) => e.targetId === itemId) },
    );
    expect(intakeLog.entries.find((e) => e.targetId === itemId)).toMatchObject({
      service: 'intake',
      action: 'change',
      route: '/api/v1/items',
      status: 201,
    });

    const trackingLog = await eventually(
      'the read and the sign-in in tracking’s audit log',
      () => auditOf(system.tracking.url, committee, 'zfw01'),
      {
        accept: (p) =>
          p.entries.some((e) => e.action === 'read' && e.targetId === receiptNo && e.status === 200) &&
          p.entries.some((e) => e.action === 'sign-in' && e.status === 200),
      },
    );
    expect(trackingLog.entries.every((e) => e.actorUsername === 'zfw01')).toBe(true);

    // A worker may not read the audit log of any service.
    const worker = await signIn('ga-dc-01');
    for (const service of [system.intake, system.router, system.tracking]) {
      const res = await fetch(`${service.url}/api/v1/audit`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      expect(res.status).toBe(403);
    }
  });

  it('sends security headers, and never lets an API answer be cached', async () => {
    for (const service of [system.intake, system.router, system.tracking]) {
      const res = await fetch(`${service.url}/api/v1/audit`);
      expect(res.status).toBe(401);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers CORS only for the configured origins', async () => {
    const url = `${system.tracking.url}/api/v1/auth/login`;
    const preflight = (origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${system.intake.url}/health/live`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an oversized body with 413 in the error shape', async () => {
    const res = await fetch(`${system.tracking.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk01', password: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'REQUEST.TOO_LARGE' } });
  });

  it('throttles public endpoints per client address (behind the trusted local proxy)', async () => {
    const hit = (url: string, address: string, init: RequestInit = {}) =>
      fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address },
      });
    const portal = `${system.intake.url}/api/v1/portal/items`;
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    const status = `${system.tracking.url}/api/v1/public/status?receiptNo=YM-20000101-000001-0&phoneLast4=0000`;
    for (const [url, init, limit] of [
      [portal, post, 20],
      [status, {}, 30],
    ] as const) {
      const answers = await Promise.all(Array.from({ length: limit }, () => hit(url, '198.51.100.1', init)));
      expect(answers.some((r) => r.status === 429)).toBe(false);
      const over = await hit(url, '198.51.100.1', init);
      expect(over.status).toBe(429);
      expect(await over.json()).toMatchObject({ error: { code: 'REQUEST.RATE_LIMITED' } });
      expect((await hit(url, '198.51.100.2', init)).status).not.toBe(429);
    }
  });
});
