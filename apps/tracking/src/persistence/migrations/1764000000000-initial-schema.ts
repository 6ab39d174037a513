import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTable, createOutboxTable, dropMessagingTables } from '@app/messaging';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`
      CREATE TABLE ${schema}.items (
        item_id uuid PRIMARY KEY,
        receipt_no text NOT NULL UNIQUE,
        status text NOT NULL,
        agency text,
        title text,
        channel text,
        request_type text,
        received_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${schema}.timeline (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        producer text NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX timeline_item ON ${schema}.timeline (item_id, occurred_at)`);
    await createOutboxTable(runner, schema);
    await createInboxTable(runner, schema);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await dropMessagingTables(runner, schema);
    await runner.query(`DROP TABLE ${schema}.timeline`);
    await runner.query(`DROP TABLE ${schema}.items`);
  }
}
