import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Client } from 'pg';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Uses the PostgreSQL server on this machine, starting the Debian cluster if it is stopped. Returns an
 * admin URL (database `postgres`) from which databases are created.
 */
export async function ensureLocalPostgres(log: (line: string) => void): Promise<string> {
  if (await canConnect(LOCAL_POSTGRES_URL)) return LOCAL_POSTGRES_URL;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length === 0) {
    throw new Error(
      'No PostgreSQL reachable at 127.0.0.1:5432 and none installed. Install it (apt-get install -y postgresql) or set DATABASE_URL.',
    );
  }
  for (const version of versions) {
    log(`starting local PostgreSQL ${version}…`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
  for (let i = 0; i < 30; i++) {
    if (await canConnect(LOCAL_POSTGRES_URL)) return LOCAL_POSTGRES_URL;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(
    'PostgreSQL did not accept connections on 127.0.0.1:5432 after starting it; see /var/log/postgresql.',
  );
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid database name ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
