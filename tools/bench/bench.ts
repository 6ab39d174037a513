import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs, type BenchOptions } from './args';
import { commitProbes, kafkaBaseline, pgInsertBaseline, rate, withBaselineTable } from './baselines';
import type { LoadResult, LoadSpec } from './load-worker';
import { PipelineProbe, type PipelineProgress } from './pipeline-probe';
import { cpuMs, localPostgresServer, rssMiB, treeCpuMs } from './process-stats';
import { itemBodies } from './item-bodies';
import { renderReport } from './report';
import {
  backlogOf,
  backlogSlope,
  judgeStep,
  lateBacklog,
  nextSearchRate,
  summarize,
  type BacklogSample,
} from './stats';
import type { BenchResults, CpuPerItem, HttpInsertFigure, IntakeFigure, StepResult } from './results';
import { provideSystem, repoRoot, type SystemUnderTest } from './system-under-test';

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'load-worker.js'), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim()) as LoadResult);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** Starts the bare HTTP + INSERT server (http-insert-server.ts) and resolves once it listens. */
function startHttpInsertServer(
  databaseUrl: string,
  table: string,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    // The pool intake has by default (DATABASE_POOL_SIZE).
    const child = spawn(
      process.execPath,
      [join(__dirname, 'http-insert-server.js'), databaseUrl, table, '10'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      try {
        resolve({ child, port: (JSON.parse(out.trim()) as { port: number }).port });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`http insert server exited with ${code}`)));
  });
}

/**
 * CPU ms per item accepted: the load generator's, and each process's between two snapshots (`cpuSnapshot`;
 * pgCommits counts commits).
 */
function cpuPerItem(
  result: LoadResult,
  before: Record<string, number>,
  after: Record<string, number>,
): CpuPerItem {
  const items = Math.max(1, result.created);
  const perItem = (amount: number) => Math.round((amount / items) * 100) / 100;
  const cpu: CpuPerItem = { load: perItem(result.cpuMs) };
  for (const [name, value] of Object.entries(after)) cpu[name] = perItem(value - (before[name] ?? value));
  return cpu;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function progressLine(label: string, t: number, p: PipelineProgress): string {
  return (
    `${label} t=${t.toFixed(0)}s accepted=${p.accepted} assigned=${p.assigned} tracked=${p.tracked} ` +
    `backlog=${backlogOf(p)} outbox(intake/router)=${p.intakeOutbox}/${p.routerOutbox}`
  );
}

class Bench {
  private stepNo = 0;
  /** The local PostgreSQL server's pid; null when it is not on this machine. */
  private postmaster: number | null | undefined;

  constructor(
    private readonly options: BenchOptions,
    private readonly runId: string,
    private readonly sut: SystemUnderTest,
    private readonly probe: PipelineProbe,
  ) {}

  /** Waits until every accepted item of the step is assigned and tracked, or progress stops for 20 s. */
  private async drain(label: string, since: Date, started: number): Promise<void> {
    let last = await this.probe.progress(since);
    let lastChange = Date.now();
    let lastPrint = 0;
    const hardDeadline = Date.now() + 300_000;
    while (last.assigned < last.accepted || last.tracked < last.accepted) {
      if (Date.now() - lastChange > 20_000 || Date.now() > hardDeadline) {
        log(`${label} drain stopped making progress; measuring what arrived`);
        return;
      }
      await sleep(200);
      const p = await this.probe.progress(since);
      if (p.assigned !== last.assigned || p.tracked !== last.tracked) lastChange = Date.now();
      last = p;
      if (Date.now() - lastPrint > 2_000) {
        lastPrint = Date.now();
        log(`${progressLine(`${label} draining`, (Date.now() - started) / 1000, p)}`);
      }
    }
  }

  /**
   * CPU used so far by the services, the broker and the PostgreSQL server (all its processes, including
   * backends that exited: the services' pools close idle connections); PG commits so far.
   */
  private async cpuSnapshot(): Promise<Record<string, number>> {
    const snapshot: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.sut.processes())) {
      const used = pid === undefined ? undefined : cpuMs(pid);
      if (used !== undefined) snapshot[name] = used;
    }
    this.postmaster ??= localPostgresServer(await this.probe.backendPid()) ?? null;
    const postgres = this.postmaster === null ? undefined : treeCpuMs(this.postmaster);
    if (postgres !== undefined) snapshot.postgres = postgres;
    snapshot.pgCommits = await this.probe.commits();
    return snapshot;
  }

  /**
   * One load run from the separate worker process with once-a-second pipeline progress; then drain. `paused`
   * processes are stopped (SIGSTOP) during the load and continued before the drain.
   */
  private async loadAndObserve(label: string, tag: string, spec: LoadSpec, paused: number[] = []) {
    const cpuBefore = await this.cpuSnapshot();
    const since = new Date();
    const started = Date.now();
    const backlog: BacklogSample[] = [];
    let finished = false;
    for (const pid of paused) process.kill(pid, 'SIGSTOP');
    const load = runLoad(spec).finally(() => {
      finished = true;
      for (const pid of paused) process.kill(pid, 'SIGCONT');
    });
    while (!finished) {
      await Promise.race([sleep(1_000), load.catch(() => undefined)]);
      if (finished) break;
      const t = (Date.now() - started) / 1000;
      const p = await this.probe.progress(since);
      backlog.push({ t, backlog: backlogOf(p) });
      log(progressLine(label, t, p));
    }
    const result = await load;
    await this.drain(label, since, started);
    const cpuAfter = await this.cpuSnapshot();
    return { since, result, backlog, cpuMsPerItem: cpuPerItem(result, cpuBefore, cpuAfter) };
  }

  async baselines(): Promise<NonNullable<BenchResults['baselines']>> {
    const { concurrency, duration } = this.options;
    const payload = itemBodies('baseline', 'same', repoRoot)[0]!;
    log(`baseline: raw pg single-row INSERTs, ${concurrency} connections, ${duration} s…`);
    const pgInsert = await pgInsertBaseline(this.sut.databaseUrl, payload, concurrency, duration);
    log(`baseline: pg ${pgInsert.perSecond} inserts/s`);
    log(
      `baseline: raw kafkajs produce (idempotent, acks=all, batches of 500) for ${Math.min(duration, 10)} s, then consume…`,
    );
    const envelope = JSON.stringify({ eventId: randomUUID(), type: 'ItemReceived', payload });
    const kafka = await kafkaBaseline(
      this.sut.kafkaBrokers,
      this.sut.topicPrefix,
      envelope,
      Math.min(duration, 10),
    );
    log(`baseline: kafka produce ${kafka.produce.perSecond} msg/s, consume ${kafka.consume.perSecond} msg/s`);
    log('baseline: commit serialisation probes, 16 connections, 3 s each…');
    const commits = await commitProbes(this.sut.databaseUrl, 16, 3);
    log(
      `baseline: bare node:http + one pg INSERT per request, closed loop, ${concurrency} connections, ${duration} s…`,
    );
    const httpInsert = await this.httpInsertFloor();
    log(
      `baseline: bare http + insert ${httpInsert.perSecond} requests/s; CPU ms/item ${JSON.stringify(httpInsert.cpuMsPerItem)}`,
    );
    return { pgInsert, kafka, commits, httpInsert };
  }

  /**
   * The floor under any Node front end: the bare node:http server of http-insert-server.ts (one autocommit INSERT
   * per request, nothing else) in a closed loop from the same load generator as intake's, with the CPU it, the
   * load generator and PostgreSQL used per request.
   */
  private async httpInsertFloor(): Promise<HttpInsertFigure> {
    const { concurrency, duration } = this.options;
    return withBaselineTable(this.sut.databaseUrl, async (table) => {
      const server = await startHttpInsertServer(this.sut.databaseUrl, table);
      try {
        const pid = server.child.pid;
        // The server's CPU and PostgreSQL's; the services only idle meanwhile.
        const snapshot = async (): Promise<Record<string, number>> => {
          const { postgres, pgCommits } = await this.cpuSnapshot();
          const server = pid === undefined ? undefined : cpuMs(pid);
          return Object.fromEntries(
            Object.entries({ server, postgres, pgCommits }).filter(([, v]) => v !== undefined),
          ) as Record<string, number>;
        };
        const before = await snapshot();
        const result = await runLoad({
          url: `http://127.0.0.1:${server.port}/`,
          token: 'none',
          tag: `bench-${this.runId}-http-floor`,
          texts: this.options.texts,
          connections: concurrency,
          durationS: duration,
        });
        const cpuMsPerItem = cpuPerItem(result, before, await snapshot());
        return { ...rate(result.created, result.durationS * 1000), concurrency, load: result, cpuMsPerItem };
      } finally {
        server.child.removeAllListeners('exit');
        server.child.kill('SIGTERM');
      }
    });
  }

  /** Unmeasured load first, so JIT compilation and connection set-up do not count against the first phase. */
  async warmUp(): Promise<void> {
    const tag = `bench-${this.runId}-warm-up`;
    log(`warm-up: closed loop, ${this.options.concurrency} connections, 5 s (not measured)…`);
    await this.loadAndObserve('warm-up', tag, {
      url: `${this.sut.intakeUrl}/api/v1/items`,
      token: this.sut.token,
      tag,
      texts: this.options.texts,
      connections: this.options.concurrency,
      durationS: 5,
    });
  }

  /**
   * Intake's closed-loop throughput twice: with the pipeline consuming as it goes, then — on a system the bench
   * started — alone, the router and tracking stopped (SIGSTOP) during the load so intake, its outbox relay and
   * PostgreSQL have the machine as the raw baselines do; they catch up in the drain.
   */
  async intake(): Promise<NonNullable<BenchResults['intake']>> {
    const withPipeline = await this.intakeClosedLoop('intake', []);
    const { router, tracking } = this.sut.processes();
    if (this.options.intake || router === undefined || tracking === undefined) return withPipeline;
    return { ...withPipeline, alone: await this.intakeClosedLoop('intake alone', [router, tracking]) };
  }

  private async intakeClosedLoop(label: string, paused: number[]): Promise<IntakeFigure> {
    const { concurrency, duration } = this.options;
    const tag = `bench-${this.runId}-${label.replace(/ /g, '-')}`;
    const what = paused.length > 0 ? ', router and tracking paused' : '';
    log(`${label}: closed loop, ${concurrency} connections, ${duration} s (POST /api/v1/items${what})…`);
    const { result, cpuMsPerItem } = await this.loadAndObserve(
      label,
      tag,
      {
        url: `${this.sut.intakeUrl}/api/v1/items`,
        token: this.sut.token,
        tag,
        texts: this.options.texts,
        connections: concurrency,
        durationS: duration,
      },
      paused,
    );
    const itemsPerSecond = Math.round(result.created / result.durationS);
    log(
      `${label}: ${itemsPerSecond} items/s (${result.non2xx} non-2xx, ${result.errors} errors); CPU ms/item ` +
        JSON.stringify(cpuMsPerItem),
    );
    return { concurrency, load: result, itemsPerSecond, cpuMsPerItem };
  }

  async step(kind: StepResult['kind'], rate: number): Promise<StepResult> {
    const tag = `bench-${this.runId}-s${++this.stepNo}-r${rate}`;
    const connections = Math.min(512, Math.max(this.options.concurrency, Math.ceil(rate / 10)));
    const label = `${kind} ${rate}/s`;
    log(`${label}: open loop at ${rate} items/s, ${connections} connections, ${this.options.duration} s…`);
    const { since, result, backlog, cpuMsPerItem } = await this.loadAndObserve(label, tag, {
      url: `${this.sut.intakeUrl}/api/v1/items`,
      token: this.sut.token,
      tag,
      texts: this.options.texts,
      connections,
      durationS: this.options.duration,
      rate,
    });
    const lat = await this.probe.latencies(since);
    const assigned = summarize(lat.assignedMs);
    const tracked = summarize(lat.trackedMs);
    const acceptedRate = Math.round(result.created / result.durationS);
    const slope = backlogSlope(backlog);
    const verdict = judgeStep({
      offeredRate: rate,
      acceptedRate,
      assignedP99: assigned.p99,
      backlogSlope: slope,
      lateBacklog: lateBacklog(backlog),
      unassigned: lat.unassigned,
      untracked: lat.untracked,
      p99LimitMs: this.options.p99LimitMs,
    });
    log(
      `${label}: accepted ${acceptedRate}/s; accepted→assigned p50/p95/p99/max ${assigned.p50}/${assigned.p95}/` +
        `${assigned.p99}/${assigned.max} ms; accepted→tracked p99 ${tracked.p99} ms; ` +
        `${verdict.sustained ? 'SUSTAINED' : `not sustained: ${verdict.reasons.join('; ')}`}`,
    );
    return {
      kind,
      offeredRate: rate,
      connections,
      load: result,
      acceptedRate,
      assigned,
      tracked,
      unassigned: lat.unassigned,
      untracked: lat.untracked,
      backlog,
      backlogSlope: Math.round(slope * 10) / 10,
      verdict,
      cpuMsPerItem,
    };
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const runId = startedAt.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const loadavgStart = loadavg();
  log(`run ${runId}: ${cpus().length} CPUs, load average ${loadavgStart.map((l) => l.toFixed(2)).join(' ')}`);
  const sut = await provideSystem(options, runId, log);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    log('stopping…');
    await sut.stop();
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  const probe = await PipelineProbe.connect(sut.databaseUrl);
  try {
    const bench = new Bench(options, runId, sut, probe);
    const results: BenchResults = {
      runId,
      label: options.label,
      commit: gitCommit(),
      startedAt: startedAt.toISOString(),
      finishedAt: '',
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        loadavgStart,
        loadavgEnd: [],
        node: process.version,
      },
      system: sut.source,
      options: {
        rates: options.rates,
        durationS: options.duration,
        concurrency: options.concurrency,
        p99LimitMs: options.p99LimitMs,
        texts: options.texts,
      },
      steps: [],
      memoryMiB: {},
    };
    await bench.warmUp();
    if (!options.skip.has('intake')) results.intake = await bench.intake();
    if (!options.skip.has('latency')) {
      for (const rate of options.rates) results.steps.push(await bench.step('latency', rate));
    }
    if (!options.skip.has('search')) {
      for (let i = 0; i < options.searchSteps; i++) {
        const sustained = results.steps.filter((s) => s.verdict.sustained).map((s) => s.offeredRate);
        const failed = results.steps.filter((s) => !s.verdict.sustained).map((s) => s.offeredRate);
        const rate = nextSearchRate(sustained, failed);
        if (rate === undefined) break;
        results.steps.push(await bench.step('search', rate));
      }
    }
    // Baselines last: the broker deleting the baseline topic and PostgreSQL checkpointing the baseline rows
    // would otherwise still be busy during the first measured phase.
    if (!options.skip.has('baselines')) results.baselines = await bench.baselines();
    if (results.baselines) {
      const pg = results.baselines.pgInsert.perSecond;
      const floor = results.baselines.httpInsert?.perSecond;
      for (const figure of [results.intake, results.intake?.alone]) {
        if (!figure) continue;
        figure.ratioToPgInsert = Math.round((figure.itemsPerSecond / pg) * 1000) / 1000;
        if (floor) figure.ratioToHttpInsert = Math.round((figure.itemsPerSecond / floor) * 1000) / 1000;
      }
    }
    const sustained = results.steps.filter((s) => s.verdict.sustained).map((s) => s.offeredRate);
    if (sustained.length > 0) results.highestSustainedRate = Math.max(...sustained);
    for (const [name, pid] of Object.entries(sut.processes())) {
      results.memoryMiB[name] = pid === undefined ? undefined : rssMiB(pid);
    }
    results.machine.loadavgEnd = loadavg();
    results.finishedAt = new Date().toISOString();
    const dir = join(repoRoot, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${runId}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\n${renderReport(results)}\n`);
    log(`results written to ${file}`);
  } finally {
    await probe.close();
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
