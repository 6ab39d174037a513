import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When tracking recorded each timeline entry (the database clock at the insert), beside when the event occurred
 * (`occurred_at`, the producer's clock). The benchmark's accepted→tracked latency reads it. Rows from before have
 * none: the column is added without a default first, so that existing rows are not rewritten.
 */
export class TimelineRecordedAt17655000000000 implements MigrationInterface {
  name = 'TimelineRecordedAt17655000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`ALTER TABLE ${s}.timeline ADD COLUMN recorded_at timestamptz`);
    await runner.query(`ALTER TABLE ${s}.timeline ALTER COLUMN recorded_at SET DEFAULT clock_timestamp()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`ALTER TABLE ${s}.timeline DROP COLUMN recorded_at`);
  }
}
