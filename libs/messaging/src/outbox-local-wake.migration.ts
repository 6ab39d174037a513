import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's migration list includes this (it acts on the service's own schema): the relay is now woken
 * by the producing process itself, so the outbox no longer NOTIFYs inside each producing transaction, which
 * serialised all such commits behind PostgreSQL's notify lock (see OutboxRelay).
 */
export class OutboxLocalWake17649000000000 implements MigrationInterface {
  name = 'OutboxLocalWake17649000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`DROP TRIGGER IF EXISTS outbox_notify ON ${schema}.outbox`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${schema}.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.outbox_notify()`);
  }
}
