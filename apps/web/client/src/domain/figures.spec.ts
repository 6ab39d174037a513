import { countsOf, seriesOverTime, type GroupRates, type Ratio } from './figures';

const ratio = (rate: number | null): Ratio => ({ numerator: 0, denominator: rate === null ? 0 : 1, rate });
const day = (key: string, response: number | null, onTime: number | null): GroupRates => ({
  key,
  label: key,
  items: 1,
  counted: 1,
  response: ratio(response),
  resolution: ratio(null),
  satisfaction: ratio(1),
  onTime: ratio(onTime),
  composite: null,
  averageHandlingHours: null,
  rank: null,
});

describe('dashboard figures', () => {
  it('orders counts largest first without touching the input', () => {
    const input = [
      { key: 'police', label: '公安', count: 2 },
      { key: 'court', label: '法院', count: 5 },
    ];
    expect(countsOf(input).map((c) => c.key)).toEqual(['court', 'police']);
    expect(input[0]?.key).toBe('police');
    expect(countsOf(undefined)).toEqual([]);
  });

  it('lays out rates per period as one line per rate, periods in time order, gaps as null', () => {
    const { periods, lines } = seriesOverTime([day('2026-11-02', 0.9, null), day('2026-11-01', 0.8, 1)]);
    expect(periods).toEqual(['2026-11-01', '2026-11-02']);
    expect(lines.map((l) => l.label)).toEqual(['响应率', '解决率', '满意率', '按时办结率']);
    expect(lines[0]?.values).toEqual([0.8, 0.9]);
    expect(lines[1]?.values).toEqual([null, null]);
    expect(lines[3]?.values).toEqual([1, null]);
  });
});
