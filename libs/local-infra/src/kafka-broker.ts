import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { killWithParent } from './orphan-guard';
import { freePort } from './ports';

export const KAFKA_VERSION = '3.9.1';

export interface LocalKafka {
  brokers: string;
  logFile: string;
  stop(): Promise<void>;
}

export interface LocalKafkaOptions {
  repoRoot: string;
  /** Working folder for data and logs; wiped at start unless `keepData`. */
  workDir: string;
  port?: number;
  keepData?: boolean;
  log?: (line: string) => void;
}

function requireTool(tool: string, hint: string): void {
  const found = spawnSync(tool, ['-version'], { stdio: 'ignore' });
  if (found.error) throw new Error(`${tool} not found. ${hint}`);
}

/** Resolves the broker jars from Maven Central into the ignored .cache folder (once per machine). */
export function resolveKafkaJars(repoRoot: string, log: (line: string) => void): string {
  const libs = join(repoRoot, '.cache', `kafka-${KAFKA_VERSION}`, 'libs');
  if (existsSync(libs) && readdirSync(libs).some((f) => f.startsWith('kafka_2.13'))) return libs;
  requireTool('java', 'Install Java 17 (apt-get install -y openjdk-17-jre-headless) or set KAFKA_BROKERS.');
  requireTool('mvn', 'Install Maven (apt-get install -y maven) or set KAFKA_BROKERS.');
  log(`resolving Apache Kafka ${KAFKA_VERSION} from Maven Central into ${libs} (first run only)…`);
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(repoRoot, 'infra', 'kafka', 'pom.xml'),
      'org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies',
      `-DoutputDirectory=${libs}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error(`Maven could not resolve the Kafka broker (exit ${result.status})`);
  return libs;
}

function serverProperties(dataDir: string, port: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
];

/**
 * Runs a real single-node Apache Kafka broker (KRaft) from Maven Central jars: format storage, start, wait
 * until the cluster answers. On failure the broker's log is printed.
 */
export async function startLocalKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const libs = resolveKafkaJars(options.repoRoot, log);
  const classpath = `${libs}/*`;
  const dataDir = options.workDir;
  // Reuse only a formatted store: a start that failed before formatting leaves server.properties alone.
  const reuse =
    options.keepData &&
    existsSync(join(dataDir, 'server.properties')) &&
    existsSync(join(dataDir, 'logs', 'meta.properties'));
  if (!reuse) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const propsFile = join(dataDir, 'server.properties');
  let port: number;
  if (reuse) {
    port = Number(/listeners=PLAINTEXT:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(propsFile, 'utf8'))?.[1]);
  } else {
    port = options.port ?? (await freePort());
    const controllerPort = await freePort();
    writeFileSync(propsFile, serverProperties(dataDir, port, controllerPort));
    // A base64url id can start with '-', which the storage tool's argument parser takes for an option.
    let clusterId: string;
    do clusterId = randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-'));
    const format = spawnSync(
      'java',
      [
        ...JVM_FLAGS,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        propsFile,
        '-g',
      ],
      { encoding: 'utf8' },
    );
    if (format.status !== 0)
      throw new Error(`Kafka storage format failed:\n${format.stdout}\n${format.stderr}`);
  }

  const logFile = join(dataDir, 'broker.log');
  const out = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(
    'java',
    [
      ...JVM_FLAGS,
      `-Dkafka.logs.dir=${join(dataDir, 'app-logs')}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propsFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  killWithParent(child.pid);
  let exited = false;
  child.on('exit', () => (exited = true));

  const brokers = `127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await gone;
    clearTimeout(timer);
  };

  try {
    await waitForKafka(brokers, 90_000, () => exited);
  } catch (e) {
    await stop();
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n') : '';
    throw new Error(`Kafka broker did not become ready: ${String(e)}\n--- ${logFile} ---\n${tail}`);
  }
  return { brokers, logFile, stop };
}

export async function waitForKafka(brokers: string, timeoutMs: number, gaveUp: () => boolean = () => false) {
  const kafka = new Kafka({
    clientId: 'readiness',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 2_000,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gaveUp()) throw new Error('broker process exited');
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
