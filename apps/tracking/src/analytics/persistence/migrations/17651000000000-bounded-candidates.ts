import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate look-ups for repeats and hot spots read at most the latest N items per person key / LSH band from a
 * b-tree ordered by time, instead of every item sharing a key (a GIN array match or a bucket scan, then a sort):
 * one petitioner with thousands of items, or a hot spot of identical texts, cost 6–25 ms of database time per
 * new item before (bench run 20261125215658, pg_stat_statements).
 */
export class BoundedCandidates17651000000000 implements MigrationInterface {
  name = 'BoundedCandidates17651000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`
      CREATE TABLE ${schema}.item_person_keys (
        person_key text NOT NULL,
        item_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (person_key, item_id)
      )`);
    await runner.query(`
      INSERT INTO ${schema}.item_person_keys (person_key, item_id, received_at)
      SELECT DISTINCT k, item_id, received_at FROM ${schema}.item_facts, unnest(person_keys) AS k
      WHERE received_at IS NOT NULL`);
    await runner.query(
      `CREATE INDEX item_person_keys_latest ON ${schema}.item_person_keys (person_key, received_at DESC)`,
    );
    await runner.query(`DROP INDEX ${schema}.item_facts_person`);

    await runner.query(`ALTER TABLE ${schema}.item_lsh ADD COLUMN received_at timestamptz`);
    await runner.query(`
      UPDATE ${schema}.item_lsh l SET received_at = f.received_at
      FROM ${schema}.item_facts f WHERE f.item_id = l.item_id`);
    await runner.query(`DELETE FROM ${schema}.item_lsh WHERE received_at IS NULL`);
    await runner.query(`ALTER TABLE ${schema}.item_lsh ALTER COLUMN received_at SET NOT NULL`);
    await runner.query(`CREATE INDEX item_lsh_latest ON ${schema}.item_lsh (band_key, received_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`DROP INDEX ${schema}.item_lsh_latest`);
    await runner.query(`ALTER TABLE ${schema}.item_lsh DROP COLUMN received_at`);
    await runner.query(`CREATE INDEX item_facts_person ON ${schema}.item_facts USING gin (person_keys)`);
    await runner.query(`DROP TABLE ${schema}.item_person_keys`);
  }
}
