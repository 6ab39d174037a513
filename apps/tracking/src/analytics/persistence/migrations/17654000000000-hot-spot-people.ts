import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hot spots count their items and people incrementally as items join (FactsRepository.addToHotSpot) instead of
 * recounting every member: whether a joining item's person is already in the spot is one probe of this index.
 * It replaces the index on cluster_id alone, which its first column still serves.
 */
export class HotSpotPeople17654000000000 implements MigrationInterface {
  name = 'HotSpotPeople17654000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(
      `CREATE INDEX item_facts_cluster_person ON ${schema}.item_facts
         (cluster_id, (COALESCE(person_keys[1], item_id::text))) WHERE cluster_id IS NOT NULL`,
    );
    await runner.query(`DROP INDEX ${schema}.item_facts_cluster`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`CREATE INDEX item_facts_cluster ON ${schema}.item_facts (cluster_id)`);
    await runner.query(`DROP INDEX ${schema}.item_facts_cluster_person`);
  }
}
