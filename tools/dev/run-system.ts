import { join } from 'node:path';
import {
  createDatabase,
  provideInfrastructure,
  ServiceProcess,
  SERVICES,
  webProcess,
  type ServiceName,
} from '@app/local-infra';

const repoRoot = join(__dirname, '..', '..', '..');
const PORTS: Record<ServiceName, number> = { intake: 3001, router: 3002, tracking: 3003 };
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);

const log = (line: string) => process.stdout.write(`[yimen] ${line}\n`);

/**
 * `npm start`: real PostgreSQL and Kafka (started here if needed), migrations, the three services, the web
 * front end, and a clean stop of everything on Ctrl-C.
 */
async function main(): Promise<void> {
  const infra = await provideInfrastructure({
    repoRoot,
    workDir: join(repoRoot, '.run', 'dev-kafka'),
    databaseUrl: process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    keepKafkaData: true,
    log,
  });
  log(`infrastructure: ${infra.source}`);
  const databaseUrl = process.env.DATABASE_URL ?? (await createDatabase(infra.adminDatabaseUrl, 'yimen'));
  const services = SERVICES.map(
    (name) =>
      new ServiceProcess({
        repoRoot,
        name,
        entry: `dist/apps/${name}/src/main.js`,
        port: Number(process.env[`${name.toUpperCase()}_PORT`] ?? PORTS[name]),
        env: { DATABASE_URL: databaseUrl, KAFKA_BROKERS: infra.kafkaBrokers },
      }),
  );
  const web = webProcess({
    repoRoot,
    port: WEB_PORT,
    upstreams: Object.fromEntries(services.map((s) => [s.name, s.url])) as Record<ServiceName, string>,
  });
  const all = [...services, web];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services…');
    await Promise.all(all.map((s) => s.stop()));
    log('stopping infrastructure…');
    await infra.stop();
    log('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  for (const s of all) s.start();
  try {
    await Promise.all(all.map((s) => s.waitUntilReady(120_000)));
  } catch (e) {
    log(`start-up failed: ${String(e)}`);
    await stop(1);
    return;
  }
  log('all services ready:');
  for (const s of services) log(`  ${s.name.padEnd(9)} ${s.url}   (API docs ${s.url}/api/docs)`);
  log(`  web       ${web.url}   (窗口受理、承办工作台、政法委驾驶舱；群众进度查询 ${web.url}/status)`);
  log(`  kafka     ${infra.kafkaBrokers}`);
  log('press Ctrl-C to stop everything.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
