import { emptyFacts, type ItemFacts } from './item-facts';
import {
  averageHandlingHours,
  compositeScore,
  computeRates,
  misrouteRate,
  onTimeRate,
  periodKey,
  resolutionRate,
  responseRate,
  returnRate,
  satisfactionRate,
} from './rates';

const asOf = new Date('2026-11-20T08:00:00Z');
let n = 0;
function facts(overrides: Partial<ItemFacts> = {}): ItemFacts {
  n += 1;
  return {
    ...emptyFacts(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
    receivedAt: '2026-11-02T01:00:00Z',
    routedAt: '2026-11-02T01:05:00Z',
    agency: 'police',
    unitId: 'ga-dc',
    signDeadline: '2026-11-02T02:00:00Z',
    contactDeadline: '2026-11-03T01:00:00Z',
    resolveDeadline: '2026-11-10T01:00:00Z',
    ...overrides,
  };
}
const responded = { signedAt: '2026-11-02T01:30:00Z', firstContactAt: '2026-11-02T06:00:00Z' };

describe('response rate', () => {
  it('counts signed in time AND contacted in time over items due', () => {
    const r = responseRate(
      [
        facts(responded),
        facts({ ...responded, firstContactAt: '2026-11-04T00:00:00Z' }), // contacted late
        facts({ signedAt: '2026-11-02T03:00:00Z', firstContactAt: '2026-11-02T04:00:00Z' }), // signed late
        facts(), // due, nothing done
        facts({ signDeadline: '2026-11-21T00:00:00Z', contactDeadline: '2026-11-22T00:00:00Z' }), // not due yet
      ],
      asOf,
    );
    expect(r).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
  });

  it('has no rate when nothing is due', () => {
    expect(responseRate([], asOf).rate).toBeNull();
  });
});

describe('resolution, satisfaction, on-time, handling time, returns and misroutes', () => {
  it('resolution: resolved / reached the deadline or resolved', () => {
    const r = resolutionRate(
      [
        facts({ resolvedAt: '2026-11-05T00:00:00Z' }),
        facts({ resolvedAt: '2026-11-12T00:00:00Z' }),
        facts(), // deadline passed, unresolved
        facts({ resolveDeadline: '2026-12-01T00:00:00Z' }), // not yet due
        facts({ resolveDeadline: '2026-12-01T00:00:00Z', resolvedAt: '2026-11-19T00:00:00Z' }),
      ],
      asOf,
    );
    expect(r).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
  });

  it('satisfaction: satisfied + basically satisfied over followed up', () => {
    expect(
      satisfactionRate([
        facts({ satisfaction: 'satisfied' }),
        facts({ satisfaction: 'basically_satisfied' }),
        facts({ satisfaction: 'unsatisfied' }),
        facts(),
      ]),
    ).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('on time, average handling hours, return and misroute rates', () => {
    const set = [
      facts({ resolvedAt: '2026-11-03T01:00:00Z' }), // 24 h, on time
      facts({ resolvedAt: '2026-11-12T01:00:00Z', returns: 1, misrouted: true }), // 240 h, late
      facts({ returns: 2 }),
      facts({ routedAt: null }),
    ];
    expect(onTimeRate(set)).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(averageHandlingHours(set)).toBe(132);
    expect(returnRate(set)).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(misrouteRate(set)).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('composite weights the three rates (30/35/35 by default) and needs all three', () => {
    const r = (rate: number | null) => ({ numerator: 0, denominator: rate === null ? 0 : 1, rate });
    const weights = { response: 30, resolution: 35, satisfaction: 35 };
    expect(compositeScore(r(1), r(0.5), r(0), weights)).toBeCloseTo(0.475);
    expect(compositeScore(r(1), r(1), r(1), { response: 1, resolution: 1, satisfaction: 2 })).toBe(1);
    expect(compositeScore(r(1), r(null), r(1), weights)).toBeNull();
  });
});

describe('grouping and ranking', () => {
  const options = { asOf, minSample: 2, weights: { response: 30, resolution: 35, satisfaction: 35 } };
  const good = { ...responded, resolvedAt: '2026-11-05T00:00:00Z', satisfaction: 'satisfied' as const };

  it('groups by unit with labels, ranks only units with the minimum sample, counts repeats once', () => {
    const first = facts({ ...good, unitId: 'ga-dc' });
    const rows = computeRates(
      [
        first,
        facts({ ...good, unitId: 'ga-dc' }),
        facts({ ...good, unitId: 'ga-dc', repeatOf: first.itemId }),
        facts({ ...good, unitId: 'fy-dc' }),
        facts({ unitId: 'fy-dc' }),
        facts({ ...good, unitId: 'sf-dc' }),
        facts({ ...good, unitId: 'sf-dc', referredOut: true }),
      ],
      'unit',
      options,
    );
    expect(rows.map((r) => [r.key, r.label, r.items, r.counted, r.rank])).toEqual([
      ['ga-dc', '德城区公安分局', 3, 2, 1],
      ['fy-dc', '德城区人民法院', 2, 2, 2],
      ['sf-dc', '德城区司法局', 2, 1, null],
    ]);
    expect(rows[0]?.composite).toBe(1);
  });

  it('keys periods in China time: day, ISO week and month', () => {
    expect(periodKey('2026-11-30T17:00:00Z', 'day')).toBe('2026-12-01');
    expect(periodKey('2026-11-30T17:00:00Z', 'month')).toBe('2026-12');
    expect(periodKey('2026-11-25T02:00:00Z', 'week')).toBe('2026-W48');
    expect(periodKey('2027-01-01T02:00:00Z', 'week')).toBe('2026-W53');
  });
});
