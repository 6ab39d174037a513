/**
 * The committee's figures as the stats API gives them, and their shaping for tables and charts. The response
 * types are written out here rather than imported from tracking's analytics/domain/rates.ts: even a type-only
 * import makes the client's tsc follow that file into tracking's domain and the server-only libs (@app/calendar,
 * @app/errors, the class-validator contracts) that the client's paths leave out, and it would be a deep import
 * into another app.
 */
export interface Count {
  key: string;
  label?: string;
  count: number;
}

/** Counts by status, agency, channel or area (`[{ key, label, count }]`), largest first. */
export function countsOf(value: Count[] | undefined): Count[] {
  return [...(value ?? [])].sort((a, b) => b.count - a.count);
}

export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface GroupRates {
  key: string;
  label: string;
  items: number;
  counted: number;
  response: Ratio;
  resolution: Ratio;
  satisfaction: Ratio;
  onTime: Ratio;
  composite: number | null;
  averageHandlingHours: number | null;
  rank: number | null;
}

export interface Rates {
  groupBy: string;
  minSample: number;
  frozen: boolean;
  groups: GroupRates[];
}

export const RATE_KEYS = ['response', 'resolution', 'satisfaction', 'onTime'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export const RATE_LABELS: Record<RateKey, string> = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  onTime: '按时办结率',
};

export interface Series {
  periods: string[];
  lines: { key: string; label: string; values: (number | null)[] }[];
}

/** Rates grouped by day/week/month → one line per rate over the periods, in time order. */
export function seriesOverTime(groups: readonly GroupRates[]): Series {
  const ordered = [...groups].sort((a, b) => a.key.localeCompare(b.key));
  return {
    periods: ordered.map((g) => g.key),
    lines: RATE_KEYS.map((k) => ({ key: k, label: RATE_LABELS[k], values: ordered.map((g) => g[k].rate) })),
  };
}

export const percent = (v: number | undefined | null) =>
  typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—';
