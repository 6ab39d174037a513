import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate key tables keep a 64-bit hash of each key (`hashtextextended(key, 0)`, computed by the
 * statements that file and read them) instead of its text: an LSH band key is about 50 characters (area, band,
 * four MinHash values) and a person key a 64-character HMAC, so every row and index entry held it in full. With
 * 32 band rows per item these are the largest tables and filing them was the most expensive statement of the
 * whole pipeline (bench run 20261126095311, pg_stat_statements). A hash collision only adds a candidate, which
 * the similarity check then judges like any other. The conversion rewrites both tables under an exclusive lock:
 * for a million band rows (about 31,000 items) it took 1.7 s here, and table and index shrank from 232 to 105 MB.
 */
export class HashedCandidateKeys17656000000000 implements MigrationInterface {
  name = 'HashedCandidateKeys17656000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    for (const [table, key] of TABLES) {
      await runner.query(
        `ALTER TABLE ${schema}.${table} ALTER COLUMN ${key} TYPE bigint USING hashtextextended(${key}, 0)`,
      );
    }
  }

  /** Person keys are filed again from item_facts; LSH bands cannot be rebuilt in SQL and are emptied. */
  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    for (const [table, key] of TABLES) {
      await runner.query(`TRUNCATE ${schema}.${table}`);
      await runner.query(`ALTER TABLE ${schema}.${table} ALTER COLUMN ${key} TYPE text`);
    }
    await runner.query(`
      INSERT INTO ${schema}.item_person_keys (person_key, item_id, received_at)
      SELECT DISTINCT k, item_id, received_at FROM ${schema}.item_facts, unnest(person_keys) AS k
      WHERE received_at IS NOT NULL`);
  }
}

const TABLES = [
  ['item_lsh', 'band_key'],
  ['item_person_keys', 'person_key'],
] as const;
