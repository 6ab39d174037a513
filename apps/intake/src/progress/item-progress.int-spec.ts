import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createEvent, topicName, type AnyEvent } from '@app/contracts';
import { eventually } from '@app/testing';
import { startIntake, type IntakeUnderTest } from '../testing/intake-under-test';

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
});
