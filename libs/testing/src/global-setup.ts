import { join } from 'node:path';
// Global setup runs outside Jest's module mapping, so it cannot use the @app alias.
import { provideInfrastructure, type Infrastructure } from '../../local-infra/src';
import { TEST_ENV } from './test-env';

declare global {
  var __YIMEN_INFRA__: Infrastructure | undefined;
}

interface JestGlobalConfig {
  selectProjects?: string[];
  rootDir: string;
}

/**
 * Starts real PostgreSQL and Kafka once per test run (unless only unit tests were selected). Tests create
 * their own databases and topic prefixes, so runs and files never see each other's data.
 */
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  const selected = globalConfig.selectProjects;
  if (selected && selected.every((p) => p === 'unit')) return;
  const repoRoot = join(__dirname, '..', '..', '..');
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[test-infra] ${line}\n`);
  const infra = await provideInfrastructure({
    repoRoot,
    workDir: join(repoRoot, '.run', `test-kafka-${process.pid}`),
    databaseUrl: process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    log,
  });
  globalThis.__YIMEN_INFRA__ = infra;
  process.env[TEST_ENV.adminDatabaseUrl] = infra.adminDatabaseUrl;
  process.env[TEST_ENV.kafkaBrokers] = infra.kafkaBrokers;
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${infra.source}; brokers ${infra.kafkaBrokers}`,
  );
}
