import type { QueryRunner } from 'typeorm';

/**
 * DDL for the transactional outbox and the processed-event (inbox) table, shared by every service's
 * migrations so the relay and the idempotent consumer can rely on one layout.
 */
export async function createOutboxTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE ${schema}.outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_type text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`);
  await runner.query(`CREATE INDEX outbox_unsent ON ${schema}.outbox (id) WHERE sent_at IS NULL`);
  await runner.query(`
    CREATE FUNCTION ${schema}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('${schema}_outbox', ''); RETURN NULL; END $$`);
  await runner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON ${schema}.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.outbox_notify()`);
}

export async function createInboxTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE ${schema}.processed_events (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE IF EXISTS ${schema}.processed_events`);
  await runner.query(`DROP TABLE IF EXISTS ${schema}.outbox`);
  await runner.query(`DROP FUNCTION IF EXISTS ${schema}.outbox_notify()`);
}
