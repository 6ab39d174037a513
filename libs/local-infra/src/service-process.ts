import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { killWithParent } from './orphan-guard';

export const SERVICES = ['intake', 'router', 'tracking'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceProcessOptions {
  repoRoot: string;
  name: string;
  /** Entry point relative to the repo root, e.g. dist/apps/intake/src/main.js. */
  entry: string;
  port: number;
  env: Record<string, string>;
  /** Where stdout/stderr go; without a file they pass through to this process's stdout, name-prefixed. */
  logFile?: string;
}

/** A built service run as a child process, which tests and the dev runner can stop, kill and restart. */
export class ServiceProcess {
  private child?: ChildProcess;

  constructor(private readonly options: ServiceProcessOptions) {}

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const child = spawn(process.execPath, [join(this.options.repoRoot, this.options.entry)], {
      cwd: this.options.repoRoot,
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logFile = this.options.logFile;
    if (!logFile) {
      const prefix = `[${this.options.name}] `;
      const forward = (chunk: Buffer) =>
        process.stdout.write(
          chunk
            .toString()
            .split('\n')
            .filter(Boolean)
            .map((l) => prefix + l + '\n')
            .join(''),
        );
      child.stdout?.on('data', forward);
      child.stderr?.on('data', forward);
    } else {
      const out = createWriteStream(logFile, { flags: 'a' });
      child.stdout?.pipe(out);
      child.stderr?.pipe(out);
    }
    killWithParent(child.pid);
    this.child = child;
  }

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${this.name} exited (${child?.exitCode ?? child?.signalCode}) before becoming ready`,
        );
      }
      try {
        const res = await fetch(`${this.url}/health/ready`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Graceful stop (SIGTERM), escalating to SIGKILL after the grace period. */
  async stop(graceMs = 20_000): Promise<void> {
    await this.signal('SIGTERM', graceMs);
  }

  /** A crash: SIGKILL, no chance to finish anything. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL', 5_000);
  }

  private async signal(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Built entry of the web front end (SPA + proxy); `npm run build` writes it and the SPA next to it. */
export const WEB_ENTRY = 'dist/apps/web/src/main.js';

export interface WebProcessOptions {
  repoRoot: string;
  port: number;
  /** Base URLs of the services the web server proxies `/svc/<service>/…` to. */
  upstreams: Record<ServiceName, string>;
  logFile?: string;
  env?: Record<string, string>;
}

/** The web front end as a child process, proxying to the given services. */
export function webProcess(options: WebProcessOptions): ServiceProcess {
  return new ServiceProcess({
    repoRoot: options.repoRoot,
    name: 'web',
    entry: WEB_ENTRY,
    port: options.port,
    env: {
      ...options.env,
      INTAKE_URL: options.upstreams.intake,
      ROUTER_URL: options.upstreams.router,
      TRACKING_URL: options.upstreams.tracking,
    },
    logFile: options.logFile,
  });
}
