import { emptyFacts } from './item-facts';
import { ledgerCsv, localTime, toLedgerRow } from './ledger';
import { dateRange, periodOf, periodRange } from './period';

describe('work ledger', () => {
  const facts = {
    ...emptyFacts('00000000-0000-4000-8000-000000000001'),
    receiptNo: 'YM-20261102-000001-3',
    title: '噪音扰民, "夜市"',
    channel: 'hotline',
    requestType: 'complaint',
    areaCode: '371402',
    agency: 'police',
    unitId: 'ga-dc',
    receivedAt: '2026-11-02T01:00:00.000Z',
    resolvedAt: '2026-11-03T01:00:00.000Z',
    resolveDeadline: '2026-11-20T01:00:00.000Z',
    satisfaction: 'satisfied' as const,
    repeatOf: '00000000-0000-4000-8000-000000000000',
  };

  it('shows Chinese labels and local times', () => {
    const row = toLedgerRow(facts, () => 'YM-20261101-000009-1');
    expect(row).toMatchObject({
      channel: '热线',
      requestType: '投诉',
      area: '德城区',
      agency: '公安',
      unit: '德城区公安分局',
      status: '已回访',
      receivedAt: '2026-11-02 09:00',
      onTime: '是',
      satisfaction: '满意',
      repeatOf: 'YM-20261101-000009-1',
    });
    expect(localTime(null)).toBe('');
  });

  it('writes CSV with a BOM, Chinese headers, quoting and no formulas', () => {
    const csv = ledgerCsv([toLedgerRow({ ...facts, title: '=HYPERLINK("x")' }, () => undefined)]);
    expect(csv.startsWith('\uFEFF受理编号,诉求标题,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(ledgerCsv([toLedgerRow(facts, () => undefined)])).toContain('"噪音扰民, ""夜市"""');
  });
});

describe('periods', () => {
  it('turns months and dates into China-time ranges', () => {
    expect(periodRange('2026-11')).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
    const now = new Date('2026-11-25T03:00:00Z');
    expect(dateRange(undefined, undefined, now)).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-25T16:00:00Z'),
    });
    expect(periodOf(dateRange('2026-11-01', '2026-11-30', now))).toBe('2026-11');
    expect(periodOf(dateRange('2026-11-01', '2026-11-29', now))).toBeNull();
  });

  it('rejects malformed periods and dates with a domain error', () => {
    const codeOf = (attempt: () => unknown): string | undefined => {
      try {
        attempt();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(codeOf(() => periodRange('2026-13'))).toBe('STATS.INVALID_RANGE');
    expect(codeOf(() => dateRange('2026-02-30', undefined, new Date()))).toBe('STATS.INVALID_RANGE');
    expect(codeOf(() => dateRange('2026-11-10', '2026-11-01', new Date()))).toBe('STATS.INVALID_RANGE');
  });
});
