import type { EntityManager } from 'typeorm';

/**
 * Records event ids as processed by `consumer` inside the caller's transaction and returns the ones that
 * were new. Events already recorded were handled before (a redelivery) and must be skipped.
 */
export async function claimUnprocessed(
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await manager.query<{ event_id: string }[]>(
    `INSERT INTO processed_events (consumer, event_id)
     SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((r) => r.event_id));
}
