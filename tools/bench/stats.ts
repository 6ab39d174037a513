/** Pure figures over measured samples: percentiles, backlog trend, and the step search's next rate. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (ms) of a sample; all zeros for an empty one. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1]!,
  };
}

export interface BacklogSample {
  /** Seconds since the step's load began. */
  t: number;
  /**
   * Items accepted but not yet through the pipeline: not assigned or not tracked, whichever is further behind
   * (until 2026-11-26 07:00 UTC only the assignment counted, so tracking could fall behind a "sustained" step).
   */
  backlog: number;
}

function secondHalf(samples: readonly BacklogSample[]): BacklogSample[] {
  if (samples.length === 0) return [];
  const end = samples[samples.length - 1]!.t;
  return samples.filter((s) => s.t >= end / 2);
}

/** Items accepted but not yet both assigned and tracked. */
export function backlogOf(p: { accepted: number; assigned: number; tracked: number }): number {
  return p.accepted - Math.min(p.assigned, p.tracked);
}

/** Largest backlog in the second half of the load. */
export function lateBacklog(samples: readonly BacklogSample[]): number {
  return Math.max(0, ...secondHalf(samples).map((s) => s.backlog));
}

/** Least-squares slope (items/s) of the backlog over the second half of the load. */
export function backlogSlope(samples: readonly BacklogSample[]): number {
  const half = secondHalf(samples);
  if (half.length < 2) return 0;
  const n = half.length;
  const mt = half.reduce((a, s) => a + s.t, 0) / n;
  const mb = half.reduce((a, s) => a + s.backlog, 0) / n;
  const num = half.reduce((a, s) => a + (s.t - mt) * (s.backlog - mb), 0);
  const den = half.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export interface StepVerdictInput {
  offeredRate: number;
  /** Items accepted per second during the load. */
  acceptedRate: number;
  assignedP99: number;
  backlogSlope: number;
  /** Largest backlog in the second half of the load. */
  lateBacklog: number;
  /** Items not assigned after the drain time-out (lost or stuck). */
  unassigned: number;
  /** Items not tracked (with their routing outcome) after the drain time-out. */
  untracked: number;
  p99LimitMs: number;
}

export interface StepVerdict {
  sustained: boolean;
  reasons: string[];
}

/**
 * A step is sustained when intake took (almost) all the offered load, the backlog of items accepted but not yet
 * assigned and tracked did not grow in the second half (a slope over 5% of the rate per second counts only once
 * more than a second's worth of items is waiting, so sampling jitter on a tiny backlog does not fail a step),
 * every item was assigned and tracked, and p99 accepted→assigned stayed under the limit.
 */
export function judgeStep(s: StepVerdictInput): StepVerdict {
  const reasons: string[] = [];
  if (s.acceptedRate < 0.95 * s.offeredRate)
    reasons.push(`intake accepted ${s.acceptedRate.toFixed(0)}/s of ${s.offeredRate}/s offered`);
  if (s.backlogSlope > 0.05 * s.offeredRate && s.lateBacklog > s.offeredRate)
    reasons.push(`backlog grew ${s.backlogSlope.toFixed(1)} items/s to ${s.lateBacklog}`);
  if (s.unassigned > 0) reasons.push(`${s.unassigned} items never assigned`);
  if (s.untracked > 0) reasons.push(`${s.untracked} items never tracked`);
  if (s.assignedP99 >= s.p99LimitMs)
    reasons.push(`p99 accepted→assigned ${s.assignedP99} ms ≥ ${s.p99LimitMs} ms`);
  return { sustained: reasons.length === 0, reasons };
}

/**
 * The next rate to probe: grow ×2 from the best sustained rate until a step fails, then bisect between the
 * best sustained and the lowest failed rate; stop (undefined) when they are within 10% of each other.
 */
export function nextSearchRate(sustained: readonly number[], failed: readonly number[]): number | undefined {
  const best = sustained.length > 0 ? Math.max(...sustained) : 0;
  const lowestFail = failed.filter((r) => r > best);
  if (lowestFail.length === 0) return best > 0 ? best * 2 : 100;
  const ceiling = Math.min(...lowestFail);
  if (best === 0) return ceiling / 2 >= 25 ? Math.round(ceiling / 2) : undefined;
  if (ceiling / best <= 1.1) return undefined;
  const mid = Math.round((best + ceiling) / 2 / 10) * 10;
  return mid > best && mid < ceiling ? mid : undefined;
}
