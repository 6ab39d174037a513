import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fingerprint of each submission, so reusing an Idempotency-Key for different content is refused rather
 * than answered with someone else's receipt; and an index for platforms listing their own items (Open311).
 */
export class RequestFingerprint17645000000000 implements MigrationInterface {
  name = 'RequestFingerprint17645000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await runner.query(`ALTER TABLE ${schema}.items ADD COLUMN request_hash text`);
    await runner.query(
      `CREATE INDEX items_by_platform ON ${schema}.items (channel, platform, received_at DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await runner.query(`DROP INDEX ${schema}.items_by_platform`);
    await runner.query(`ALTER TABLE ${schema}.items DROP COLUMN request_hash`);
  }
}
