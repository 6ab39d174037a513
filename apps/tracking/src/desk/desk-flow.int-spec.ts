import { DataSource as DataSourceToken } from 'typeorm';
import { eventually } from '@app/testing';
import { as, TrackingHarness } from '../testing/tracking.harness';

const worker01 = as('worker', 'ga-dc-01', 'ga-dc');
const worker02 = as('worker', 'ga-dc-02', 'ga-dc');
const supervisor = as('supervisor', 'ga-dc-sup', 'ga-dc');
const courtWorker = as('worker', 'fy-dc-01', 'fy-dc', 'court');
const justiceWorker = as('worker', 'sf-dc-01', 'sf-dc', 'justice');
const committee = as('committee', 'zfw01', 'zfw-city', 'committee');
const clerk01 = as('clerk', 'clerk01', 'zx-city', 'committee');
const clerk02 = as('clerk', 'clerk02', 'zx-city', 'committee');

const idOf = (i: { itemId: string }) => i.itemId;
const pageOf = (body: unknown) => (body as { items: { itemId: string }[] }).items;

/** The task desk on real PostgreSQL and Kafka: sign → note → contact → resolve → follow-up, and scoping. */
describe('task desk (tracking on real infrastructure)', () => {
  let t: TrackingHarness;

  beforeAll(async () => {
    t = await TrackingHarness.start('tracking_desk');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('takes an item from offer to closing, publishing each action through the outbox', async () => {
    const { itemId, receiptNo } = await t.receivedAndOffered();

    const offers = await t.get('/api/v1/desk/offers', worker01);
    expect(offers.status).toBe(200);
    const offer = (
      offers.body.items as { itemId: string; offer: { secondsLeft: number }; citizen: unknown }[]
    ).find((i) => i.itemId === itemId);
    expect(offer?.offer.secondsLeft).toBeGreaterThan(3000);
    expect(offer?.citizen).toMatchObject({ mobile: '13800138000', masked: false });

    expect((await t.post(`/api/v1/items/${itemId}/sign`, worker02)).body.error.code).toBe('ITEM.NOT_ALLOWED');
    const signed = await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    expect(signed).toMatchObject({
      status: 200,
      body: { status: 'signed', statusLabel: '已签收', events: ['ItemSigned'] },
    });
    const again = await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ITEM.ILLEGAL_TRANSITION' });

    const note = await t.post(`/api/v1/items/${itemId}/notes`, worker01, {
      text: '已调取小区监控',
      visibility: 'citizen',
    });
    expect(note.body.status).toBe('in_progress');
    const assistingNote = await t.post(`/api/v1/items/${itemId}/notes`, justiceWorker, {
      text: '协办：已提供调解意见',
      visibility: 'internal',
    });
    expect(assistingNote.status).toBe(200);
    expect(
      (
        await t.post(`/api/v1/items/${itemId}/contacts`, worker01, {
          method: 'phone',
          summary: '已电话告知进展',
        })
      ).status,
    ).toBe(200);

    const tasks = await t.get('/api/v1/desk/tasks', worker01);
    expect(pageOf(tasks.body).map(idOf)).toContain(itemId);
    const queue = await t.get(
      '/api/v1/desk/queue?status=in_progress&sort=receivedAt&order=asc&page=1&pageSize=5',
      supervisor,
    );
    expect(queue.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(pageOf(queue.body).map(idOf)).toContain(itemId);
    const assistingView = await t.get(`/api/v1/items/by-id/${itemId}`, justiceWorker);
    expect(assistingView.body.citizen).toMatchObject({ mobile: '138****8000', masked: true });

    expect(
      (await t.post(`/api/v1/items/${itemId}/resolve`, worker01, { resolution: '已追回电动车并归还' })).body
        .status,
    ).toBe('resolved');
    const own = await t.post(`/api/v1/items/${itemId}/follow-up`, worker01, { result: 'satisfied' });
    expect(own.body.error.code).toBe('ITEM.NOT_ALLOWED');
    const followUp = await t.post(`/api/v1/items/${itemId}/follow-up`, committee, {
      result: 'satisfied',
      note: '群众表示满意',
    });
    expect(followUp.body).toMatchObject({ status: 'closed', events: ['FollowUpRecorded', 'ItemClosed'] });

    const detail = await t.get(`/api/v1/items/${receiptNo}`, committee);
    expect(detail.body).toMatchObject({
      status: 'closed',
      agency: 'police',
      workerId: 'ga-dc-01',
      followUpResult: 'satisfied',
    });
    expect((detail.body.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'ItemReceived',
      'ItemRouted',
      'ItemOffered',
      'ItemSigned',
      'ItemNoteAdded',
      'ItemNoteAdded',
      'CitizenContacted',
      'ItemResolved',
      'FollowUpRecorded',
      'ItemClosed',
    ]);
    expect(detail.body.timeline[3]).toMatchObject({ producer: 'tracking', actor: 'ga-dc-01' });

    // Every action left the service through the outbox and came back through Kafka without doubling.
    const ds = t.app.get(DataSourceToken);
    await eventually(
      'the outbox to be relayed and the events consumed back',
      async () => {
        // The relay deletes outbox rows once sent: the service's own events are its timeline entries.
        const [row] = await ds.query<{ unsent: string; consumed: string }[]>(
          `SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS unsent,
                  (SELECT count(*) FROM processed_events WHERE event_id IN (
                     SELECT event_id FROM timeline WHERE item_id = $1 AND producer = 'tracking')) AS consumed`,
          [itemId],
        );
        return row;
      },
      { accept: (r) => r?.unsent === '0' && r?.consumed === '7' },
    );
    expect((await t.get(`/api/v1/items/by-id/${itemId}`, committee)).body.timeline).toHaveLength(10);
  });

  it('scopes items on the server: other units and other clerks get 404', async () => {
    const { itemId, receiptNo } = await t.receivedAndOffered();
    for (const [who, headers] of [
      ['court worker', courtWorker],
      ['another clerk', clerk02],
    ] as const) {
      const res = await t.get(`/api/v1/items/${receiptNo}`, headers);
      expect({ who, status: res.status, code: res.body.error.code }).toEqual({
        who,
        status: 404,
        code: 'ITEM.NOT_FOUND',
      });
    }
    expect((await t.post(`/api/v1/items/${itemId}/sign`, courtWorker)).status).toBe(404);
    expect((await t.get(`/api/v1/items/${receiptNo}`, clerk01)).status).toBe(200);
    const courtQueue = await t.get('/api/v1/desk/queue', courtWorker);
    expect(pageOf(courtQueue.body).map(idOf)).not.toContain(itemId);
    const open = await t.get('/api/v1/items/open-by-citizen?mobile=13800138000', clerk02);
    expect((open.body as { itemId: string }[]).map(idOf)).toContain(itemId);
    expect(open.body[0].citizen.masked).toBe(true);
  });

  it('hides confidential reports from all but the committee', async () => {
    const { itemId } = await t.receivedAndOffered({
      confidential: true,
      requestType: 'report',
      mobile: '13900001111',
    });
    expect((await t.get(`/api/v1/items/by-id/${itemId}`, supervisor)).status).toBe(404);
    expect((await t.get(`/api/v1/items/by-id/${itemId}`, committee)).status).toBe(200);
    expect((await t.get('/api/v1/items/open-by-citizen?mobile=13900001111', clerk01)).body).toEqual([]);
  });

  it('returns, extends with approval, suspends and resumes, reassigns', async () => {
    const { itemId } = await t.receivedAndOffered();
    await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    const requested = await t.post(`/api/v1/items/${itemId}/extension-requests`, worker01, {
      extraWorkingDays: 5,
      reason: '需等待鉴定',
    });
    expect(requested.body.events).toEqual(['ExtensionRequested']);
    const detail = await t.get(`/api/v1/items/by-id/${itemId}`, supervisor);
    const requestId = detail.body.pendingExtension.requestId as string;
    const before = Date.parse(detail.body.deadlines.resolveBy as string);
    expect(
      (await t.post(`/api/v1/items/${itemId}/extension-requests/${requestId}/approve`, worker01)).status,
    ).toBe(403);
    const approved = await t.post(
      `/api/v1/items/${itemId}/extension-requests/${requestId}/approve`,
      supervisor,
    );
    expect(approved.body.status).toBe('extended');
    expect(Date.parse(approved.body.resolveBy as string)).toBeGreaterThan(before + 5 * 86_400_000);

    expect(
      (await t.post(`/api/v1/items/${itemId}/suspend`, supervisor, { reason: '等待鉴定意见' })).body.status,
    ).toBe('suspended');
    expect((await t.post(`/api/v1/items/${itemId}/resolve`, worker01, { resolution: 'x' })).status).toBe(409);
    expect((await t.post(`/api/v1/items/${itemId}/resume`, supervisor)).body.status).toBe('extended');
    expect(
      (await t.post(`/api/v1/items/${itemId}/reassign`, supervisor, { toWorkerId: 'ga-dc-02' })).body.events,
    ).toEqual(['ItemReassigned']);
    expect((await t.post(`/api/v1/items/${itemId}/resolve`, worker01, { resolution: 'x' })).status).toBe(403);

    const other = await t.receivedAndOffered();
    await t.post(`/api/v1/items/${other.itemId}/sign`, worker01);
    const returned = await t.post(`/api/v1/items/${other.itemId}/return`, worker01, {
      reasonCode: 'wrong_area',
      note: '应属陵城区',
    });
    expect(returned.body).toMatchObject({ status: 'returned', events: ['ItemReturned'] });
    const bad = await t.post(`/api/v1/items/${other.itemId}/return`, worker01, { reasonCode: 'bored' });
    expect(bad.status).toBe(400);
  });
});
