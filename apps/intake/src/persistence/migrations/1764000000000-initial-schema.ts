import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTable, createOutboxTable, dropMessagingTables } from '@app/messaging';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await runner.query(`
      CREATE TABLE ${schema}.items (
        id uuid PRIMARY KEY,
        receipt_no text NOT NULL UNIQUE,
        channel text NOT NULL,
        platform text,
        external_id text,
        idempotency_key text,
        request_type text NOT NULL,
        title text NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX items_external_ref ON ${schema}.items (channel, platform, external_id) NULLS NOT DISTINCT
       WHERE external_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX items_idempotency ON ${schema}.items (channel, idempotency_key)
       WHERE idempotency_key IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX items_received_at ON ${schema}.items (received_at)`);
    await runner.query(`
      CREATE TABLE ${schema}.receipt_counters (
        day text PRIMARY KEY,
        last_seq integer NOT NULL
      )`);
    await createOutboxTable(runner, schema);
    await createInboxTable(runner, schema);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'intake';
    await dropMessagingTables(runner, schema);
    await runner.query(`DROP TABLE ${schema}.receipt_counters`);
    await runner.query(`DROP TABLE ${schema}.items`);
  }
}
