import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { provideInfrastructure } from '@app/local-infra';
import { isolatedEnv, staffToken, startSystem } from '@app/testing';
import type { BenchOptions } from './args';
import { pidListeningOn } from './process-stats';

export interface SystemUnderTest {
  intakeUrl: string;
  token: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Prefix for the bench's own topics (baselines), so they never meet the services' topics. */
  topicPrefix: string;
  source: string;
  /** Processes whose memory the bench reports, by name. */
  processes(): Record<string, number | undefined>;
  stop(): Promise<void>;
}

/** The repository's root, from the built tools/bench (dist/tools/bench). */
export const repoRoot = join(__dirname, '..', '..', '..');

function portOf(url: string | undefined, fallback: number): number {
  if (!url) return fallback;
  const u = new URL(url);
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
}

/**
 * Starts the whole system the way the e2e tests do (real PostgreSQL and Kafka from the environment or started
 * here, a fresh database and topic prefix, the three built services as processes signing tokens with the
 * test key), or points at a running one given by URL.
 */
export async function provideSystem(
  options: BenchOptions,
  runId: string,
  log: (line: string) => void,
): Promise<SystemUnderTest> {
  if (options.intake) return reuseSystem(options, runId);
  const infra = await provideInfrastructure({
    repoRoot,
    workDir: join(repoRoot, '.run', 'bench-kafka'),
    databaseUrl: process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    log,
  });
  const env = await isolatedEnv('bench', {
    adminDatabaseUrl: infra.adminDatabaseUrl,
    kafkaBrokers: infra.kafkaBrokers,
  });
  log(`starting services on database ${env.databaseName}, topic prefix ${env.topicPrefix}`);
  const running = await startSystem(env, options.serviceEnv);
  const brokers = infra.kafkaBrokers.split(',');
  return {
    intakeUrl: running.intake.url,
    token: staffToken('clerk'),
    databaseUrl: env.databaseUrl,
    kafkaBrokers: brokers,
    topicPrefix: env.topicPrefix,
    source: infra.source,
    processes: () => ({
      intake: running.intake.pid,
      router: running.router.pid,
      tracking: running.tracking.pid,
      broker: pidListeningOn(portOf(`kafka://${brokers[0]}`, 9092)),
    }),
    stop: async () => {
      await running.stop();
      await deleteTopics(brokers, env.topicPrefix);
      if (!options.keep) await env.drop();
      await infra.stop();
    },
  };
}

function reuseSystem(options: BenchOptions, runId: string): SystemUnderTest {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const topicPrefix = `bench${runId}.`;
  return {
    intakeUrl: options.intake!,
    token: options.token!,
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yimen',
    kafkaBrokers: brokers,
    topicPrefix,
    source: `running system at ${options.intake}`,
    processes: () => ({
      intake: pidListeningOn(portOf(options.intake, 3001)),
      router: pidListeningOn(3002),
      tracking: pidListeningOn(portOf(options.tracking, 3003)),
      broker: pidListeningOn(portOf(`kafka://${brokers[0]}`, 9092)),
    }),
    stop: () => deleteTopics(brokers, topicPrefix),
  };
}

/** The bench's topics (and, on its own system, the services' prefixed topics) are removed afterwards. */
async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } catch {
    // best effort: leftover topics only cost disk on a throw-away broker
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
