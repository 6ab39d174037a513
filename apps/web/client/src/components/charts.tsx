import type { Count, Series } from '../domain/figures';

/** Horizontal bars for counts (status, agency, channel, area). */
export function BarList({ counts, testId }: { counts: Count[]; testId?: string }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  if (counts.length === 0) return <p className="muted">暂无数据</p>;
  return (
    <ul className="bars" data-testid={testId}>
      {counts.map((c) => (
        <li key={c.key}>
          <span className="bar-label">{c.label ?? c.key}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: `${(c.count / max) * 100}%` }} />
          </span>
          <span className="bar-value">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}

const COLOURS = ['#1f5fa8', '#1e8449', '#d68910', '#7d3c98', '#c0392b', '#17a589', '#566573'];

/** Rates (0–1) over periods, one line per series, in plain SVG; gaps where a period has no denominator. */
export function LineChart({ series }: { series: Series }) {
  const { periods, lines } = series;
  if (periods.length === 0) return <p className="muted">所选期间暂无数据</p>;
  const width = 640;
  const height = 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 28 };
  const span = width - pad.left - pad.right;
  const x = (i: number) => pad.left + (periods.length === 1 ? span / 2 : (i * span) / (periods.length - 1));
  const y = (v: number) => pad.top + (1 - v) * (height - pad.top - pad.bottom);
  const labelEvery = Math.max(1, Math.ceil(periods.length / 10));
  return (
    <figure className="chart" data-testid="rates-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="比率走势">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v * 100}%
            </text>
          </g>
        ))}
        {periods.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p} x={x(i)} y={height - 8} textAnchor="middle" className="axis">
              {p.length === 10 ? p.slice(5) : p}
            </text>
          ) : null,
        )}
        {lines.map((line, li) => {
          const colour = COLOURS[li % COLOURS.length];
          const points = line.values
            .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
            .filter((p): p is string => p !== null);
          return (
            <g key={line.key}>
              <polyline points={points.join(' ')} fill="none" stroke={colour} strokeWidth={2} />
              {line.values.map((v, i) =>
                v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={colour} />,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {lines.map((line, li) => (
          <span key={line.key}>
            <i style={{ background: COLOURS[li % COLOURS.length] }} />
            {line.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
