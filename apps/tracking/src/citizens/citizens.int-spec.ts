import { eventually, staffToken } from '@app/testing';
import { as, TrackingHarness } from '../testing/tracking.harness';

const worker01 = as('worker', 'ga-dc-01', 'ga-dc');
const committee = as('committee', 'zfw01', 'zfw-city', 'committee');
const clerk02 = as('clerk', 'clerk02', 'zx-city', 'committee');

/** Reads a server-sent event stream into a growing text buffer until aborted. */
function listen(url: string): { text: () => string; close: () => void; ready: Promise<number> } {
  const abort = new AbortController();
  let buffer = '';
  const ready = fetch(url, { signal: abort.signal }).then((res) => {
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    const pump = async (): Promise<void> => {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value as Uint8Array);
      }
    };
    pump().catch(() => undefined);
    return res.status;
  });
  return { text: () => buffer, close: () => abort.abort(), ready };
}

/** What citizens see, the follow-up and redo loop, and the live stream. */
describe('citizens and live updates (tracking on real infrastructure)', () => {
  let t: TrackingHarness;

  beforeAll(async () => {
    t = await TrackingHarness.start('tracking_citizens', { PUBLIC_STATUS_PER_MINUTE: '8' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('pushes changes over SSE only to staff who may see the item', async () => {
    const police = listen(
      `${t.url}/api/v1/events/stream?access_token=${staffToken('worker', { sub: 'ga-dc-01', unitId: 'ga-dc' })}`,
    );
    const court = listen(
      `${t.url}/api/v1/events/stream?access_token=${staffToken('worker', { sub: 'fy-dc-01', unitId: 'fy-dc' })}`,
    );
    try {
      expect(await police.ready).toBe(200);
      expect(await court.ready).toBe(200);
      const { itemId, receiptNo } = await t.receivedAndOffered();
      await t.post(`/api/v1/items/${itemId}/sign`, worker01);
      await eventually('the sign-for to be pushed', () => Promise.resolve(police.text()), {
        accept: (text) =>
          text.includes(
            `"type":"ItemSigned","itemId":"${itemId}","receiptNo":"${receiptNo}","status":"signed"`,
          ),
      });
      expect(court.text()).not.toContain(itemId);
    } finally {
      police.close();
      court.close();
    }
    expect((await t.get('/api/v1/events/stream?access_token=forged')).status).toBe(401);
  });

  it('shows a citizen only citizen-visible information, and a wrong phone number like an unknown receipt', async () => {
    const { itemId, receiptNo } = await t.receivedAndOffered({ mobile: '13700002468' });
    await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${itemId}/notes`, worker01, {
      text: '已调取小区监控，正在比对',
      visibility: 'citizen',
    });
    await t.post(`/api/v1/items/${itemId}/notes`, worker01, {
      text: '嫌疑人疑似惯犯（内部）',
      visibility: 'internal',
    });

    const status = await t.get(`/api/v1/public/status?receiptNo=${receiptNo}&phoneLast4=2468`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      receiptNo,
      status: 'in_progress',
      statusLabel: '办理中',
      agencyLabel: '公安',
      requestTypeLabel: '求助',
    });
    const text = JSON.stringify(status.body);
    expect(text).toContain('已调取小区监控');
    expect(text).not.toContain('内部');
    expect(text).not.toContain('ga-dc-01');
    expect(text).not.toContain('13700002468');

    const wrongPhone = await t.get(`/api/v1/public/status?receiptNo=${receiptNo}&phoneLast4=0000`);
    const unknown = await t.get('/api/v1/public/status?receiptNo=YM-20000101-000001-0&phoneLast4=2468');
    expect([wrongPhone.status, unknown.status]).toEqual([404, 404]);
    expect(JSON.stringify(wrongPhone.body)).toBe(
      JSON.stringify(unknown.body).replaceAll('YM-20000101-000001-0', receiptNo),
    );
    expect((await t.get('/api/v1/public/status?receiptNo=abc&phoneLast4=12')).status).toBe(400);
  });

  it('sends an unsatisfied follow-up back to the same worker as a redo with a new deadline, then closes', async () => {
    const { itemId } = await t.receivedAndOffered();
    await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${itemId}/resolve`, worker01, { resolution: '已告知处理结果' });
    expect((await t.get(`/api/v1/items/by-id/${itemId}`, clerk02)).status).toBe(200); // follow-up queue
    const unsatisfied = await t.post(`/api/v1/items/${itemId}/follow-up`, clerk02, {
      result: 'unsatisfied',
      note: '群众认为未解决',
    });
    expect(unsatisfied.body).toMatchObject({ status: 'redo', events: ['FollowUpRecorded', 'RedoOrdered'] });
    const redo = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    expect(redo.body).toMatchObject({ workerId: 'ga-dc-01', unitId: 'ga-dc', redoCount: 1 });
    expect(Date.parse(redo.body.deadlines.resolveBy as string)).toBeGreaterThan(Date.now());
    expect(
      (await t.post(`/api/v1/items/${itemId}/resolve`, worker01, { resolution: '已重新处理并追回' })).body
        .status,
    ).toBe('resolved');
    expect(
      (await t.post(`/api/v1/items/${itemId}/follow-up`, committee, { result: 'basically_satisfied' })).body
        .status,
    ).toBe('closed');
  });

  it('rate-limits the public look-up per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      statuses.push(
        (await t.get('/api/v1/public/status?receiptNo=YM-20000101-000001-0&phoneLast4=1234')).status,
      );
    }
    expect(statuses).toContain(429);
    const limited = await t.get('/api/v1/public/status?receiptNo=YM-20000101-000001-0&phoneLast4=1234');
    expect(limited.body.error.code).toBe('REQUEST.RATE_LIMITED');
  });
});
