import { backlogOf, backlogSlope, judgeStep, lateBacklog, nextSearchRate, summarize } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(summarize([])).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('measures the backlog trend over the second half of the load only', () => {
    const growing = Array.from({ length: 10 }, (_, i) => ({ t: i + 1, backlog: i < 5 ? 0 : (i - 4) * 30 }));
    expect(backlogSlope(growing)).toBeCloseTo(30);
    expect(lateBacklog(growing)).toBe(150);
    const flat = Array.from({ length: 10 }, (_, i) => ({ t: i + 1, backlog: i < 4 ? i * 100 : 12 }));
    expect(backlogSlope(flat)).toBe(0);
    expect(backlogSlope([])).toBe(0);
  });

  it('judges a step sustained only when intake kept up, the backlog stayed flat and p99 held', () => {
    const ok = {
      offeredRate: 200,
      acceptedRate: 199,
      assignedP99: 180,
      backlogSlope: 1,
      lateBacklog: 12,
      unassigned: 0,
      untracked: 0,
      p99LimitMs: 1_000,
    };
    expect(judgeStep(ok)).toEqual({ sustained: true, reasons: [] });
    // jitter on a backlog smaller than one second's worth of items is not growth
    expect(judgeStep({ ...ok, backlogSlope: 15, lateBacklog: 40 }).sustained).toBe(true);
    expect(judgeStep({ ...ok, backlogSlope: 15, lateBacklog: 400 }).reasons).toEqual([
      'backlog grew 15.0 items/s to 400',
    ]);
    expect(judgeStep({ ...ok, acceptedRate: 150 }).sustained).toBe(false);
    expect(judgeStep({ ...ok, assignedP99: 1_000 }).sustained).toBe(false);
    expect(judgeStep({ ...ok, unassigned: 1 }).sustained).toBe(false);
    expect(judgeStep({ ...ok, untracked: 2 }).reasons).toEqual(['2 items never tracked']);
  });

  it('counts as backlog the items not yet assigned or not yet tracked, whichever is further behind', () => {
    expect(backlogOf({ accepted: 900, assigned: 880, tracked: 600 })).toBe(300);
    expect(backlogOf({ accepted: 900, assigned: 700, tracked: 850 })).toBe(200);
  });

  it('doubles until a step fails, then bisects until within 10%', () => {
    expect(nextSearchRate([], [])).toBe(100);
    expect(nextSearchRate([100, 200], [])).toBe(400);
    expect(nextSearchRate([100, 200, 400], [800])).toBe(600);
    expect(nextSearchRate([400, 600], [800])).toBe(700);
    expect(nextSearchRate([700], [750])).toBeUndefined();
    expect(nextSearchRate([], [100])).toBe(50);
    expect(nextSearchRate([], [40])).toBeUndefined();
  });
});
