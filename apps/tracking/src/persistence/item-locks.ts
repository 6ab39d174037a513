import type { EntityManager } from 'typeorm';

/**
 * Takes the items' transaction-scoped advisory locks, in the order given (callers pass ids sorted, so two
 * transactions never wait for each other in opposite orders). A row lock alone cannot stop two transactions
 * that both find no row yet: an item's first events arriving from two topics at once. Taking a lock the
 * transaction already holds returns at once.
 */
export async function lockItems(manager: EntityManager, ids: readonly string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(id, 0))
     FROM (SELECT id FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n OFFSET 0) ids`,
    [ids],
  );
}
