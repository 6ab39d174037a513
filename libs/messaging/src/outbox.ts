import type { EntityManager, QueryRunner } from 'typeorm';
import { EventCatalog, type AnyEvent } from '@app/contracts';

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
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(
      event.eventId,
      EventCatalog[event.type].topic,
      event.itemId,
      event.type,
      JSON.stringify(event),
    );
    const o = i * 5;
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ${rows.join(', ')}`,
    values,
  );
  markAppended(manager.queryRunner);
}
