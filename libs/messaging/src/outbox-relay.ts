import { Logger } from '@nestjs/common';
import type { Producer, Message } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { Headers, topicName, type LogicalTopic } from '@app/contracts';
import { ASYNC_COMMIT, OccasionalVacuum } from '@app/persistence';
import { takeOutboxAppended } from './outbox';

export interface OutboxRelayOptions {
  databaseUrl: string;
  schema: string;
  topicPrefix: string;
  batchSize: number;
  pollMs: number;
}

/** The relay vacuums its outbox once this many rows were deleted since the last time, at most every 5 s. */
const VACUUM_AFTER_ROWS = 2_000;
const VACUUM_MIN_INTERVAL_MS = 5_000;

interface OutboxRow {
  id: string;
  topic: LogicalTopic;
  message_key: string;
  event_id: string;
  event_type: string;
  envelope: { correlationId: string; producer: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes outbox rows to Kafka in id order, in batches, and deletes them once the broker has them. One relay per service is
 * active at a time (a Postgres advisory lock held on a dedicated connection), which keeps per-item order.
 * A commit that appended to the outbox in this process wakes the relay directly (a TypeORM commit hook); a
 * follower instance passes the wake-up on to the leader with a NOTIFY in a tiny transaction of its own.
 * NOTIFY is kept out of the producing transactions on purpose: PostgreSQL serialises every notifying
 * commit, including its WAL flush, behind one cluster-wide lock, which capped intake at one commit per
 * fsync. Polling covers anything missed. A crash between send and mark re-sends the batch on restart:
 * consumers drop the duplicates by event id (which is also why the delete may commit asynchronously). The
 * delete runs while the next batch is read and sent (that read skips the rows being deleted), so a cycle is a
 * read and a send, not a read, a send and a delete.
 * Sent rows are deleted, not kept: the topic is the record. Every sent row leaves a dead entry in the
 * unsent-rows index until a vacuum, and the poll walks them all: with sent rows kept and no vacuum (this
 * machine runs PostgreSQL with autovacuum off) a poll cost 1.5–2.5 ms after a few thousand items and grew
 * with every item. So the relay vacuums its own table after every few thousand rows.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private listener?: Client;
  private isLeader = false;
  private wake?: () => void;
  /** Set by a notification that arrived while the relay was busy, so the next idle returns at once. */
  private notified = false;
  private readonly vacuum: OccasionalVacuum;
  private healthy = true;
  /** Rows published since start; read by benchmarks and tests. */
  published = 0;
  private announcing = false;
  private announceAgain = false;
  /** The delete of the last batch sent, still running, and the ids it deletes. */
  private deleting: Promise<void> = Promise.resolve();
  private beingDeleted: string[] = [];
  private readonly commits: EntitySubscriberInterface = {
    afterTransactionCommit: (event: TransactionCommitEvent) => {
      if (!event.queryRunner.isTransactionActive && takeOutboxAppended(event.queryRunner))
        this.onLocalCommit();
    },
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.vacuum = new OccasionalVacuum(dataSource, {
      tables: [`${options.schema}.outbox`],
      afterRows: VACUUM_AFTER_ROWS,
      minIntervalMs: VACUUM_MIN_INTERVAL_MS,
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.dataSource.subscribers.push(this.commits);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    const subscribers = this.dataSource.subscribers;
    if (subscribers.includes(this.commits)) subscribers.splice(subscribers.indexOf(this.commits), 1);
    this.wake?.();
    await this.loop;
    await this.deleting;
    await this.dropListener();
  }

  /** Healthy when the last cycle did not fail; a follower relay is healthy too. */
  isHealthy(): boolean {
    return this.healthy;
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (this.running) {
      try {
        if (!(await this.ensureLeadership())) {
          await this.idle(2_000);
          continue;
        }
        const sent = await this.relayBatch();
        this.healthy = true;
        backoff = 200;
        if (sent < this.options.batchSize) {
          // A partial batch took every row committed before it was read; rows committed since have woken the
          // relay (`notified`), and then `idle` returns at once. Reading again at once would mostly find none.
          await this.vacuumOccasionally();
          await this.idle(this.options.pollMs);
        }
      } catch (error) {
        this.healthy = false;
        this.logger.warn(`outbox relay cycle failed, retrying in ${backoff} ms: ${String(error)}`);
        await this.dropListener();
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Outbox rows of this process committed: relay them now, or tell the leader if another instance leads. */
  private onLocalCommit(): void {
    if (this.isLeader) {
      this.notified = true;
      this.wake?.();
    } else {
      this.announce();
    }
  }

  /** One NOTIFY at a time, coalescing wake-ups that arrive meanwhile; its commit need not wait for a flush. */
  private announce(): void {
    const listener = this.listener;
    if (!listener) return; // not connected: polling covers it
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void listener
      .query(`BEGIN; SET LOCAL synchronous_commit TO off; NOTIFY ${this.options.schema}_outbox; COMMIT`)
      .catch(() => undefined)
      .finally(() => {
        this.announcing = false;
        if (this.announceAgain) {
          this.announceAgain = false;
          this.announce();
        }
      });
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.listener && this.isLeader) return true;
    if (!this.listener) {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        connectionTimeoutMillis: 5_000,
      });
      client.on('error', (e) => {
        this.logger.warn(`outbox listener connection lost: ${e.message}`);
        this.isLeader = false;
        this.listener = undefined;
        this.wake?.();
      });
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      await client.connect();
      this.listener = client;
      await client.query(`LISTEN ${this.options.schema}_outbox`);
    }
    const { rows } = await this.listener.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [`${this.options.schema}.outbox-relay`],
    );
    this.isLeader = rows[0]?.locked === true;
    return this.isLeader;
  }

  private async relayBatch(): Promise<number> {
    this.notified = false;
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT id, topic, message_key, event_id, event_type, envelope
         FROM outbox WHERE sent_at IS NULL AND id <> ALL($2::bigint[]) ORDER BY id LIMIT $1`,
      [this.options.batchSize, this.beingDeleted],
    );
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = topicName(this.options.topicPrefix, row.topic);
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: row.message_key,
        value: JSON.stringify(row.envelope),
        headers: {
          [Headers.eventId]: row.event_id,
          [Headers.eventType]: row.event_type,
          [Headers.correlationId]: row.envelope.correlationId,
          [Headers.producer]: row.envelope.producer,
        },
      });
      byTopic.set(topic, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    // One delete at a time: the previous one must be done before this batch's starts (and its ids are then
    // no longer skipped by the next read).
    await this.deleting;
    this.published += rows.length;
    this.startDelete(rows.map((r) => r.id));
    return rows.length;
  }

  /**
   * Deletes sent rows in the background; a failed delete is retried by the relay's own cycle: its rows are no
   * longer skipped, so they are sent again (consumers drop them by event id) and deleted then.
   */
  private startDelete(ids: string[]): void {
    this.beingDeleted = ids;
    this.deleting = this.dataSource
      .query(`DELETE FROM outbox USING ${ASYNC_COMMIT} WHERE id = ANY($1::bigint[])`, [ids])
      .then(
        () => {
          this.vacuum.wrote(ids.length);
        },
        (error: unknown) =>
          this.logger.warn(`outbox delete failed, rows will be sent again: ${String(error)}`),
      )
      .finally(() => {
        this.beingDeleted = [];
      });
  }

  /** Clears the dead rows and index entries the deletes left (see the class comment); never fails a cycle. */
  private async vacuumOccasionally(): Promise<void> {
    await this.deleting;
    await this.vacuum.runIfDue();
  }

  private idle(ms: number): Promise<void> {
    if (this.notified || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async dropListener(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    this.isLeader = false;
    if (client) await client.end().catch(() => undefined);
  }
}
