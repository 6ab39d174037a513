import { randomUUID } from 'node:crypto';
import { Injectable, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { loadConfig, ServiceConfig } from '@app/config';
import { Headers, topicName, type AnyEvent, type EventOf } from '@app/contracts';
import { runService, platformModules } from '@app/runtime';
import { anItemReceived, eventually, isolatedEnv, type IsolatedEnv } from '@app/testing';
import { appendToOutbox } from './outbox';
import { claimUnprocessed } from './inbox';
import { createInboxTable, createOutboxTable } from './messaging-tables';
import {
  EventTopics,
  KafkaEventServer,
  KafkaEventsController,
  DeadLetterPublisher,
  readDeadLetters,
  replayDeadLetters,
  type EventBatch,
} from './index';

/**
 * The messaging lib against a real broker and database: the outbox relay publishes what a transaction
 * wrote, the batch transport hands events to a Nest handler exactly once in effect (a fetch's batches from
 * all partitions and topics of the handler in one call), and malformed or poison messages go to the
 * dead-letter topic without holding up the partition.
 */
class TestSchema1700000000000 implements MigrationInterface {
  name = 'TestSchema1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'msgtest';
    await runner.query(`CREATE TABLE ${schema}.handled (event_id uuid PRIMARY KEY, title text NOT NULL)`);
    await createOutboxTable(runner, schema);
    await createInboxTable(runner, schema);
  }
  async down(): Promise<void> {}
}

class TestConfig extends ServiceConfig {}

const POISON = '毒消息';
/** A title the handler refuses until an operator has "fixed" the cause, to exercise dead-letter replay. */
let refusedTitle: string | undefined = '待修复';
let failuresBeforeSuccess = 0;
/** The titles of each handler call that succeeded, in order. */
const calls: string[][] = [];

@Injectable()
class RecordUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(events: readonly AnyEvent[]): Promise<void> {
    const received = events.filter((e): e is EventOf<'ItemReceived'> => e.type === 'ItemReceived');
    if (received.some((e) => e.payload.title === POISON)) throw new TypeError('cannot handle this one');
    if (received.some((e) => e.payload.title === refusedTitle)) throw new RangeError('not yet supported');
    if (failuresBeforeSuccess > 0) {
      failuresBeforeSuccess -= 1;
      throw Object.assign(new Error('connection terminated unexpectedly'), { code: 'ECONNRESET' });
    }
    await this.dataSource.transaction(async (manager) => {
      const fresh = await claimUnprocessed(
        manager,
        'test',
        received.map((e) => e.eventId),
      );
      for (const e of received) {
        if (!fresh.delete(e.eventId)) continue;
        await manager.query('INSERT INTO handled (event_id, title) VALUES ($1, $2)', [
          e.eventId,
          e.payload.title,
        ]);
      }
    });
    calls.push(received.map((e) => e.payload.title));
  }
}

@KafkaEventsController()
class TestHandler {
  constructor(private readonly record: RecordUseCase) {}

  @EventTopics('intake', 'routing')
  async on(@Payload() batch: EventBatch): Promise<void> {
    await this.record.execute(batch.events);
  }
}

@Module({})
class TestModule {
  static register(config: TestConfig): DynamicModule {
    return {
      module: TestModule,
      imports: platformModules(config, {
        service: 'tracking',
        schema: 'msgtest',
        entities: [],
        migrations: [TestSchema1700000000000],
        consumerGroup: 'msgtest',
      }),
      controllers: [TestHandler],
      providers: [RecordUseCase],
    };
  }
}

const itemReceived = (title: string): AnyEvent => anItemReceived(title, 'msg-int');

describe('messaging on real Kafka and PostgreSQL', () => {
  let env: IsolatedEnv;
  let app: INestApplication;
  let dataSource: DataSource;
  let kafka: Kafka;
  let dlqConsumer: Consumer;
  const deadLetters: { reason: string; sourceOffset: string; value: string }[] = [];

  beforeAll(async () => {
    env = await isolatedEnv('messaging');
    const config = loadConfig(TestConfig, { ...env.serviceEnv, OUTBOX_POLL_MS: '200', PORT: '0' });
    app = await runService(TestModule.register(config), config, {
      title: 'messaging test',
      description: '',
      consumes: true,
    });
    dataSource = app.get(DataSource);
    kafka = new Kafka({
      clientId: 'msg-int',
      brokers: env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    dlqConsumer = kafka.consumer({ groupId: `${env.topicPrefix}dlq-reader` });
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topic: topicName(env.topicPrefix, 'deadLetter'), fromBeginning: true });
    await dlqConsumer.run({
      eachMessage: ({ message }) => {
        deadLetters.push({
          reason: String(message.headers?.[Headers.dlqReason]),
          sourceOffset: String(message.headers?.[Headers.dlqSourceOffset]),
          value: message.value?.toString() ?? '',
        });
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await dlqConsumer?.disconnect();
    await app?.close();
    await env?.drop();
  });

  const handledTitles = async () =>
    (await dataSource.query<{ title: string }[]>('SELECT title FROM handled ORDER BY title')).map(
      (r) => r.title,
    );

  it('publishes what a transaction wrote to the outbox, and the consumer handles each event once', async () => {
    const events = ['甲', '乙', '丙'].map(itemReceived);
    await dataSource.transaction((manager) => appendToOutbox(manager, events));
    // the same events again: a relay re-send after a crash must have no effect
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName(env.topicPrefix, 'intake'),
      messages: events.map((e) => ({ key: e.itemId, value: JSON.stringify(e) })),
    });
    await producer.disconnect();

    await eventually('three handled events', handledTitles, { accept: (t) => t.length >= 3 });
    const unsent = await dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL',
    );
    expect(unsent[0]?.n).toBe('0');
    // give the duplicates time to arrive; they must not be handled again
    await eventually(
      'duplicates to be consumed',
      async () =>
        (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM processed_events'))[0]?.n,
      { accept: (n) => n === '3' },
    );
    expect(await handledTitles()).toEqual(['丙', '乙', '甲'].sort());
  });

  it('dead-letters malformed and poison messages and keeps consuming the partition', async () => {
    const producer = kafka.producer();
    await producer.connect();
    const key = randomUUID();
    const poison = itemReceived(POISON);
    const after = itemReceived('毒消息之后');
    await producer.send({
      topic: topicName(env.topicPrefix, 'intake'),
      messages: [
        { key, value: 'not json at all' },
        { key, value: JSON.stringify({ ...itemReceived('缺字段'), payload: { title: 1 } }) },
        { key, value: JSON.stringify(poison) },
        { key, value: JSON.stringify(after) },
      ],
    });
    await producer.disconnect();

    await eventually('the message after the poison to be handled', handledTitles, {
      accept: (t) => t.includes('毒消息之后'),
      timeoutMs: 60_000,
    });
    await eventually('three dead letters', () => Promise.resolve(deadLetters.length), {
      accept: (n) => n >= 3,
    });
    expect(deadLetters.map((d) => d.reason)).toEqual([
      'value is not JSON',
      expect.stringContaining('invalid ItemReceived payload'),
      expect.stringContaining('handler failed 3 times: TypeError: cannot handle this one'),
    ]);
    expect(deadLetters[2]?.value).toContain(poison.eventId);
  });

  it('retries while the infrastructure is away, without dead-lettering', async () => {
    failuresBeforeSuccess = 4; // more than maxAttempts: transient errors are not counted
    const event = itemReceived('数据库恢复后');
    await dataSource.transaction((manager) => appendToOutbox(manager, [event]));
    await eventually('the event handled after the outage', handledTitles, {
      accept: (t) => t.includes('数据库恢复后'),
      timeoutMs: 60_000,
    });
    expect(failuresBeforeSuccess).toBe(0);
    expect(deadLetters).toHaveLength(3);
  });

  it('lets an operator list dead letters and replay one once its cause is fixed', async () => {
    const event = itemReceived('待修复');
    await dataSource.transaction((manager) => appendToOutbox(manager, [event]));
    await eventually('the refused event to be dead-lettered', () => readDeadLetters(kafka, env.topicPrefix), {
      accept: (letters) => letters.some((l) => l.eventId === event.eventId),
      timeoutMs: 60_000,
    });
    const letters = await readDeadLetters(kafka, env.topicPrefix);
    expect(letters).toHaveLength(4);
    expect(letters.map((l) => l.reason)).toEqual(
      expect.arrayContaining([
        'value is not JSON',
        expect.stringContaining('invalid ItemReceived payload'),
        expect.stringContaining('TypeError: cannot handle this one'),
        expect.stringContaining('RangeError: not yet supported'),
      ]),
    );
    const refused = letters.find((l) => l.eventId === event.eventId)!;
    expect(refused).toMatchObject({
      sourceTopic: topicName(env.topicPrefix, 'intake'),
      consumerGroup: 'msgtest',
    });

    refusedTitle = undefined; // the fix is deployed
    expect(await replayDeadLetters(kafka, [refused])).toBe(1);
    await eventually('the replayed event to be handled', handledTitles, {
      accept: (t) => t.includes('待修复'),
    });
  });

  it('hands the batches of one fetch, from every partition of both topics, to the handler in one call', async () => {
    const consumer = app.get(KafkaEventServer).unwrap<Consumer>();
    const topics = [topicName(env.topicPrefix, 'intake'), topicName(env.topicPrefix, 'routing')];
    /** Sends while the consumer is paused, so that one fetch finds them all, then resumes it. */
    const sendPaused = async (titles: string[]) => {
      consumer.pause(topics.map((topic) => ({ topic })));
      await new Promise((r) => setTimeout(r, 1_000)); // a fetch in flight comes back (maxWait 50 ms)
      const producer = kafka.producer();
      await producer.connect();
      await producer.sendBatch({
        topicMessages: topics.map((topic, t) => ({
          topic,
          // random keys: spread over both partitions of each topic
          messages: titles
            .filter((_, i) => i % 2 === t)
            .map((title) => ({ key: randomUUID(), value: JSON.stringify(itemReceived(title)) })),
        })),
      });
      await producer.disconnect();
      const callsBefore = calls.length;
      consumer.resume(topics.map((topic) => ({ topic })));
      return callsBefore;
    };

    const together = Array.from({ length: 16 }, (_, i) => `同取${i}`);
    const first = await sendPaused(together);
    await eventually('the fetch handled', handledTitles, {
      accept: (t) => together.every((title) => t.includes(title)),
    });
    expect(calls.slice(first).flat().sort()).toEqual([...together].sort());
    // even titles went to the intake topic, odd ones to routing: one call held both
    expect(calls.length - first).toBe(1);

    // A poison event in the shared call: each partition is retried on its own, the poison dead-lettered.
    const deadBefore = deadLetters.length;
    const withPoison = ['共取甲', '共取乙', '共取丙', POISON, '共取丁', '共取戊'];
    await sendPaused(withPoison);
    await eventually('the poison to be dead-lettered', () => Promise.resolve(deadLetters.length), {
      accept: (n) => n > deadBefore,
      timeoutMs: 60_000,
    });
    await eventually('the rest handled', handledTitles, {
      accept: (t) => withPoison.filter((title) => title !== POISON).every((title) => t.includes(title)),
    });
    expect(deadLetters.slice(deadBefore).map((d) => d.reason)).toEqual([
      expect.stringContaining('handler failed 3 times: TypeError: cannot handle this one'),
    ]);
  });

  it('restarts its consumer after a crash that kafkajs leaves stopped', async () => {
    // An error kafkajs deems not retriable, out of the batch handler: kafkajs stops the consumer for good.
    const refused = Object.assign(new Error('the broker refused the dead letter'), { retriable: false });
    const publish = jest.spyOn(app.get(DeadLetterPublisher), 'publish').mockRejectedValueOnce(refused);
    try {
      const producer = kafka.producer();
      await producer.connect();
      const key = randomUUID();
      await producer.send({
        topic: topicName(env.topicPrefix, 'intake'),
        messages: [
          { key, value: 'not json, and its dead letter is refused once' },
          { key, value: JSON.stringify(itemReceived('崩溃之后')) },
        ],
      });
      await producer.disconnect();
      await eventually('the event after the crash handled', handledTitles, {
        accept: (t) => t.includes('崩溃之后'),
        timeoutMs: 60_000,
      });
      // refused, then published by the restarted consumer
      expect(publish).toHaveBeenCalledTimes(2);
    } finally {
      publish.mockRestore();
    }
  });
});
