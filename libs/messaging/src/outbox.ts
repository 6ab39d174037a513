import type { EntityManager } from 'typeorm';
import { EventCatalog, type AnyEvent } from '@app/contracts';

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
}
