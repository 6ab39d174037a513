import { countsOf, rateRowsOf, seriesOf } from './figures';

describe('dashboard figures', () => {
  it('reads counts given as a map or as rows, largest first', () => {
    expect(countsOf({ police: 2, court: 5 })).toEqual([
      { key: 'court', count: 5 },
      { key: 'police', count: 2 },
    ]);
    expect(countsOf([{ agency: 'police', count: 3 }])).toEqual([{ key: 'police', count: 3 }]);
    expect(countsOf(undefined)).toEqual([]);
  });

  it('reads rate rows (fractions or percentages) and lays them out as series over periods', () => {
    const rows = rateRowsOf([
      { group: 'police', period: '2026-11-02', responseRate: 0.9, rates: {} },
      { agency: 'police', period: '2026-11-01', rates: { responseRate: 80 } },
      { agency: 'court', period: '2026-11-02', responseRate: 1 },
    ]);
    expect(rows[1]).toMatchObject({ group: 'police', period: '2026-11-01', rates: { responseRate: 0.8 } });
    const { periods, series } = seriesOf(rows, 'responseRate');
    expect(periods).toEqual(['2026-11-01', '2026-11-02']);
    expect(series.get('police')).toEqual([0.8, 0.9]);
    expect(series.get('court')).toEqual([null, 1]);
  });
});
