import { DomainError } from '@app/errors';

/** A reporting range in China Standard Time: [from, to). */
export interface DateRange {
  from: Date;
  to: Date;
}

const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const invalid = (field: string, message: string, messageEn: string) =>
  new DomainError('STATS.INVALID_RANGE', 'invalid', message, messageEn, [
    { field, rule: 'format', message, messageEn },
  ]);

/** `2026-11` → the month's range; a malformed period is a domain error. */
export function periodRange(period: string): DateRange {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m)
    throw invalid('period', `期间 ${period} 格式应为 YYYY-MM`, `Period ${period} must look like YYYY-MM`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return {
    from: new Date(Date.UTC(year, month - 1, 1) - CST_MS),
    to: new Date(Date.UTC(year, month, 1) - CST_MS),
  };
}

function day(value: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) {
    throw invalid(field, `${field} 应为日期 YYYY-MM-DD`, `${field} must be a date YYYY-MM-DD`);
  }
  return t - CST_MS;
}

/**
 * `from`/`to` dates (both inclusive, China time) → a range; defaults: the current month up to today.
 * `now` is injected.
 */
export function dateRange(from: string | undefined, to: string | undefined, now: Date): DateRange {
  const today = Math.floor((now.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  const local = new Date(today + CST_MS);
  const start = from ? day(from, 'from') : Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CST_MS;
  const end = (to ? day(to, 'to') : today) + DAY_MS;
  if (end <= start) throw invalid('to', 'to 不能早于 from', 'to must not be before from');
  return { from: new Date(start), to: new Date(end) };
}

/** The month a range covers exactly (so a closed period's snapshot can answer), or null. */
export function periodOf(range: DateRange): string | null {
  const local = new Date(range.from.getTime() + CST_MS);
  const period = local.toISOString().slice(0, 7);
  const whole = periodRange(period);
  return whole.from.getTime() === range.from.getTime() && whole.to.getTime() === range.to.getTime()
    ? period
    : null;
}
