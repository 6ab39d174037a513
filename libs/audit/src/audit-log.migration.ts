import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log in a service's schema. A trigger refuses UPDATE, DELETE and TRUNCATE, so an
 * entry, once written, stays as written (short of a superuser dropping the trigger, which is itself logged
 * by PostgreSQL's DDL logging where enabled).
 */
export class AuditLog17643000000001 implements MigrationInterface {
  name = 'AuditLog17643000000001';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`
      CREATE TABLE ${schema}.audit_log (
        id bigserial PRIMARY KEY,
        entry_id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        service text NOT NULL,
        action text NOT NULL,
        actor_id text,
        actor_username text,
        actor_role text,
        actor_agency text,
        actor_unit_id text,
        method text,
        route text,
        target_type text,
        target_id text,
        params jsonb NOT NULL DEFAULT '{}',
        status integer NOT NULL,
        correlation_id text,
        client_address text
      )`);
    await runner.query(`CREATE INDEX audit_log_at ON ${schema}.audit_log (at)`);
    await runner.query(`CREATE INDEX audit_log_actor ON ${schema}.audit_log (actor_username, at)`);
    await runner.query(`
      CREATE FUNCTION ${schema}.audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${schema}.audit_log
      FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_log_refuse_change()`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${schema}.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.audit_log_refuse_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`DROP TABLE ${schema}.audit_log`);
    await runner.query(`DROP FUNCTION ${schema}.audit_log_refuse_change()`);
  }
}

export const auditMigrations = [AuditLog17643000000001];
