import type { Texts } from './item-bodies';
import type { CommitProbes, KafkaBaseline, RateFigure } from './baselines';
import type { LoadResult } from './load-worker';
import type { BacklogSample, LatencySummary, StepVerdict } from './stats';

/** What one bench run measured; written as JSON to bench-results/ and rendered as the final table. */
export interface StepResult {
  kind: 'latency' | 'search';
  offeredRate: number;
  connections: number;
  load: LoadResult;
  acceptedRate: number;
  assigned: LatencySummary;
  tracked: LatencySummary;
  unassigned: number;
  untracked: number;
  backlog: BacklogSample[];
  backlogSlope: number;
  verdict: StepVerdict;
  cpuMsPerItem: CpuPerItem;
}

/** CPU time each process spent per accepted item over a phase (load and drain): robust to a busy machine. */
export type CpuPerItem = Record<string, number>;

/** Intake's closed-loop throughput. */
export interface IntakeFigure {
  concurrency: number;
  load: LoadResult;
  itemsPerSecond: number;
  ratioToPgInsert?: number;
  /** To the bare node:http + INSERT server's rate (`baselines.httpInsert`). */
  ratioToHttpInsert?: number;
  cpuMsPerItem: CpuPerItem;
}

/** The bare node:http + one INSERT per request server, in intake's closed loop (http-insert-server.ts). */
export interface HttpInsertFigure extends RateFigure {
  concurrency: number;
  load: LoadResult;
  /** Per request: the load generator, the server, PostgreSQL. */
  cpuMsPerItem: CpuPerItem;
}

export interface BenchResults {
  runId: string;
  label: string;
  commit: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; model: string; loadavgStart: number[]; loadavgEnd: number[]; node: string };
  system: string;
  options: { rates: number[]; durationS: number; concurrency: number; p99LimitMs: number; texts?: Texts };
  baselines?: {
    pgInsert: RateFigure;
    kafka: KafkaBaseline;
    commits: CommitProbes;
    httpInsert?: HttpInsertFigure;
  };
  /** With the pipeline running; `alone`: the router and tracking paused during the load. */
  intake?: IntakeFigure & { alone?: IntakeFigure };
  steps: StepResult[];
  highestSustainedRate?: number;
  memoryMiB: Record<string, number | undefined>;
}
