import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { EventCatalog, type AnyEvent } from '@app/contracts';
import { valuesPlaceholders } from '@app/persistence';

const APPENDED = 'yimen.outboxAppended';

/** Marks the transaction so the relay of this process is woken when it commits (see OutboxRelay). */
function markAppended(runner: QueryRunner | undefined): void {
  if (runner) (runner.data as Record<string, unknown>)[APPENDED] = true;
}

/** True (once) when a committed transaction appended to the outbox. */
export function takeOutboxAppended(runner: QueryRunner): boolean {
  const data = runner.data as Record<string, unknown> | undefined;
  if (!data?.[APPENDED]) return false;
  delete data[APPENDED];
  return true;
}

/**
 * Appends events to the outbox inside the caller's transaction, so a state change and the events it
 * announces commit or roll back together. One multi-row INSERT per call.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly AnyEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { sql, values } = outboxInsert(events, 0);
  await manager.query(sql, values);
  markAppended(manager.queryRunner);
}

const OUTBOX_COLUMNS = ['event_id', 'topic', 'message_key', 'event_type', 'envelope'];

/** Bind parameters one event takes in the outbox INSERT, for cutting large writes to PostgreSQL's limit. */
export const OUTBOX_PARAMETERS_PER_EVENT = OUTBOX_COLUMNS.length;

/** The multi-row outbox INSERT of the events, its parameters numbered from `$offset + 1`. */
function outboxInsert(events: readonly AnyEvent[], offset: number): { sql: string; values: unknown[] } {
  const values = events.flatMap((event) => [
    event.eventId,
    EventCatalog[event.type].topic,
    event.itemId,
    event.type,
    JSON.stringify(event),
  ]);
  const rows = valuesPlaceholders(events.length, OUTBOX_COLUMNS, { offset, casts: { envelope: 'jsonb' } });
  return { sql: `INSERT INTO outbox (${OUTBOX_COLUMNS.join(', ')}) VALUES ${rows}`, values };
}

/**
 * Writes a state change and the events it announces in ONE statement (`WITH state AS (<stateSql>) INSERT INTO
 * outbox …`), committed on its own. A single statement is atomic, so the state and its events commit or roll
 * back together exactly as with appendToOutbox inside a transaction, in one round trip instead of four (BEGIN,
 * two INSERTs, COMMIT). `stateSql` is one data-modifying statement using `$1…$n` = `stateParams`, e.g. a
 * multi-row INSERT of many rows whose events are all in `events` (group commit); PostgreSQL runs a
 * data-modifying WITH to completion whether or not its output is read. Errors (e.g. a unique violation)
 * reach the caller unchanged. The relay of this process is woken after the commit, through the
 * same commit hook a transaction that appended fires.
 */
export async function writeWithOutbox(
  dataSource: DataSource,
  stateSql: string,
  stateParams: readonly unknown[],
  events: readonly AnyEvent[],
): Promise<void> {
  if (events.length === 0) throw new Error('writeWithOutbox needs at least one event');
  const { sql, values } = outboxInsert(events, stateParams.length);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`WITH state AS (${stateSql}) ${sql}`, [...stateParams, ...values]);
    markAppended(runner);
    await runner.broadcaster.broadcast('AfterTransactionCommit');
  } finally {
    await runner.release();
  }
}
