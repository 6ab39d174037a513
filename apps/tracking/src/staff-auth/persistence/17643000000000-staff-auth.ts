import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts and their refresh tokens (stored hashed, grouped in rotation families). */
export class StaffAuth17643000000000 implements MigrationInterface {
  name = 'StaffAuth17643000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`
      CREATE TABLE ${schema}.staff_users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('clerk', 'worker', 'supervisor', 'committee', 'admin')),
        agency text NOT NULL,
        unit_id text,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${schema}.refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id text NOT NULL REFERENCES ${schema}.staff_users (id),
        token_hash bytea NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
    await runner.query(`CREATE INDEX refresh_tokens_family ON ${schema}.refresh_tokens (family_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'tracking';
    await runner.query(`DROP TABLE ${schema}.refresh_tokens`);
    await runner.query(`DROP TABLE ${schema}.staff_users`);
  }
}

export const staffAuthMigrations = [StaffAuth17643000000000];
