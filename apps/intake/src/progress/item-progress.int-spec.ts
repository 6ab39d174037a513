import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createEvent, topicName, type AnyEvent } from '@app/contracts';
import { anItemRouted, eventually } from '@app/testing';
import { SubmitItemDto } from '../items/submit-item.dto';
import { SubmitItemUseCase } from '../items/submit-item.use-case';
import { ItemsRepository } from '../persistence/items.repository';
import { RecordProgressUseCase } from './record-progress.use-case';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';

const API_KEY = 'int-test-open311-progress-key';

/** Intake learns from the router's and tracking's events how its items get on, and tells Open311 platforms. */
describe('item progress from downstream events', () => {
  let intake: IntakeUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    intake = await startIntake('intake_progress', { OPEN311_API_KEYS: `app:${API_KEY}` }, { consume: true });
    const kafka = new Kafka({
      clientId: 'intake-progress-int',
      brokers: intake.env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await intake?.stop();
  });

  const publish = async (topic: 'routing' | 'tracking', events: AnyEvent[]) => {
    await producer.send({
      topic: topicName(intake.env.topicPrefix, topic),
      messages: events.map((e) => ({ key: e.itemId, value: JSON.stringify(e) })),
    });
  };

  const status = async (receiptNo: string) => {
    const res = await request(intake.server)
      .get(`/open311/v2/requests/${receiptNo}.json`)
      .query({ api_key: API_KEY });
    return (
      res.body as { status: string; agency_responsible: string | null; status_notes: string | null }[]
    )[0];
  };

  it('shows the unit an item was routed to, then closed; late and repeated events change nothing', async () => {
    const created = await request(intake.server).post('/open311/v2/requests.json').type('form').send({
      api_key: API_KEY,
      service_code: 'theft',
      description: '电动车被盗',
      jurisdiction_id: '371402',
      first_name: '三',
      last_name: '张',
      phone: '13800138000',
    });
    const receiptNo = (created.body as { service_request_id: string }[])[0]!.service_request_id;
    const db = intake.app.get(DataSource);
    const rows = await db.query<{ id: string }[]>('SELECT id FROM items WHERE receipt_no = $1', [receiptNo]);
    const itemId = rows[0]!.id;
    expect(await status(receiptNo)).toMatchObject({ status: 'open', agency_responsible: null });

    const t0 = Date.now();
    const routed = createEvent(
      'ItemRouted',
      itemId,
      {
        receiptNo,
        agency: 'police',
        unitId: 'ga-dc',
        assisting: [],
        confidence: 0.9,
        outOfScope: false,
        decisionId: 'd1',
        ruleSetVersion: 'v1',
        round: 1,
        reason: '盗窃',
      },
      { correlationId: 'p', occurredAt: new Date(t0) },
    );
    await publish('routing', [routed]);
    await eventually('the routing to show', () => status(receiptNo), {
      accept: (s) => s?.agency_responsible === '德城区公安分局',
    });

    const closed = createEvent(
      'ItemClosed',
      itemId,
      { receiptNo, by: 'ga-dc-01', outcome: 'satisfied' },
      { correlationId: 'p', occurredAt: new Date(t0 + 60_000) },
    );
    const lateTriage = createEvent(
      'ItemTriaged',
      itemId,
      { receiptNo, reason: '迟到的事件', confidence: 0.2, decisionId: 'd0' },
      { correlationId: 'p', occurredAt: new Date(t0 - 60_000) },
    );
    await publish('tracking', [closed, closed]);
    await publish('routing', [lateTriage]);
    // routed, closed (twice, counted once) and the late triage: three events handled
    await eventually(
      'every event to be processed',
      async () => (await db.query<{ n: string }[]>('SELECT count(*) AS n FROM processed_events'))[0]?.n,
      { accept: (n) => n === '3' },
    );
    const list = await request(intake.server)
      .get('/open311/v2/requests.json')
      .query({ api_key: API_KEY, status: 'closed' });
    expect(list.body).toEqual([
      expect.objectContaining({
        service_request_id: receiptNo,
        status: 'closed',
        status_notes: '已办结关闭',
        agency_responsible: '德城区公安分局',
      }),
    ]);
  });

  it('folds a batch in one read and one write, as if its events were applied one by one', async () => {
    const submit = intake.app.get(SubmitItemUseCase);
    const record = intake.app.get(RecordProgressUseCase);
    const repository = intake.app.get(ItemsRepository);
    const db = intake.app.get(DataSource);
    const newItem = async () =>
      (
        await submit.execute({
          item: plainToInstance(SubmitItemDto, validItem()),
          source: { channel: 'window' },
          correlationId: 'fold',
        })
      ).id;
    const [a, b] = [await newItem(), await newItem()];
    const at = (iso: string) => ({ correlationId: 'fold', occurredAt: new Date(iso) });
    const routed = (itemId: string, unitId: string | undefined, when: string) =>
      anItemRouted(itemId, { ...(unitId ? { unitId } : {}), occurredAt: new Date(when) });
    const closed = (itemId: string, when: string) =>
      createEvent(
        'ItemClosed',
        itemId,
        { receiptNo: 'YM-20261125-000001-6', by: 'u', outcome: 'satisfied' },
        at(when),
      );
    const signed = (itemId: string, when: string) =>
      createEvent(
        'ItemSigned',
        itemId,
        { receiptNo: 'YM-20261125-000001-6', by: 'u', unitId: 'ga-dc', workerId: 'w' },
        at(when),
      );
    const aClosed = closed(a, '2026-11-25T10:00:00.000Z');
    // Microseconds PostgreSQL keeps and JavaScript dates would lose: the later event must win.
    const bRouted = {
      ...routed(b, 'ga-dc', '2026-11-25T09:00:00.000Z'),
      occurredAt: '2026-11-25T09:00:00.000001Z',
    };
    const batch = [
      routed(a, 'ga-dc', '2026-11-25T09:00:00.000Z'),
      aClosed,
      signed(a, '2026-11-25T09:30:00.000Z'), // late: changes nothing
      routed(a, undefined, '2026-11-25T09:00:00.000Z'), // same time as the first routing: moves the agency
      aClosed, // a redelivery inside the batch: once
      bRouted,
      signed(b, '2026-11-25T09:00:00.000Z'), // a microsecond older than the routing: changes nothing
      closed(randomUUID(), '2026-11-25T09:00:00.000Z'), // an item intake does not know
    ];
    const lock = jest.spyOn(repository, 'lockProgress');
    const write = jest.spyOn(repository, 'writeProgress');
    await record.execute(batch);
    expect(lock).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledTimes(1);
    const progress = async (id: string) =>
      (
        await db.query<Record<string, string | null>[]>(
          `SELECT status, status_notes, to_char(status_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS status_at,
                  agency_responsible, to_char(agency_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS agency_at
             FROM items WHERE id = $1`,
          [id],
        )
      )[0];
    expect(await progress(a)).toEqual({
      status: 'closed',
      status_notes: '已办结关闭',
      status_at: '10:00:00.000000',
      agency_responsible: '公安',
      agency_at: '09:00:00.000000',
    });
    expect(await progress(b)).toEqual({
      status: 'open',
      status_notes: '已分拨至 德城区公安分局',
      status_at: '09:00:00.000001',
      agency_responsible: '德城区公安分局',
      agency_at: '09:00:00.000001',
    });
    // the whole batch again (a redelivery): nothing changes
    await record.execute(batch);
    expect(await progress(a)).toMatchObject({ status: 'closed', status_at: '10:00:00.000000' });
  });
});
