import { spawnSync } from 'node:child_process';
import { startLocalKafka } from './kafka-broker';
import { ensureLocalPostgres } from './postgres';

export interface Infrastructure {
  /** A URL to the server's `postgres` (or given) database, used to create per-service or per-test databases. */
  adminDatabaseUrl: string;
  kafkaBrokers: string;
  source: string;
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  repoRoot: string;
  workDir: string;
  /** DATABASE_URL and KAFKA_BROKERS as given by the user, if any. */
  databaseUrl?: string;
  kafkaBrokers?: string;
  keepKafkaData?: boolean;
  log: (line: string) => void;
}

function dockerEngineAvailable(): boolean {
  const result = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

/**
 * Finds or starts real PostgreSQL and Kafka, in this order of preference: URLs given in the environment;
 * testcontainers where a Docker engine runs; otherwise the local PostgreSQL server and a Kafka broker run
 * from Maven Central jars. Never an in-memory stand-in: if nothing works, it throws saying what to install.
 */
export async function provideInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const sources: string[] = [];
  let adminDatabaseUrl = options.databaseUrl;
  let kafkaBrokers = options.kafkaBrokers;
  if (adminDatabaseUrl) sources.push('DATABASE_URL');
  if (kafkaBrokers) sources.push('KAFKA_BROKERS');

  const docker = (!adminDatabaseUrl || !kafkaBrokers) && dockerEngineAvailable();
  if (docker) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { KafkaContainer } = await import('@testcontainers/kafka');
    if (!adminDatabaseUrl) {
      options.log('starting PostgreSQL with testcontainers…');
      const pg = await new PostgreSqlContainer('postgres:15-alpine').start();
      adminDatabaseUrl = pg.getConnectionUri();
      stops.push(async () => void (await pg.stop()));
      sources.push('testcontainers postgres');
    }
    if (!kafkaBrokers) {
      options.log('starting Kafka with testcontainers…');
      const kafka = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
      kafkaBrokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
      stops.push(async () => void (await kafka.stop()));
      sources.push('testcontainers kafka');
    }
  }
  if (!adminDatabaseUrl) {
    adminDatabaseUrl = await ensureLocalPostgres(options.log);
    sources.push('local postgres');
  }
  if (!kafkaBrokers) {
    options.log('starting Apache Kafka (KRaft) from Maven Central jars…');
    const kafka = await startLocalKafka({
      repoRoot: options.repoRoot,
      workDir: options.workDir,
      keepData: options.keepKafkaData,
      log: options.log,
    });
    kafkaBrokers = kafka.brokers;
    stops.push(kafka.stop);
    sources.push(`local kafka (${kafka.logFile})`);
  }
  return {
    adminDatabaseUrl,
    kafkaBrokers,
    source: sources.join(', '),
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
