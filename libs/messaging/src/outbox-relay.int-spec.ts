import { logLevel, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { topicName } from '@app/contracts';
import { openDatabase } from '@app/persistence';
import { anItemReceived, eventually, isolatedEnv, type IsolatedEnv } from '@app/testing';
import { createIdempotentProducer, createKafka } from './kafka-client';
import { createOutboxTable } from './messaging-tables';
import { appendToOutbox } from './outbox';
import { OutboxLocalWake17649000000000 } from './outbox-local-wake.migration';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics } from './topics-admin';

class RelayTestSchema1700000000000 implements MigrationInterface {
  name = 'RelayTestSchema1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await createOutboxTable(runner, runner.connection.driver.schema ?? 'relaytest');
  }
  async down(): Promise<void> {}
}

/**
 * The relay without NOTIFY in the producing transaction (the trigger dropped by the migration) and with
 * polling pushed out to a minute: a commit in the leader's process wakes it directly, and a commit in a
 * follower instance wakes the leader through the follower's own NOTIFY. Either way the event is on Kafka
 * long before any poll.
 */
describe('outbox relay wake-up', () => {
  let env: IsolatedEnv;
  let kafka: Kafka;
  let consumer: Consumer;
  const seen = new Set<string>();
  const instances: { dataSource: DataSource; producer: Producer; relay: OutboxRelay }[] = [];

  async function instance(): Promise<(typeof instances)[number]> {
    const dataSource = await openDatabase({
      url: env.databaseUrl,
      schema: 'relaytest',
      poolSize: 4,
      applicationName: 'relay-int',
      entities: [],
      migrations: [RelayTestSchema1700000000000, OutboxLocalWake17649000000000],
    });
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const relay = new OutboxRelay(dataSource, producer, {
      databaseUrl: env.databaseUrl,
      schema: 'relaytest',
      topicPrefix: env.topicPrefix,
      batchSize: 100,
      pollMs: 60_000,
    });
    const created = { dataSource, producer, relay };
    instances.push(created);
    return created;
  }

  async function publishThrough(dataSource: DataSource): Promise<string> {
    const e = anItemReceived('唤醒', 'relay-int');
    await dataSource.transaction((manager) => appendToOutbox(manager, [e]));
    return e.eventId;
  }

  beforeAll(async () => {
    env = await isolatedEnv('relay');
    kafka = createKafka('relay-int', env.kafkaBrokers.split(','));
    kafka.logger().setLogLevel(logLevel.NOTHING);
    await ensureTopics(kafka, env.topicPrefix);
    consumer = kafka.consumer({ groupId: `${env.topicPrefix}relay-reader`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(env.topicPrefix, 'intake'), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = (JSON.parse(message.value?.toString() ?? '{}') as { eventId?: string }).eventId;
        if (id) seen.add(id);
        await Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    for (const i of instances) {
      await i.relay.stop();
      await i.producer.disconnect();
      await i.dataSource.destroy();
    }
    await env?.drop();
  });

  it('has no NOTIFY trigger on the outbox after the migration', async () => {
    const leader = await instance();
    const rows = await leader.dataSource.query<unknown[]>(
      `SELECT 1 FROM pg_trigger WHERE tgname = 'outbox_notify' AND tgrelid = 'relaytest.outbox'::regclass`,
    );
    expect(rows).toHaveLength(0);
  });

  it('publishes a commit of its own process at once, and one of a follower instance via NOTIFY', async () => {
    const [leader] = instances;
    if (!leader) throw new Error('no leader instance');
    leader.relay.start();
    await eventually('the first relay to take the advisory lock', async () => {
      const rows = await leader.dataSource.query<unknown[]>(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database =
           (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return rows.length > 0 ? true : undefined;
    });
    const follower = await instance();
    follower.relay.start();

    const own = await publishThrough(leader.dataSource);
    await eventually('the leader to publish its own commit', () => Promise.resolve(seen.has(own)), {
      accept: Boolean,
      timeoutMs: 10_000,
    });
    const passedOn = await publishThrough(follower.dataSource);
    await eventually('the leader to publish the follower commit', () => Promise.resolve(seen.has(passedOn)), {
      accept: Boolean,
      timeoutMs: 10_000,
    });
    expect(leader.relay.published + follower.relay.published).toBe(2);
  });

  it('publishes commits that land while it is relaying, without waiting for a poll', async () => {
    const [leader] = instances;
    if (!leader) throw new Error('no leader instance');
    const before = leader.relay.published;
    const ids: string[] = [];
    // Commits one after another, each while the relay is likely busy with the one before.
    for (let i = 0; i < 40; i++) {
      ids.push(await publishThrough(leader.dataSource));
      if (i % 8 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await eventually('every commit published', () => Promise.resolve(ids.every((id) => seen.has(id))), {
      accept: Boolean,
      timeoutMs: 10_000,
    });
    expect(leader.relay.published - before).toBe(40);
  });
});
