import {
  eventually,
  isolatedEnv,
  staffAuth,
  startSystem,
  type IsolatedEnv,
  type RunningSystem,
} from '@app/testing';

/** One item all the way through: intake → Kafka → router → Kafka → tracking, on real infrastructure. */
describe('walking skeleton (three running services)', () => {
  let env: IsolatedEnv;
  let system: RunningSystem;

  beforeAll(async () => {
    env = await isolatedEnv('e2e_skeleton');
    system = await startSystem(env);
  });

  afterAll(async () => {
    await system?.stop();
    await env?.drop();
  });

  it('every service is live and ready', async () => {
    for (const service of [system.intake, system.router, system.tracking]) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
    }
  });

  it('an item submitted at intake shows up in tracking as routed, with its timeline', async () => {
    const response = await fetch(`${system.intake.url}/api/v1/items`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': 'e2e-skeleton-1',
        ...staffAuth('clerk'),
      },
      body: JSON.stringify({
        title: '电动车被盗',
        description: '昨晚停在小区楼下的电动车被盗，请派出所调查。',
        requestType: 'help',
        location: { areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
        citizen: { name: '张三', mobile: '13800138000' },
      }),
    });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as { receiptNo: string };
    expect(receipt.receiptNo).toMatch(/^YM-\d{8}-\d{6}-\d$/);

    const item = await eventually(
      'the item to be routed in tracking',
      async () => {
        const res = await fetch(`${system.tracking.url}/api/v1/items/${receipt.receiptNo}`, {
          headers: staffAuth('committee'),
        });
        return res.ok
          ? ((await res.json()) as { status: string; agency: string; timeline: { type: string }[] })
          : undefined;
      },
      // The router may already have offered it to a worker.
      { accept: (v) => v?.status === 'routed' || v?.status === 'offered', timeoutMs: 30_000 },
    );
    expect(item?.agency).toBe('police');
    expect(item?.timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['ItemReceived', 'ItemRouted']));
  });

  it('refuses staff APIs without a valid token, in the standard error shape', async () => {
    const res = await fetch(`${system.tracking.url}/api/v1/items/YM-20000101-000001-0`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } });
    const forged = await fetch(`${system.intake.url}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc.def.ghi' },
      body: '{}',
    });
    expect(forged.status).toBe(401);
  });

  it('answers an unknown receipt with 404 in the standard error shape', async () => {
    const res = await fetch(`${system.tracking.url}/api/v1/items/YM-20000101-000001-0`, {
      headers: staffAuth('committee'),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'ITEM.NOT_FOUND', details: [] } });
  });
});
