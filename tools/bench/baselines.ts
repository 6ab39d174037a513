import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ASYNC_COMMIT } from '@app/persistence';

export interface RateFigure {
  count: number;
  seconds: number;
  perSecond: number;
}

export const rate = (count: number, ms: number): RateFigure => ({
  count,
  seconds: ms / 1000,
  perSecond: Math.round((count * 1000) / ms),
});

/** The raw baselines' table: a row shaped like an intake item (uuid, a few text columns, the JSON payload). */
const BASELINE_TABLE = 'public.bench_baseline_insert';

/** The raw baselines' statement: one row into the baseline table (`table`), id, receipt number, title, payload. */
export const baselineInsert = (table: string) =>
  `INSERT INTO ${table} (id, receipt_no, title, payload, received_at) VALUES ($1, $2, $3, $4::jsonb, now())`;

/** Runs `measure` with the baseline table created empty, and drops it after. */
export async function withBaselineTable<T>(
  databaseUrl: string,
  measure: (table: string) => Promise<T>,
): Promise<T> {
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  try {
    await setup.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`);
    await setup.query(`CREATE TABLE ${BASELINE_TABLE} (
      id uuid PRIMARY KEY, receipt_no text NOT NULL, title text NOT NULL, payload jsonb NOT NULL,
      received_at timestamptz NOT NULL)`);
    return await measure(BASELINE_TABLE);
  } finally {
    await setup.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`);
    await setup.end();
  }
}

/**
 * Raw single-row INSERTs through `pg`: `concurrency` connections, each inserting one row per autocommit
 * statement into the baseline table for `seconds`.
 */
export async function pgInsertBaseline(
  databaseUrl: string,
  payload: string,
  concurrency: number,
  seconds: number,
): Promise<RateFigure> {
  return withBaselineTable(databaseUrl, (table) =>
    onConnections(databaseUrl, concurrency, seconds, (c, n) =>
      c.query(baselineInsert(table), [randomUUID(), `B-${n}-${randomUUID()}`, 'baseline', payload]),
    ),
  );
}

/**
 * `concurrency` connections each repeating `work` until `seconds` are up; the rate of completed works. `work`
 * gets the number completed so far.
 */
async function onConnections(
  databaseUrl: string,
  concurrency: number,
  seconds: number,
  work: (c: Client, done: number) => Promise<unknown>,
): Promise<RateFigure> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  let count = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (c) => {
        while (Date.now() < deadline) {
          await work(c, count);
          count++;
        }
      }),
    );
    return rate(count, Date.now() - started);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export interface KafkaBaseline {
  produce: RateFigure;
  consume: RateFigure;
}

/**
 * Raw kafkajs on the same broker, configured like the outbox relay (idempotent producer, acks from all
 * replicas, batches of `batchSize` messages keyed by a random id, values of the item envelope's size) and
 * like the services' consumers (one group, eachBatch, 12 partitions): produce for `seconds`, then consume all.
 */
export async function kafkaBaseline(
  brokers: string[],
  topicPrefix: string,
  value: string,
  seconds: number,
  batchSize = 500,
  partitions = 12,
): Promise<KafkaBaseline> {
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.WARN });
  const topic = `${topicPrefix}bench.baseline.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let produced = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  while (Date.now() < deadline) {
    const messages = Array.from({ length: batchSize }, () => ({ key: randomUUID(), value }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    produced += batchSize;
  }
  const produce = rate(produced, Date.now() - started);
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `${topicPrefix}bench-baseline`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  let firstAt = 0;
  let lastAt = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        if (firstAt === 0) firstAt = Date.now();
        consumed += batch.messages.length;
        lastAt = Date.now();
        if (consumed >= produced) resolve();
        await Promise.resolve();
      },
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 120_000)));
  await Promise.race([done, timeout]);
  // Or the bench would stay alive until it fires, up to two minutes after its report.
  clearTimeout(timer);
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { produce, consume: rate(consumed, Math.max(1, lastAt - firstAt)) };
}

export interface CommitProbes {
  /** One row every connection updates, autocommit: the row lock is held through each commit's WAL flush. */
  counterSync: RateFigure;
  /** The same with synchronous_commit off for the statement's transaction (ASYNC_COMMIT). */
  counterAsync: RateFigure;
  /** Insert and pg_notify in one transaction: PostgreSQL serialises notifying commits cluster-wide. */
  insertWithNotify: RateFigure;
  insertWithoutNotify: RateFigure;
}

/**
 * Micro-probes of the two serialisation points the services used to hit on every item, run side by side
 * at the same moment so a busy machine affects both sides alike.
 */
export async function commitProbes(
  databaseUrl: string,
  concurrency: number,
  seconds: number,
): Promise<CommitProbes> {
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(
    `CREATE TABLE IF NOT EXISTS public.bench_probe_counter (k text PRIMARY KEY, n int NOT NULL)`,
  );
  await setup.query(`CREATE TABLE IF NOT EXISTS public.bench_probe_rows (id bigserial PRIMARY KEY, v text)`);
  const run = (work: (c: Client) => Promise<unknown>) =>
    onConnections(databaseUrl, concurrency, seconds, work);
  const counter = (from: string) =>
    `INSERT INTO public.bench_probe_counter (k, n) SELECT 'day', 1 ${from}
     ON CONFLICT (k) DO UPDATE SET n = bench_probe_counter.n + 1 RETURNING n`;
  const insertTx = (notify: boolean) => async (c: Client) => {
    await c.query('BEGIN');
    await c.query(`INSERT INTO public.bench_probe_rows (v) VALUES ('x')`);
    if (notify) await c.query(`SELECT pg_notify('bench_probe', '')`);
    await c.query('COMMIT');
  };
  try {
    return {
      counterSync: await run((c) => c.query(counter(''))),
      counterAsync: await run((c) => c.query(counter(`FROM ${ASYNC_COMMIT}`))),
      insertWithNotify: await run(insertTx(true)),
      insertWithoutNotify: await run(insertTx(false)),
    };
  } finally {
    await setup.query(`DROP TABLE IF EXISTS public.bench_probe_counter, public.bench_probe_rows`);
    await setup.end();
  }
}
