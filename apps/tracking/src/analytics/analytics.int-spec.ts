import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createEvent, topicName, type AnyEvent } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { runService } from '@app/runtime';
import { eventually, isolatedEnv, staffAuth, type IsolatedEnv } from '@app/testing';
import { TrackingConfig } from '../tracking.config';
import { TrackingModule } from '../tracking.module';
import { AnalyticsProjector } from './analytics.projector';

/**
 * Events of October 2026 fed through the analytics projector into real PostgreSQL, then read back over HTTP:
 * rates, repeats, hot spots, the ledger as CSV and XLSX, and a closed period that later events cannot change.
 */
const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 9, day, hour - 8, minute)).toISOString(); // China time → ISO
const meta = (occurredAt: string) => ({ correlationId: 'analytics-int', occurredAt: new Date(occurredAt) });

interface Item {
  id: string;
  receiptNo: string;
}
let serial = 0;
function newItem(): Item {
  serial += 1;
  return { id: randomUUID(), receiptNo: `YM-20261012-${String(serial).padStart(6, '0')}-0` };
}

function received(item: Item, when: string, text: { title: string; mobile?: string; areaCode?: string }) {
  return createEvent(
    'ItemReceived',
    item.id,
    {
      receiptNo: item.receiptNo,
      source: { channel: 'hotline', platform: '12345' },
      requestType: 'complaint',
      title: text.title,
      description: `${text.title}，请尽快处理。`,
      location: { areaCode: text.areaCode ?? '371402' },
      citizen: text.mobile ? { mobile: text.mobile, anonymous: false } : { anonymous: true },
      attachments: [],
      urgency: 'normal',
      confidential: false,
      receivedAt: when,
    },
    meta(when),
  );
}
const routed = (item: Item, when: string, unitId: string, round = 1, agency: 'police' | 'court' = 'police') =>
  createEvent(
    'ItemRouted',
    item.id,
    {
      receiptNo: item.receiptNo,
      agency,
      unitId,
      areaCode: '371402',
      category: '社会治安',
      assisting: [],
      confidence: 0.9,
      outOfScope: false,
      decisionId: randomUUID(),
      ruleSetVersion: 'test',
      round,
      reason: '测试',
    },
    meta(when),
  );
const signed = (item: Item, when: string, unitId: string) =>
  createEvent(
    'ItemSigned',
    item.id,
    { receiptNo: item.receiptNo, by: `${unitId}-01`, unitId, workerId: `${unitId}-01` },
    meta(when),
  );
const resolved = (item: Item, when: string, unitId: string) =>
  createEvent(
    'ItemResolved',
    item.id,
    { receiptNo: item.receiptNo, by: 'w', unitId, resolution: '已处理' },
    meta(when),
  );
/** Tracking's own events (contact, follow-up) whose contracts another branch adds: the projector reads them by type. */
const trackingEvent = (type: string, item: Item, when: string, payload: object): AnyEvent =>
  ({
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: when,
    itemId: item.id,
    correlationId: 'analytics-int',
    producer: 'tracking',
    payload: { receiptNo: item.receiptNo, by: 'zfw01', ...payload },
  }) as unknown as AnyEvent;

/** Collects a file download into a Buffer. */
const binary = ((res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];

describe('analytics on real PostgreSQL', () => {
  let env: IsolatedEnv;
  let app: INestApplication;
  let server: Parameters<typeof request>[0];
  const committee = staffAuth('committee', { username: 'zfw01' });
  const [a, b, c, d, e, f, g] = Array.from({ length: 7 }, newItem) as [
    Item,
    Item,
    Item,
    Item,
    Item,
    Item,
    Item,
  ];

  async function feed(events: AnyEvent[]): Promise<void> {
    const projector = app.get(AnalyticsProjector);
    await app.get(DataSource).transaction((manager) => projector.project(events, manager));
  }
  const october = { from: '2026-10-01', to: '2026-10-31' };

  beforeAll(async () => {
    env = await isolatedEnv('analytics');
    const config = loadConfig(TrackingConfig, { ...env.serviceEnv, PORT: '0', RATE_MIN_SAMPLE: '2' });
    app = await runService(TrackingModule.register(config), config, {
      title: 'analytics test',
      description: '',
      consumes: true,
    });
    server = app.getHttpServer() as Parameters<typeof request>[0];
    const noise = '天衢路夜市烧烤油烟噪音扰民';
    await feed([
      // A: responded, resolved and satisfied in time.
      received(a, at(12, 9), { title: '新华路小区门口有人聚众赌博', mobile: '13800000001' }),
      routed(a, at(12, 9, 5), 'ga-dc'),
      signed(a, at(12, 9, 30), 'ga-dc'),
      trackingEvent('CitizenContacted', a, at(12, 10), {
        method: 'phone',
        summary: '已联系',
        contactedAt: at(12, 10),
      }),
      resolved(a, at(13, 10), 'ga-dc'),
      trackingEvent('FollowUpRecorded', a, at(14, 10), { result: 'satisfied' }),
      createEvent(
        'ItemClosed',
        a.id,
        { receiptNo: a.receiptNo, by: 'zfw01', outcome: 'resolved' },
        meta(at(14, 11)),
      ),
      // B: signed a day late, resolved, unsatisfied.
      received(b, at(12, 9), { title: '电动车被盗', mobile: '13800000002' }),
      routed(b, at(12, 9, 5), 'ga-dc'),
      signed(b, at(13, 9), 'ga-dc'),
      trackingEvent('CitizenContacted', b, at(13, 10), {
        method: 'phone',
        summary: '已联系',
        contactedAt: at(13, 10),
      }),
      resolved(b, at(14, 10), 'ga-dc'),
      trackingEvent('FollowUpRecorded', b, at(15, 10), { result: 'unsatisfied' }),
      trackingEvent('ItemEscalated', b, at(12, 11), {
        kind: 'sign',
        deadline: at(12, 10),
        level: 'supervisor',
        unitId: 'ga-dc',
      }),
      // C: A's citizen again about the same matter: a repeat, counted once.
      received(c, at(16, 9), { title: '再次反映新华路小区门口有人聚众赌博', mobile: '13800000001' }),
      routed(c, at(16, 9, 5), 'ga-dc'),
      // D: misrouted to 陵城, returned, then to the court: responded in time, never resolved.
      received(d, at(12, 9), { title: '判决执行难', mobile: '13800000004' }),
      routed(d, at(12, 9, 5), 'ga-lc'),
      createEvent(
        'ItemReturned',
        d.id,
        {
          receiptNo: d.receiptNo,
          by: 'ga-lc-01',
          unitId: 'ga-lc',
          agency: 'police',
          reasonCode: 'wrong_area',
        },
        meta(at(12, 9, 20)),
      ),
      routed(d, at(12, 9, 25), 'fy-dc', 2, 'court'),
      signed(d, at(12, 9, 40), 'fy-dc'),
      trackingEvent('CitizenContacted', d, at(12, 11), {
        method: 'phone',
        summary: '已联系',
        contactedAt: at(12, 11),
      }),
      // E, F, G: three people, one place, one problem: a hot spot.
      received(e, at(20, 9), { title: noise, mobile: '13900000005', areaCode: '371427' }),
      received(f, at(21, 9), { title: `${noise}严重`, mobile: '13900000006', areaCode: '371427' }),
      received(g, at(22, 9), { title: `${noise}问题`, areaCode: '371427' }),
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await env?.drop();
  });

  it('computes the rates per unit with repeats counted once and a minimum sample for ranking', async () => {
    const res = await request(server)
      .get('/api/v1/stats/rates')
      .query({ ...october, groupBy: 'unit' })
      .set(committee)
      .expect(200);
    const body = res.body as { frozen: boolean; weights: object; groups: Record<string, unknown>[] };
    expect(body.frozen).toBe(false);
    expect(body.weights).toEqual({ response: 30, resolution: 35, satisfaction: 35 });
    const gaDc = body.groups.find((r) => r.key === 'ga-dc');
    expect(gaDc).toMatchObject({
      label: '德城区公安分局',
      items: 3,
      counted: 2,
      response: { numerator: 1, denominator: 2, rate: 0.5 },
      resolution: { numerator: 2, denominator: 2, rate: 1 },
      satisfaction: { numerator: 1, denominator: 2, rate: 0.5 },
      onTime: { numerator: 2, denominator: 2, rate: 1 },
      rank: 1,
    });
    expect(gaDc?.composite).toBeCloseTo(0.675);
    expect(body.groups.find((r) => r.key === 'fy-dc')).toMatchObject({
      counted: 1,
      response: { rate: 1 },
      resolution: { numerator: 0, denominator: 1 },
      returnRate: { rate: 1 },
      misrouteRate: { rate: 1 },
      rank: null,
    });
  });

  it('scopes a supervisor to their own unit and refuses workers', async () => {
    const res = await request(server)
      .get('/api/v1/stats/rates')
      .query({ ...october, groupBy: 'unit' })
      .set(staffAuth('supervisor', { unitId: 'fy-dc' }))
      .expect(200);
    expect((res.body as { groups: { key: string }[] }).groups.map((r) => r.key)).toEqual(['fy-dc']);
    await request(server).get('/api/v1/stats/rates').set(staffAuth('worker')).expect(403);
    await request(server)
      .get('/api/v1/stats/ledger')
      .set(staffAuth('supervisor', { unitId: 'fy-dc' }))
      .expect(403);
  });

  it('gives an overview with repeats, hot-spot items, overdue and escalated items', async () => {
    const res = await request(server).get('/api/v1/stats/overview').query(october).set(committee).expect(200);
    expect(res.body).toMatchObject({ total: 7, repeats: 1, inHotSpots: 3, escalated: 1 });
    const escalations = await request(server)
      .get('/api/v1/stats/escalations')
      .query(october)
      .set(committee)
      .expect(200);
    expect((escalations.body as { units: unknown[] }).units).toEqual(
      expect.arrayContaining([
        { unitId: 'ga-dc', unitName: '德城区公安分局', escalatedItems: 1, escalations: 1, overdueOpen: 1 },
        { unitId: 'fy-dc', unitName: '德城区人民法院', escalatedItems: 0, escalations: 0, overdueOpen: 1 },
      ]),
    );
  });

  it('filters the rates, e.g. one agency by week', async () => {
    const res = await request(server)
      .get('/api/v1/stats/rates')
      .query({ ...october, groupBy: 'week', agency: 'court' })
      .set(committee)
      .expect(200);
    expect((res.body as { groups: { key: string; items: number }[] }).groups).toEqual([
      expect.objectContaining({ key: '2026-W42', items: 1 }),
    ]);
  });

  it('groups the three similar reports into a hot spot and turns it into one governance task', async () => {
    const res = await request(server).get('/api/v1/stats/clusters').query(october).set(committee).expect(200);
    const clusters = (
      res.body as { clusters: { id: string; itemCount: number; people: number; areaName: string }[] }
    ).clusters;
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      itemCount: 3,
      people: 3,
      areaName: '夏津县',
      title: '天衢路夜市烧烤油烟噪音扰民',
    });
    const id = clusters[0]?.id ?? '';
    const first = await request(server)
      .post(`/api/v1/stats/clusters/${id}/governance-task`)
      .set(committee)
      .send({ unitId: 'ga-xj' })
      .expect(201);
    expect(first.body).toMatchObject({ clusterId: id, unitId: 'ga-xj', status: 'open', createdBy: 'zfw01' });
    expect((first.body as { itemIds: string[] }).itemIds.sort()).toEqual([e.id, f.id, g.id].sort());
    const again = await request(server)
      .post(`/api/v1/stats/clusters/${id}/governance-task`)
      .set(committee)
      .expect(200);
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
    await request(server)
      .post(`/api/v1/stats/clusters/${randomUUID()}/governance-task`)
      .set(committee)
      .expect(404);
  });

  it('exports the ledger as CSV with a BOM and as XLSX with Chinese headers', async () => {
    const csv = await request(server)
      .get('/api/v1/stats/ledger')
      .query({ ...october, format: 'csv' })
      .set(committee)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('filename="ledger-2026-10-01-2026-10-31.csv"');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF受理编号,诉求标题,受理渠道')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines.find((l) => l.startsWith(c.receiptNo))).toContain(a.receiptNo);

    const xlsx = await request(server)
      .get('/api/v1/stats/ledger')
      .query({ ...october, format: 'xlsx' })
      .set(committee)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = xlsx.body as Buffer;
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('工作台账');
    expect(sheet?.rowCount).toBe(8);
    expect(sheet?.getRow(1).getCell(1).value).toBe('受理编号');
    const rowOfA = sheet?.getRows(2, 7)?.find((r) => r.getCell(1).value === a.receiptNo);
    expect(rowOfA?.getCell(8).value).toBe('德城区公安分局');
    expect(rowOfA?.getCell(23).value).toBe('满意');
  });

  it('closes a period: later events change live figures but not the closed month', async () => {
    const closed = await request(server)
      .post('/api/v1/stats/periods/2026-10/close')
      .set(committee)
      .expect(201);
    expect(closed.body).toMatchObject({ period: '2026-10', itemCount: 7, closedBy: 'zfw01' });
    await request(server).post('/api/v1/stats/periods/2026-10/close').set(committee).expect(409);
    await request(server).post('/api/v1/stats/periods/2026-13/close').set(committee).expect(400);
    const periods = await request(server).get('/api/v1/stats/periods').set(committee).expect(200);
    expect(periods.body).toEqual([expect.objectContaining({ period: '2026-10', itemCount: 7 })]);

    await feed([resolved(d, at(30, 10), 'fy-dc')]);

    const frozen = await request(server)
      .get('/api/v1/stats/rates')
      .query({ ...october, groupBy: 'unit' })
      .set(committee)
      .expect(200);
    const frozenBody = frozen.body as { frozen: boolean; groups: { key: string; resolution: unknown }[] };
    expect(frozenBody.frozen).toBe(true);
    expect(frozenBody.groups.find((r) => r.key === 'fy-dc')?.resolution).toMatchObject({ numerator: 0 });
    const ledger = await request(server)
      .get('/api/v1/stats/ledger')
      .query(october)
      .set(committee)
      .expect(200);
    const ledgerBody = ledger.body as { frozen: boolean; rows: { receiptNo: string; resolvedAt: string }[] };
    expect(ledgerBody.frozen).toBe(true);
    expect(ledgerBody.rows.find((r) => r.receiptNo === d.receiptNo)?.resolvedAt).toBe('');

    const live = await request(server)
      .get('/api/v1/stats/rates')
      .query({ from: '2026-10-01', to: '2026-10-30', groupBy: 'unit' })
      .set(committee)
      .expect(200);
    const liveBody = live.body as { frozen: boolean; groups: { key: string; resolution: unknown }[] };
    expect(liveBody.frozen).toBe(false);
    expect(liveBody.groups.find((r) => r.key === 'fy-dc')?.resolution).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });

  it('links a repeat whose earlier item is recorded after it', async () => {
    const [earlier, later] = [newItem(), newItem()];
    const nov = (day: number) => new Date(Date.UTC(2026, 10, day, 1)).toISOString();
    await feed([received(later, nov(5), { title: '再次反映邻居装修噪音扰民', mobile: '13700000009' })]);
    await feed([received(earlier, nov(3), { title: '邻居装修噪音扰民', mobile: '13700000009' })]);
    const res = await request(server)
      .get('/api/v1/stats/ledger')
      .query({ from: '2026-11-01', to: '2026-11-10' })
      .set(committee)
      .expect(200);
    const rows = (res.body as { rows: { receiptNo: string; repeatOf: string }[] }).rows;
    expect(rows.find((r) => r.receiptNo === later.receiptNo)?.repeatOf).toBe(earlier.receiptNo);
    expect(rows.find((r) => r.receiptNo === earlier.receiptNo)?.repeatOf).toBe('');
  });

  it('keeps both halves when one new item is projected from two topics at once', async () => {
    const item = newItem();
    const when = new Date(Date.UTC(2026, 10, 12, 1)).toISOString();
    await Promise.all([
      feed([received(item, when, { title: '小区电动车充电桩私拉电线', mobile: '13700000010' })]),
      feed([routed(item, when, 'ga-dc')]),
    ]);
    const res = await request(server)
      .get('/api/v1/stats/ledger')
      .query({ from: '2026-11-12', to: '2026-11-12' })
      .set(committee)
      .expect(200);
    expect((res.body as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({
        receiptNo: item.receiptNo,
        title: '小区电动车充电桩私拉电线',
        unit: '德城区公安分局',
      }),
    ]);
  });

  it('files an item under its keys once, even if its ItemReceived comes again under another event id', async () => {
    const item = newItem();
    const when = new Date(Date.UTC(2026, 10, 14, 1)).toISOString();
    const first = received(item, when, { title: '楼道堆放杂物堵塞消防通道', mobile: '13700000011' });
    const keyRows = async () => {
      const [row] = await app.get(DataSource).query<{ person: number; bands: number }[]>(
        `SELECT (SELECT count(*) FROM item_person_keys WHERE item_id = $1)::int AS person,
                (SELECT count(*) FROM item_lsh WHERE item_id = $1)::int AS bands`,
        [item.id],
      );
      return row!;
    };
    await feed([first]);
    const filed = await keyRows();
    expect(filed.person).toBeGreaterThan(0);
    expect(filed.bands).toBeGreaterThan(0);
    // a stray copy: the same payload under a new event id, alone and twice in one batch
    const again = () => received(item, when, { title: '楼道堆放杂物堵塞消防通道', mobile: '13700000011' });
    await feed([again()]);
    await feed([again(), again()]);
    expect(await keyRows()).toEqual(filed);
  });

  it('detects repeats and hot spots in a batch as it would one item per batch', async () => {
    const dec = (day: number) => new Date(Date.UTC(2026, 11, day, 1)).toISOString();
    const area = '371424';
    const clutter = '楼道堆放杂物堵塞消防通道';
    const noise = '广场舞音响深夜扰民';
    const door = '单元门禁系统损坏外人随意进出';
    const [a1, a2, a3] = [newItem(), newItem(), newItem()];
    const [b1, b2, b3] = [newItem(), newItem(), newItem()];
    const [c1, c2] = [newItem(), newItem()];
    const [p1, p2, q] = [newItem(), newItem(), newItem()];
    const rs = Array.from({ length: 10 }, newItem);
    const earlierBatch = [
      received(b1, dec(1), { title: clutter, mobile: '13600000001', areaCode: area }),
      received(p1, dec(2), { title: noise, mobile: '13600000011', areaCode: area }),
      received(p2, dec(3), { title: `${noise}严重`, mobile: '13600000012', areaCode: area }),
    ];
    const batch = [
      // B3 repeats B2, whose link to B1 is made earlier in the batch: B3's link is to B1 too.
      received(b2, dec(5), { title: `${clutter}无人清理`, mobile: '13600000001', areaCode: area }),
      received(b3, dec(8), { title: `${clutter}无人清理`, mobile: '13600000001', areaCode: area }),
      // C1, received before C2 but processed after it, links C2 from the earlier side.
      received(c2, dec(9), { title: '再次反映小区路灯损坏多日未修', mobile: '13600000003', areaCode: area }),
      received(c1, dec(4), { title: '小区路灯损坏多日未修', mobile: '13600000003', areaCode: area }),
      // Processed newest first: A3 cannot see A1 yet (its better match), so A2 links it, and A1 links A2.
      received(a3, dec(12), { title: door, mobile: '13600000004', areaCode: area }),
      received(a2, dec(10), { title: `${door}物业不管`, mobile: '13600000004', areaCode: area }),
      received(a1, dec(2), { title: door, mobile: '13600000004', areaCode: area }),
      // Q is the third person: a hot spot forms. The ten after it, all newer, join it; while Q is checked they
      // are not filed yet and must not take its buckets' places of P1 and P2.
      received(q, dec(6), { title: noise, mobile: '13600000013', areaCode: area }),
      ...rs.map((r, i) =>
        received(r, dec(7 + i), {
          title: noise,
          mobile: i % 2 ? `136000001${String(i).padStart(2, '0')}` : undefined,
          areaCode: area,
        }),
      ),
    ];
    const ids = [a1, a2, a3, b1, b2, b3, c1, c2, p1, p2, q, ...rs].map((i) => i.id);
    const db = app.get(DataSource);
    const outcome = async () => {
      const items = await db.query<
        { item_id: string; repeat_of: string | null; cluster_id: string | null }[]
      >(
        `SELECT item_id, repeat_of, repeat_similarity, cluster_id FROM item_facts
         WHERE item_id = ANY($1::uuid[]) ORDER BY item_id`,
        [ids],
      );
      const spots = await db.query<{ id: string }[]>(
        `SELECT id, area_code, title, item_count, people, first_at, last_at FROM hot_spots
         WHERE id IN (SELECT cluster_id FROM item_facts WHERE item_id = ANY($1::uuid[])) ORDER BY id`,
        [ids],
      );
      return { items, spots };
    };

    for (const event of [...earlierBatch, ...batch]) await feed([event]);
    const oneByOne = await outcome();
    // The same events again from scratch, in two batches: the same ids, links and counts.
    await db.transaction(async (m) => {
      await m.query('DELETE FROM hot_spots WHERE id = ANY($1::uuid[])', [oneByOne.spots.map((s) => s.id)]);
      for (const table of ['item_facts', 'item_lsh', 'item_person_keys']) {
        await m.query(`DELETE FROM ${table} WHERE item_id = ANY($1::uuid[])`, [ids]);
      }
    });
    await feed(earlierBatch);
    await feed(batch);
    const batched = await outcome();

    expect(batched).toEqual(oneByOne);
    const repeatOf = new Map(batched.items.map((i) => [i.item_id, i.repeat_of]));
    expect([a1, a2, a3, b1, b2, b3, c1, c2].map((i) => repeatOf.get(i.id))).toEqual([
      ...[null, a1.id, a2.id],
      ...[null, b1.id, b1.id],
      ...[null, c1.id],
    ]);
    expect(batched.spots).toEqual([expect.objectContaining({ item_count: 13, people: 13, title: noise })]);
    const members = batched.items.filter((i) => i.cluster_id === batched.spots[0]?.id).map((i) => i.item_id);
    expect(members.sort()).toEqual([p1, p2, q, ...rs].map((i) => i.id).sort());
  });

  it('is fed by the tracking Kafka consumer', async () => {
    const item = newItem();
    const event = received(item, new Date(Date.UTC(2026, 10, 15, 1)).toISOString(), {
      title: '经 Kafka 到达的诉求',
    });
    const producer = createKafka('analytics-int', env.kafkaBrokers.split(',')).producer();
    await producer.connect();
    await producer.send({
      topic: topicName(env.topicPrefix, 'intake'),
      messages: [{ key: item.id, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    const rows = await eventually(
      'the item in the ledger',
      async () => {
        const res = await request(server)
          .get('/api/v1/stats/ledger')
          .query({ from: '2026-11-15', to: '2026-11-15' })
          .set(committee);
        const found = (res.body as { rows: { receiptNo: string }[] }).rows;
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(rows?.map((r) => r.receiptNo)).toEqual([item.receiptNo]);
  });
});
