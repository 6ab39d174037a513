/**
 * Normalising the committee's figures for charts. Counts may come as `{ police: 3 }` or as
 * `[{ key: 'police', count: 3 }]`; rates as rows per group and period.
 */
export interface Count {
  key: string;
  count: number;
}

export function countsOf(value: unknown): Count[] {
  if (Array.isArray(value)) {
    return value
      .map((row: unknown) => {
        const r = (row ?? {}) as Record<string, unknown>;
        const key = ['key', 'status', 'agency', 'channel', 'area', 'areaName', 'name', 'group'].find(
          (k) => typeof r[k] === 'string',
        );
        const count = typeof r.count === 'number' ? r.count : typeof r.total === 'number' ? r.total : 0;
        return { key: key ? String(r[key]) : '—', count };
      })
      .sort((a, b) => b.count - a.count);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter((e): e is [string, number] => typeof e[1] === 'number')
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count);
  }
  return [];
}

export const RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export const RATE_LABELS: Record<RateKey, string> = {
  responseRate: '响应率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  onTimeRate: '按时办结率',
};

export interface RateRow {
  group: string;
  period: string | null;
  rates: Partial<Record<RateKey, number>>;
  sample: number | null;
}

/** Rows of /stats/rates, whatever the group field is called (`group`, `key`, `agency`…). */
export function rateRowsOf(value: unknown): RateRow[] {
  const rows = Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? ((value as Record<string, unknown>).rows ?? (value as Record<string, unknown>).groups ?? [])
      : [];
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) => {
    const r = (row ?? {}) as Record<string, unknown>;
    const nested = (r.rates ?? {}) as Record<string, unknown>;
    const rates: Partial<Record<RateKey, number>> = {};
    for (const k of RATE_KEYS) {
      const v = typeof r[k] === 'number' ? r[k] : nested[k];
      if (typeof v === 'number') rates[k] = v > 1 ? v / 100 : v;
    }
    const group = ['group', 'key', 'agency', 'unit', 'unitId', 'channel', 'category'].find(
      (k) => typeof r[k] === 'string',
    );
    const period = ['period', 'bucket', 'day', 'week', 'month'].find((k) => typeof r[k] === 'string');
    const sample = ['sample', 'sampleSize', 'total', 'count'].find((k) => typeof r[k] === 'number');
    return {
      group: group ? String(r[group]) : '全部',
      period: period ? String(r[period]) : null,
      rates,
      sample: sample ? Number(r[sample]) : null,
    };
  });
}

/** Series per group for a line chart over time, periods in order. */
export function seriesOf(
  rows: RateRow[],
  rate: RateKey,
): { periods: string[]; series: Map<string, (number | null)[]> } {
  const periods = [...new Set(rows.map((r) => r.period).filter((p): p is string => p !== null))].sort();
  const series = new Map<string, (number | null)[]>();
  for (const row of rows) {
    if (row.period === null) continue;
    const line = series.get(row.group) ?? periods.map(() => null);
    line[periods.indexOf(row.period)] = row.rates[rate] ?? null;
    series.set(row.group, line);
  }
  return { periods, series };
}

export const percent = (v: number | undefined | null) =>
  typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—';
