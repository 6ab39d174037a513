import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's migration list includes this (it acts on the service's own schema): the relay deletes outbox
 * rows once Kafka has them, so no row is ever marked sent. Dropping `sent_at` also drops the partial index on
 * unsent rows; the relay's poll reads the primary key in order.
 */
export class OutboxSentRowsDeleted17653000000000 implements MigrationInterface {
  name = 'OutboxSentRowsDeleted17653000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`DELETE FROM ${schema}.outbox WHERE sent_at IS NOT NULL`);
    await runner.query(`ALTER TABLE ${schema}.outbox DROP COLUMN sent_at`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`ALTER TABLE ${schema}.outbox ADD COLUMN sent_at timestamptz`);
    await runner.query(`CREATE INDEX outbox_unsent ON ${schema}.outbox (id) WHERE sent_at IS NULL`);
  }
}
