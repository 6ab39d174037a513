import { AgencyLabels, ChannelLabels, type Agency, type Channel } from '@app/contracts';
import { areaByCode, unitById } from '@app/reference-data';
import { onTime, type ItemFacts } from './item-facts';

export const GroupDimensions = [
  'agency',
  'unit',
  'channel',
  'category',
  'area',
  'day',
  'week',
  'month',
] as const;
export type GroupBy = (typeof GroupDimensions)[number];

/** Weights of the three rates in the composite score, in percent (default 30/35/35). */
export interface RateWeights {
  response: number;
  resolution: number;
  satisfaction: number;
}

export interface RateOptions {
  /** "Now" for deciding which items are due; injected so figures are reproducible. */
  asOf: Date;
  weights: RateWeights;
  /** Groups with fewer counted items are reported but not ranked. */
  minSample: number;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when nothing is in the denominator. */
  rate: number | null;
}

export interface GroupRates {
  key: string;
  label: string;
  /** All items of the group, repeats and referrals included. */
  items: number;
  /** Items the rates count: first items of a matter (repeats counted once), not referred out. */
  counted: number;
  response: Ratio;
  resolution: Ratio;
  satisfaction: Ratio;
  /** Weighted sum of the three rates; null unless all three have a denominator. */
  composite: number | null;
  onTime: Ratio;
  /** Mean calendar hours from intake to resolution over resolved items. */
  averageHandlingHours: number | null;
  returnRate: Ratio;
  misrouteRate: Ratio;
  /** Rank by composite (1 = best) among groups with at least `minSample` counted items; null otherwise. */
  rank: number | null;
}

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});
const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const within = (at: string | null, deadline: string | null) =>
  at !== null && (deadline === null || Date.parse(at) <= Date.parse(deadline));
const reached = (deadline: string | null, asOf: number) => deadline !== null && Date.parse(deadline) <= asOf;

/** Whether the rates count the item: a repeat counts with its first item, a referral is no unit's work. */
export function isCounted(f: ItemFacts): boolean {
  return f.repeatOf === null && !f.referredOut;
}

/**
 * Response rate 响应率 = items signed for by the sign-for deadline AND whose citizen was first contacted by
 * the contact deadline / items due, where an item is due once both deadlines have passed (at `asOf`) or it
 * has been both signed for and contacted.
 */
export function responseRate(facts: readonly ItemFacts[], asOf: Date): Ratio {
  const now = asOf.getTime();
  const due = facts.filter(
    (f) =>
      (reached(f.signDeadline, now) && reached(f.contactDeadline, now)) ||
      (f.signedAt !== null && f.firstContactAt !== null),
  );
  const inTime = due.filter(
    (f) => within(f.signedAt, f.signDeadline) && within(f.firstContactAt, f.contactDeadline),
  );
  return ratio(inTime.length, due.length);
}

/**
 * Resolution rate 解决率 = items resolved / items that reached their (extended) resolution deadline at
 * `asOf` or were resolved. An item sent back for redo is unresolved until resolved again.
 */
export function resolutionRate(facts: readonly ItemFacts[], asOf: Date): Ratio {
  const now = asOf.getTime();
  const due = facts.filter((f) => f.resolvedAt !== null || reached(f.resolveDeadline, now));
  return ratio(due.filter((f) => f.resolvedAt !== null).length, due.length);
}

/** Satisfaction rate 满意率 = (satisfied + basically satisfied) / items followed up (latest result counts). */
export function satisfactionRate(facts: readonly ItemFacts[]): Ratio {
  const followed = facts.filter((f) => f.satisfaction !== null);
  return ratio(followed.filter((f) => f.satisfaction !== 'unsatisfied').length, followed.length);
}

/** On-time rate 按时办结率 = resolved by the (extended) resolution deadline / resolved. */
export function onTimeRate(facts: readonly ItemFacts[]): Ratio {
  const resolved = facts.filter((f) => f.resolvedAt !== null);
  return ratio(resolved.filter((f) => onTime(f) !== false).length, resolved.length);
}

/** Average handling time 平均办理时长 in hours = mean(resolvedAt − receivedAt) over resolved items. */
export function averageHandlingHours(facts: readonly ItemFacts[]): number | null {
  const spans = facts
    .map((f) => {
      const from = ms(f.receivedAt);
      const to = ms(f.resolvedAt);
      return from === null || to === null ? null : (to - from) / 3_600_000;
    })
    .filter((h): h is number => h !== null);
  return spans.length === 0 ? null : spans.reduce((a, b) => a + b, 0) / spans.length;
}

/** Return rate 退单率 = items returned at least once (any reason) / items routed to a unit. */
export function returnRate(facts: readonly ItemFacts[]): Ratio {
  const routed = facts.filter((f) => f.routedAt !== null);
  return ratio(routed.filter((f) => f.returns > 0).length, routed.length);
}

/** Misroute rate 错派率 = items returned as wrong area or not our function / items routed to a unit. */
export function misrouteRate(facts: readonly ItemFacts[]): Ratio {
  const routed = facts.filter((f) => f.routedAt !== null);
  return ratio(routed.filter((f) => f.misrouted).length, routed.length);
}

/** Composite 综合得分 = Σ weightᵢ × rateᵢ / Σ weightᵢ over the three rates; null if any rate is undefined. */
export function compositeScore(
  response: Ratio,
  resolution: Ratio,
  satisfaction: Ratio,
  weights: RateWeights,
): number | null {
  if (response.rate === null || resolution.rate === null || satisfaction.rate === null) return null;
  const total = weights.response + weights.resolution + weights.satisfaction;
  if (total <= 0) return null;
  return (
    (weights.response * response.rate +
      weights.resolution * resolution.rate +
      weights.satisfaction * satisfaction.rate) /
    total
  );
}

const CST_MS = 8 * 3_600_000;

/** Calendar keys in China Standard Time: 2026-11-25, 2026-W48 (ISO week), 2026-11. */
export function periodKey(iso: string, unit: 'day' | 'week' | 'month'): string {
  const local = new Date(Date.parse(iso) + CST_MS);
  if (unit === 'day') return local.toISOString().slice(0, 10);
  if (unit === 'month') return local.toISOString().slice(0, 7);
  const day = (local.getUTCDay() + 6) % 7;
  const thursday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day + 3),
  );
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function groupKey(f: ItemFacts, by: GroupBy): string {
  switch (by) {
    case 'agency':
      return f.agency ?? 'unrouted';
    case 'unit':
      return f.unitId ?? 'none';
    case 'channel':
      return f.channel ?? 'unknown';
    case 'category':
      return f.category ?? 'uncategorised';
    case 'area':
      return f.areaCode ?? 'unknown';
    case 'day':
    case 'week':
    case 'month':
      return f.receivedAt ? periodKey(f.receivedAt, by) : 'unknown';
  }
}

export function groupLabel(key: string, by: GroupBy): string {
  switch (by) {
    case 'agency':
      return AgencyLabels[key as Agency] ?? '未分拨';
    case 'unit':
      return unitById(key)?.name ?? '未指定单位';
    case 'channel':
      return ChannelLabels[key as Channel] ?? '未知渠道';
    case 'area':
      return areaByCode(key)?.name ?? '未知区域';
    case 'category':
      return key === 'uncategorised' ? '未分类' : key;
    case 'day':
    case 'week':
    case 'month':
      return key;
  }
}

/** All figures for one set of items. */
export function rateGroup(
  key: string,
  label: string,
  all: readonly ItemFacts[],
  options: RateOptions,
): GroupRates {
  const facts = all.filter(isCounted);
  const response = responseRate(facts, options.asOf);
  const resolution = resolutionRate(facts, options.asOf);
  const satisfaction = satisfactionRate(facts);
  return {
    key,
    label,
    items: all.length,
    counted: facts.length,
    response,
    resolution,
    satisfaction,
    composite: compositeScore(response, resolution, satisfaction, options.weights),
    onTime: onTimeRate(facts),
    averageHandlingHours: averageHandlingHours(facts),
    returnRate: returnRate(facts),
    misrouteRate: misrouteRate(facts),
    rank: null,
  };
}

/**
 * The figures per group, ranked by composite score among groups with enough counted items (ties share a
 * rank), sorted by rank then key.
 */
export function computeRates(facts: readonly ItemFacts[], by: GroupBy, options: RateOptions): GroupRates[] {
  const groups = new Map<string, ItemFacts[]>();
  for (const f of facts) {
    const key = groupKey(f, by);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const rows = [...groups].map(([key, members]) => rateGroup(key, groupLabel(key, by), members, options));
  const rankable = rows
    .filter((r) => r.counted >= options.minSample && r.composite !== null)
    .sort((a, b) => (b.composite ?? 0) - (a.composite ?? 0));
  rankable.forEach((r, i) => {
    const previous = rankable[i - 1];
    r.rank = previous && previous.composite === r.composite ? previous.rank : i + 1;
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.key.localeCompare(b.key));
}
