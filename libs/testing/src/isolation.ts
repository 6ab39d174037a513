import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '@app/local-infra';
import { TEST_JWT_SECRET } from './staff-tokens';
import { testInfra, type TestInfra } from './test-env';

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export interface IsolatedEnv {
  databaseUrl: string;
  databaseName: string;
  kafkaBrokers: string;
  topicPrefix: string;
  /** Environment for a service under test: its own database and topic namespace. */
  serviceEnv: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database and Kafka topic prefix for one test file (or one bench run, on infrastructure it names). */
export async function isolatedEnv(label: string, infra: TestInfra = testInfra()): Promise<IsolatedEnv> {
  const suffix = uniqueSuffix();
  const databaseName = `yimen_${label.replace(/[^a-z0-9]/g, '_')}_${suffix}`;
  const databaseUrl = await createDatabase(infra.adminDatabaseUrl, databaseName);
  const topicPrefix = `t${suffix}.`;
  return {
    databaseUrl,
    databaseName,
    kafkaBrokers: infra.kafkaBrokers,
    topicPrefix,
    serviceEnv: {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: infra.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      JWT_SECRET: TEST_JWT_SECRET,
    },
    drop: () => dropDatabase(infra.adminDatabaseUrl, databaseName),
  };
}
