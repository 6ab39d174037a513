import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { freePort, ServiceProcess, SERVICES, type ServiceName } from '@app/local-infra';
import type { IsolatedEnv } from './isolation';

export type RunningSystem = Record<ServiceName, ServiceProcess> & { stop(): Promise<void> };

// From source (jest) or from dist/ (the bench runs built code).
const here = join(__dirname, '..', '..', '..');
const repoRoot = basename(here) === 'dist' ? dirname(here) : here;

/**
 * Starts the built services (npm run build first) as separate processes on free ports, each writing its
 * log to .run/, and waits until every one reports ready.
 */
export async function startSystem(
  env: IsolatedEnv,
  extraEnv: Record<string, string> = {},
): Promise<RunningSystem> {
  mkdirSync(join(repoRoot, '.run'), { recursive: true });
  const entries = await Promise.all(
    SERVICES.map(async (name) => {
      const process = new ServiceProcess({
        repoRoot,
        name,
        entry: `dist/apps/${name}/src/main.js`,
        port: await freePort(),
        env: { ...env.serviceEnv, ...extraEnv },
        logFile: join(repoRoot, '.run', `${env.databaseName}-${name}.log`),
      });
      return [name, process] as const;
    }),
  );
  const services = Object.fromEntries(entries) as Record<ServiceName, ServiceProcess>;
  for (const s of Object.values(services)) s.start();
  try {
    await Promise.all(Object.values(services).map((s) => s.waitUntilReady(90_000)));
  } catch (e) {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    throw e;
  }
  return {
    ...services,
    stop: async () => {
      await Promise.all(Object.values(services).map((s) => s.stop()));
    },
  };
}
