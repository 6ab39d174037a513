import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

export interface DatabaseOptions {
  url: string;
  /** Each service owns one schema; raw SQL resolves unqualified names there through search_path. */
  schema: string;
  poolSize: number;
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own typing
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own typing
  migrations: MixedList<Function | string>;
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: options.poolSize,
      application_name: options.applicationName,
      options: `-c search_path=${options.schema},public`,
      connectionTimeoutMillis: 5_000,
    },
  };
}

export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (e) {
    // Two services starting at once may race on CREATE SCHEMA; losing the race is fine.
    if (!isUniqueViolation(e) && (e as { code?: string }).code !== '42P06') throw e;
  } finally {
    await client.end();
  }
}

/** Creates the schema if needed, connects, and applies the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
