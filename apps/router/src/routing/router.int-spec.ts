import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createEvent, decodeEvent, topicName, type AnyEvent, type PayloadOf } from '@app/contracts';
import { KafkaEventServer } from '@app/messaging';
import { runService } from '@app/runtime';
import { eventually, isolatedEnv, staffAuth, type IsolatedEnv } from '@app/testing';
import { RouterConfig } from '../router.config';
import { RouterModule } from '../router.module';
import { Clock } from './clock';
import { RouteItemsUseCase } from './route-items.use-case';

/**
 * The router on real Kafka and PostgreSQL: two instances in one consumer group share the items with none
 * routed twice; offers move on after a rejection and after expiry (clock injected); returns re-route, then go
 * to arbitration; rule edits take effect without a restart and are audited.
 */
class FakeClock extends Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

function received(title: string, description: string, address: string, mobile?: string): AnyEvent {
  return createEvent(
    'ItemReceived',
    randomUUID(),
    {
      receiptNo: `YM-20261125-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}-0`,
      source: { channel: 'window' },
      requestType: 'help',
      title,
      description,
      location: { address },
      citizen: { anonymous: false, ...(mobile ? { mobile } : {}) },
      attachments: [],
      urgency: 'normal',
      confidential: false,
      receivedAt: new Date().toISOString(),
    },
    { correlationId: `router-int-${title}` },
  );
}

function tracking<T extends 'OfferRejected' | 'ItemReturned'>(
  type: T,
  itemId: string,
  payload: PayloadOf<T>,
): AnyEvent {
  return createEvent(type, itemId, payload, { correlationId: 'router-int-tracking' }) as AnyEvent;
}

describe('router on real Kafka and PostgreSQL', () => {
  let env: IsolatedEnv;
  const apps: INestApplication[] = [];
  const handled = [0, 0];
  const clock = new FakeClock();
  let dataSource: DataSource;
  let producer: Producer;
  let collector: Consumer;
  let items: AnyEvent[] = [];
  /** What the router published, as read back from its topic (the relay deletes outbox rows once sent). */
  const published = new Map<string, AnyEvent>();

  const send = async (topic: 'intake' | 'tracking', events: AnyEvent[]) => {
    await producer.send({
      topic: topicName(env.topicPrefix, topic),
      messages: events.map((e) => ({ key: e.itemId, value: JSON.stringify(e) })),
    });
  };
  const publishedOf = (itemId: string) =>
    Promise.resolve(
      [...published.values()]
        .filter((e) => e.itemId === itemId)
        .map((e): { type: string } & Record<string, string> => ({
          type: e.type,
          ...(e.payload as unknown as Record<string, string>),
        })),
    );
  const countOf = (itemId: string, type: string) =>
    [...published.values()].filter((e) => e.itemId === itemId && e.type === type).length;

  beforeAll(async () => {
    env = await isolatedEnv('router');
    const config = loadConfig(RouterConfig, {
      ...env.serviceEnv,
      PORT: '0',
      OUTBOX_POLL_MS: '200',
      ROUTER_SWEEP_MS: '200',
      ROUTER_OFFER_TTL_S: '60',
    });
    // One after the other: the first runs the migrations and seeds the rules.
    for (const i of [0, 1]) {
      const app = await runService(RouterModule.register(config, { clock }), config, {
        title: `router ${i}`,
        description: '',
        consumes: true,
      });
      const useCase = app.get(RouteItemsUseCase);
      const execute = useCase.execute.bind(useCase);
      useCase.execute = async (events) => {
        const n = await execute(events);
        handled[i]! += n;
        return n;
      };
      apps.push(app);
    }
    dataSource = apps[0]!.get(DataSource);
    await eventually('both instances in the group', () =>
      Promise.resolve(apps.every((a) => a.get(KafkaEventServer).isReady()) ? true : undefined),
    );
    const kafka = new Kafka({
      clientId: 'router-int',
      brokers: env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer();
    await producer.connect();
    collector = kafka.consumer({ groupId: `router-int-${randomUUID()}` });
    await collector.connect();
    await collector.subscribe({ topics: [topicName(env.topicPrefix, 'routing')], fromBeginning: true });
    await collector.run({
      eachMessage: ({ message }) => {
        const decoded = decodeEvent(message.value);
        if (decoded.ok) published.set(decoded.event.eventId, decoded.event);
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await collector?.disconnect();
    await producer?.disconnect();
    for (const app of apps) await app.close();
    await env?.drop();
  });

  it('two instances in one group route every item exactly once', async () => {
    items = Array.from({ length: 40 }, (_, i) =>
      received(`电动车被盗 ${i}`, '停在楼下的电动车被偷了', i % 2 ? '德城区新湖街道' : '乐陵市市中街道'),
    );
    await send('intake', items);
    await send('intake', items.slice(0, 10)); // redelivery: no effect
    await eventually(
      'all items routed',
      async () =>
        (await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM item_routes'))[0]?.n,
      { accept: (n) => n === 40, timeoutMs: 60_000 },
    );
    const decisions = await dataSource.query<{ item_id: string; decisions: number }[]>(
      `SELECT r.item_id, (SELECT count(*)::int FROM route_decisions d WHERE d.item_id = r.item_id) AS decisions
       FROM item_routes r`,
    );
    // Published events arrive on the topic shortly after the routing commits.
    const perItem = await eventually(
      'every item routed and offered on the topic',
      () =>
        Promise.resolve(
          decisions.map((r) => ({
            routed: countOf(r.item_id, 'ItemRouted'),
            offered: countOf(r.item_id, 'ItemOffered'),
            decisions: r.decisions,
          })),
        ),
      { accept: (rows) => rows.every((r) => r.routed > 0 && r.offered > 0) },
    );
    expect(perItem.every((r) => r.routed === 1 && r.offered === 1 && r.decisions === 1)).toBe(true);
    expect(handled[0]! + handled[1]!).toBe(40);
    expect(handled[0]).toBeGreaterThan(0);
    expect(handled[1]).toBeGreaterThan(0);
    // The grid officer of 新湖街道 gets those offers; load is spread by the least-loaded rule otherwise.
    const load = await dataSource.query<{ worker_id: string; active: number }[]>(
      'SELECT worker_id, active FROM worker_load ORDER BY worker_id',
    );
    expect(load.reduce((s, r) => s + r.active, 0)).toBe(40);
    expect(load.find((r) => r.worker_id === 'ga-dc-01')?.active).toBe(20);
  });

  it('queues when nobody can take an item, and offers it once someone has room again', async () => {
    // 乐陵: ga-ll-01 holds the 20 items above (capacity 20), ga-ll-02 is off duty.
    const item = received('店里被盗', '收银台的钱被偷了', '乐陵市胡家街道');
    await send('intake', [item]);
    const queued = await eventually('queued', async () =>
      (await publishedOf(item.itemId)).find((e) => e.type === 'ItemQueued'),
    );
    expect(queued).toMatchObject({ unitId: 'ga-ll' });
    expect(queued?.reason).toContain('ga-ll-sup');
    const done = items.find(
      (e) => e.type === 'ItemReceived' && e.payload.location.address === '乐陵市市中街道',
    )!;
    await send('tracking', [
      createEvent(
        'ItemResolved',
        done.itemId,
        {
          receiptNo: 'YM-20261125-000000-0',
          by: 'ga-ll-01',
          unitId: 'ga-ll',
          workerId: 'ga-ll-01',
          resolution: '已破案',
        },
        { correlationId: 'router-int-tracking' },
      ),
    ]);
    const offered = await eventually('offered from the queue', async () =>
      (await publishedOf(item.itemId)).find((e) => e.type === 'ItemOffered'),
    );
    expect(offered).toMatchObject({ unitId: 'ga-ll', workerId: 'ga-ll-01' });
  });

  it('offers the next candidate after a rejection and after expiry, then queues', async () => {
    const item = received('钱包被偷', '在商场被扒窃', '陵城区糜镇');
    await send('intake', [item]);
    const first = await eventually('first offer', async () =>
      (await publishedOf(item.itemId)).find((e) => e.type === 'ItemOffered'),
    );
    if (!first) throw new Error('no offer');
    expect(first).toMatchObject({ unitId: 'ga-lc', workerId: 'ga-lc-02' });
    await send('tracking', [
      tracking('OfferRejected', item.itemId, {
        receiptNo: first.receiptNo!,
        by: 'ga-lc-02',
        offerId: first.offerId!,
        workerId: 'ga-lc-02',
        reason: '外出办案',
      }),
    ]);
    const second = await eventually(
      'second offer',
      async () => (await publishedOf(item.itemId)).filter((e) => e.type === 'ItemOffered')[1],
    );
    expect(second?.workerId).toBe('ga-lc-01');
    clock.advance(61_000);
    const events = await eventually('expiry and queue', () => publishedOf(item.itemId), {
      accept: (es) => es.some((e) => e.type === 'ItemQueued'),
    });
    expect(events.map((e) => e.type)).toEqual([
      'ItemRouted',
      'ItemOffered',
      'ItemOffered',
      'OfferExpired',
      'ItemQueued',
    ]);
  });

  it('re-routes a returned item excluding the unit, and asks for arbitration after two returns', async () => {
    const item = received(
      '执行款拿不到',
      '法院判决后申请强制执行，对方是老赖，小偷偷了我的车也没人管',
      '禹城市伦镇',
    );
    await send('intake', [item]);
    const routed = await eventually('routed', async () =>
      (await publishedOf(item.itemId)).find((e) => e.type === 'ItemRouted'),
    );
    expect(routed).toMatchObject({ agency: 'court', unitId: 'fy-yc', round: 1 });
    const returned = (unitId: string, agency: 'court' | 'police') =>
      tracking('ItemReturned', item.itemId, {
        receiptNo: routed!.receiptNo!,
        by: `${unitId}-sup`,
        unitId,
        agency,
        reasonCode: 'not_our_function',
      });
    await send('tracking', [returned('fy-yc', 'court')]);
    const rerouted = await eventually(
      're-routed',
      async () => (await publishedOf(item.itemId)).filter((e) => e.type === 'ItemRouted')[1],
    );
    expect(rerouted).toMatchObject({ agency: 'police', unitId: 'ga-yc', round: 2 });
    await send('tracking', [returned('ga-yc', 'police')]);
    const arbitration = await eventually('arbitration', async () =>
      (await publishedOf(item.itemId)).find((e) => e.type === 'ArbitrationRequested'),
    );
    expect(arbitration?.returns).toBe(2);

    // The committee arbitrates: the item goes to the justice bureau of the area in a new round.
    const server = apps[1]!.getHttpServer() as App;
    const decided = await request(server)
      .post(`/api/v1/routing/items/${item.itemId}/decision`)
      .set(staffAuth('committee', { username: 'zfw01' }))
      .send({ agency: 'justice', note: '属人民调解' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'offered', unitId: 'sf-yc', round: 3 });
    const third = await eventually(
      'routed by the committee',
      async () => (await publishedOf(item.itemId)).filter((e) => e.type === 'ItemRouted')[2],
    );
    expect(third).toMatchObject({ agency: 'justice', round: 3 });
    const again = await request(server)
      .post(`/api/v1/routing/items/${item.itemId}/decision`)
      .set(staffAuth('committee'))
      .send({ agency: 'justice' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ROUTING.NOT_AWAITING_DECISION');
  });

  it('sends a known repeat (same citizen, same kind of matter, still open) to the same unit and worker', async () => {
    const first = received('手机被偷', '在超市被扒窃', '齐河县华店镇', '13800138000');
    await send('intake', [first]);
    const offered = await eventually('first offer', async () =>
      (await publishedOf(first.itemId)).find((e) => e.type === 'ItemOffered'),
    );
    expect(offered).toMatchObject({ unitId: 'ga-qh', workerId: 'ga-qh-02' });
    const repeat = received('又来反映手机被偷的事', '上次被扒窃还没结果', '禹城市伦镇', '13800138000');
    await send('intake', [repeat]);
    const events = await eventually('repeat routed and offered', () => publishedOf(repeat.itemId), {
      accept: (es) => es.some((e) => e.type === 'ItemOffered'),
    });
    expect(events[0]).toMatchObject({ type: 'ItemRouted', unitId: 'ga-qh', repeatOfItemId: first.itemId });
    expect(events[1]).toMatchObject({ type: 'ItemOffered', workerId: 'ga-qh-02' });
  });

  it('routes a batch in one go: a repeat of an item in the same batch, and an item twice under two event ids', async () => {
    const first = received('手机被偷', '在超市被扒窃', '齐河县华店镇', '13900139000');
    const repeat = received('又来反映手机被偷的事', '上次被扒窃还没结果', '禹城市伦镇', '13900139000');
    const again = { ...first, eventId: randomUUID() } as AnyEvent;
    await apps[0]!.get(RouteItemsUseCase).execute([first, repeat, again]);
    const routes = await dataSource.query<
      { item_id: string; unit_id: string; worker_id: string; repeat_of: string | null; decisions: number }[]
    >(
      `SELECT r.item_id, r.unit_id, r.worker_id, r.repeat_of,
              (SELECT count(*)::int FROM route_decisions d WHERE d.item_id = r.item_id) AS decisions
         FROM item_routes r WHERE r.item_id = ANY($1::uuid[]) ORDER BY r.repeat_of NULLS FIRST`,
      [[first.itemId, repeat.itemId]],
    );
    expect(routes).toEqual([
      expect.objectContaining({ item_id: first.itemId, repeat_of: null, decisions: 1 }),
      expect.objectContaining({
        item_id: repeat.itemId,
        repeat_of: first.itemId,
        unit_id: routes[0]?.unit_id,
        worker_id: routes[0]?.worker_id,
        decisions: 1,
      }),
    ]);
    const offers = await dataSource.query<{ item_id: string; worker_id: string }[]>(
      "SELECT item_id, worker_id FROM offers WHERE item_id = ANY($1::uuid[]) AND status = 'open'",
      [[first.itemId, repeat.itemId]],
    );
    expect(offers).toHaveLength(2);
    // Delivered once more later, under yet another event id: the item keeps its one route and decision.
    await apps[0]!.get(RouteItemsUseCase).execute([{ ...first, eventId: randomUUID() }]);
    const [{ n } = { n: -1 }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM route_decisions WHERE item_id = $1',
      [first.itemId],
    );
    expect(n).toBe(1);
  });

  it('applies rule edits without a restart and audits them', async () => {
    const server = apps[1]!.getHttpServer() as App;
    const draft = {
      title: '小区里有人遛狗不拴绳',
      description: '大型犬吓到孩子',
      location: { areaCode: '371402' },
    };
    const before = await request(server).post('/api/v1/routing/preview').set(staffAuth('clerk')).send(draft);
    expect(before.status).toBe(200);
    const rule = {
      id: 'police.dogs',
      kind: 'category',
      agency: 'police',
      label: '犬只管理',
      terms: { 不拴绳: 10, 大型犬: 10 },
    };
    const saved = await request(apps[0]!.getHttpServer() as App)
      .put('/api/v1/routing/rules/police.dogs')
      .set(staffAuth('admin', { username: 'admin' }))
      .send(rule);
    expect(saved.status).toBe(201);
    const after = await request(server).post('/api/v1/routing/preview').set(staffAuth('clerk')).send(draft);
    expect(after.body).toMatchObject({ agency: 'police', category: '犬只管理', unit: { id: 'ga-dc' } });
    expect(after.body.explanation.ruleSetVersion).toBe(saved.body.version);
    expect(after.body.explanation.ruleSetVersion).not.toBe(before.body.explanation.ruleSetVersion);
    const changes = await request(server).get('/api/v1/routing/rules/changes').set(staffAuth('admin'));
    expect(changes.body[0]).toMatchObject({
      ruleId: 'police.dogs',
      action: 'create',
      changedBy: 'admin',
      before: null,
    });
    const forbidden = await request(server)
      .put('/api/v1/routing/rules/police.dogs')
      .set(staffAuth('clerk'))
      .send(rule);
    expect(forbidden.status).toBe(403);
  });
});
