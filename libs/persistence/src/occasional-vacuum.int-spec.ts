import type { DataSource } from 'typeorm';
import { isolatedEnv, type IsolatedEnv } from '@app/testing';
import { openDatabase } from './database';
import { OccasionalVacuum } from './occasional-vacuum';

describe('OccasionalVacuum', () => {
  let env: IsolatedEnv;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await isolatedEnv('vacuum');
    dataSource = await openDatabase({
      url: env.databaseUrl,
      schema: 'vacuumtest',
      poolSize: 2,
      applicationName: 'vacuum-int',
      entities: [],
      migrations: [],
    });
    await dataSource.query('CREATE TABLE keys (k bigint, at timestamptz, PRIMARY KEY (k, at))');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.drop();
  });

  /** Rows an index-only scan of the table had to fetch from the heap: all of them until a vacuum. */
  async function heapFetches(): Promise<number> {
    return dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_bitmapscan = off');
      const [row] = await manager.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }[]>(
        'EXPLAIN (ANALYZE, FORMAT JSON) SELECT k FROM keys WHERE k >= 0 ORDER BY k',
      );
      const plan = row!['QUERY PLAN'][0]!.Plan;
      expect(plan['Node Type']).toBe('Index Only Scan');
      return plan['Heap Fetches'] as number;
    });
  }

  it('vacuums once enough rows were written, not before, and not again within its interval', async () => {
    const vacuum = new OccasionalVacuum(dataSource, {
      tables: ['keys'],
      afterRows: 1_000,
      minIntervalMs: 60_000,
    });
    await dataSource.query('INSERT INTO keys SELECT g, now() FROM generate_series(1, 999) g');
    vacuum.wrote(999);
    expect(vacuum.isDue()).toBe(false);
    await vacuum.runIfDue();
    expect(await heapFetches()).toBe(999);

    await dataSource.query('INSERT INTO keys SELECT g, now() FROM generate_series(1000, 1000) g');
    vacuum.wrote(1);
    expect(vacuum.isDue()).toBe(true);
    await vacuum.runIfDue();
    expect(await heapFetches()).toBe(0);

    await dataSource.query('INSERT INTO keys SELECT g, now() FROM generate_series(1001, 3000) g');
    vacuum.wrote(2_000);
    expect(vacuum.isDue()).toBe(false);
    expect(vacuum.isDue(Date.now() + 60_000)).toBe(true);
  });

  it('survives a failed vacuum and waits before trying again', async () => {
    const vacuum = new OccasionalVacuum(dataSource, {
      tables: ['no_such_table'],
      afterRows: 1,
      minIntervalMs: 0,
    });
    vacuum.wrote(1);
    await expect(vacuum.runIfDue()).resolves.toBeUndefined();
    vacuum.wrote(1);
    expect(vacuum.isDue()).toBe(false);
    expect(vacuum.isDue(Date.now() + 60_000)).toBe(true);
  });
});
