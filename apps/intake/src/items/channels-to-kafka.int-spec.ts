import { Kafka, logLevel, type Consumer } from 'kafkajs';
import request from 'supertest';
import { decodeEvent, topicName, type EventOf } from '@app/contracts';
import { eventually, staffAuth } from '@app/testing';
import { signRequest } from '../domain/request-signature';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';

const HOTLINE_SECRET = 'int-test-12345-secret-kafka';
const OPEN311_KEY = 'int-test-open311-key-kafka-01';

/**
 * Every channel ends in the same place: one ItemReceived event per receipt on the intake topic, carrying the
 * channel and sender, published by the outbox relay. (Kafka stopped and restarted under a stream of
 * submissions is covered across the running system by test/faults.e2e-spec.ts.)
 */
describe('every channel publishes ItemReceived through the outbox', () => {
  let intake: IntakeUnderTest;
  let consumer: Consumer;
  const received: EventOf<'ItemReceived'>[] = [];

  beforeAll(async () => {
    intake = await startIntake('intake_kafka', {
      HOTLINE_SECRETS: `12345:${HOTLINE_SECRET}`,
      OPEN311_API_KEYS: `citizen-app:${OPEN311_KEY}`,
    });
    const kafka = new Kafka({
      clientId: 'intake-int',
      brokers: intake.env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: `${intake.env.topicPrefix}intake-reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(intake.env.topicPrefix, 'intake'), fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const decoded = decodeEvent(message.value);
        if (decoded.ok && decoded.event.type === 'ItemReceived') received.push(decoded.event);
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await intake?.stop();
  });

  it('one event per receipt, whichever the channel, repeats included', async () => {
    const server = intake.server;
    const receipts: string[] = [];
    const keep = (res: request.Response) => {
      expect([200, 201]).toContain(res.status);
      receipts.push((res.body as { receiptNo: string }).receiptNo);
    };
    for (let i = 0; i < 2; i++) {
      keep(
        await request(server)
          .post('/api/v1/items')
          .set(staffAuth('clerk'))
          .set('idempotency-key', 'k-1')
          .send(validItem()),
      );
      keep(
        await request(server).post('/api/v1/portal/items').set('idempotency-key', 'k-1').send(validItem()),
      );
      const raw = JSON.stringify({ ...validItem(), externalId: 'H-1' });
      const timestamp = String(Date.now());
      keep(
        await request(server)
          .post('/api/v1/hotline/items')
          .set({
            'content-type': 'application/json',
            'x-yimen-platform': '12345',
            'x-yimen-timestamp': timestamp,
            'x-yimen-signature': signRequest(HOTLINE_SECRET, timestamp, raw),
          })
          .send(raw),
      );
      const batch = await request(server)
        .post('/api/v1/batch')
        .set({ ...staffAuth('clerk'), 'content-type': 'application/x-ndjson' })
        .send(JSON.stringify({ ...validItem(), externalId: 'B-1' }));
      const report = batch.body as { accepted: { receiptNo: string }[]; duplicates: { receiptNo: string }[] };
      receipts.push(...report.accepted.map((a) => a.receiptNo), ...report.duplicates.map((d) => d.receiptNo));
    }
    const open311 = await request(server).post('/open311/v2/requests.json').type('form').send({
      api_key: OPEN311_KEY,
      service_code: 'mediation',
      description: '楼上漏水，协商未果',
      address_string: '禹城市市中街道',
      first_name: '五',
      last_name: '王',
      phone: '13900139000',
    });
    receipts.push((open311.body as { service_request_id: string }[])[0]!.service_request_id);

    const distinct = new Set(receipts);
    expect(receipts).toHaveLength(9);
    expect(distinct.size).toBe(5);
    await eventually('an event for every receipt', () => Promise.resolve(received.length), {
      accept: (n) => n >= distinct.size,
    });
    expect(received.map((e) => e.payload.receiptNo).sort()).toEqual([...distinct].sort());
    expect(received.map((e) => e.payload.source.channel).sort()).toEqual([
      'batch',
      'hotline',
      'open311',
      'web',
      'window',
    ]);
    expect(received.find((e) => e.payload.source.channel === 'hotline')?.payload.source).toEqual({
      channel: 'hotline',
      platform: '12345',
      externalId: 'H-1',
    });
    for (const e of received) expect(e.itemId).toBeDefined();
  });
});
