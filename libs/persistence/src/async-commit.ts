import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction whose COMMIT does not wait for the WAL flush (synchronous_commit off for this
 * transaction only). Use it only where losing the last such commits in a database crash is harmless: a row
 * lock released at once instead of after an fsync (a counter every request updates), or a mark that is
 * redone after a crash anyway (outbox rows marked sent). WAL is written in order, so a later synchronous
 * commit that depends on this one makes it durable too.
 */
export function asyncCommitTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL synchronous_commit TO off');
    return work(manager);
  });
}
