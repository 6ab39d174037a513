import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTable, createOutboxTable, dropMessagingTables } from '@app/messaging';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'router';
    await runner.query(`
      CREATE TABLE ${schema}.route_decisions (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL,
        receipt_no text NOT NULL,
        agency text NOT NULL,
        confidence real NOT NULL,
        reason text NOT NULL,
        rule_set_version text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX route_decisions_item ON ${schema}.route_decisions (item_id)`);
    await createOutboxTable(runner, schema);
    await createInboxTable(runner, schema);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'router';
    await dropMessagingTables(runner, schema);
    await runner.query(`DROP TABLE ${schema}.route_decisions`);
  }
}
