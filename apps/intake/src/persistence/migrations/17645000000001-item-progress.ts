import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What intake learns of each item downstream (routing, closing), for platforms that ask (Open311). */
export class ItemProgress17645000000001 implements MigrationInterface {
  name = 'ItemProgress17645000000001';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await runner.query(`
      ALTER TABLE ${schema}.items
        ADD COLUMN status text NOT NULL DEFAULT 'open',
        ADD COLUMN status_notes text,
        ADD COLUMN status_at timestamptz,
        ADD COLUMN agency_responsible text,
        ADD COLUMN agency_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await runner.query(`
      ALTER TABLE ${schema}.items
        DROP COLUMN status, DROP COLUMN status_notes, DROP COLUMN status_at,
        DROP COLUMN agency_responsible, DROP COLUMN agency_at`);
  }
}
