import type { Count } from '../domain/figures';

/** Horizontal bars for counts (status, agency, channel, area); labels already in Chinese. */
export function BarList({
  counts,
  label,
  testId,
}: {
  counts: Count[];
  label: (key: string) => string;
  testId?: string;
}) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  if (counts.length === 0) return <p className="muted">暂无数据</p>;
  return (
    <ul className="bars" data-testid={testId}>
      {counts.map((c) => (
        <li key={c.key}>
          <span className="bar-label">{label(c.key)}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: `${(c.count / max) * 100}%` }} />
          </span>
          <span className="bar-value">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}

const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#d68910', '#7d3c98', '#17a589', '#566573'];

/** A line chart of rates (0–1) over periods, one line per group, in plain SVG. */
export function LineChart({
  periods,
  series,
  label,
}: {
  periods: string[];
  series: Map<string, (number | null)[]>;
  label: (key: string) => string;
}) {
  if (periods.length === 0) return <p className="muted">暂无按时间的数据</p>;
  const width = 560;
  const height = 200;
  const pad = { left: 40, right: 10, top: 10, bottom: 28 };
  const x = (i: number) =>
    pad.left +
    (periods.length === 1
      ? (width - pad.left - pad.right) / 2
      : (i * (width - pad.left - pad.right)) / (periods.length - 1));
  const y = (v: number) => pad.top + (1 - v) * (height - pad.top - pad.bottom);
  const groups = [...series.entries()];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="比率走势">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v * 100}%
            </text>
          </g>
        ))}
        {periods.map((p, i) => (
          <text key={p} x={x(i)} y={height - 8} textAnchor="middle" className="axis">
            {p.slice(5)}
          </text>
        ))}
        {groups.map(([group, values], gi) => {
          const colour = COLOURS[gi % COLOURS.length];
          const points = values
            .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
            .filter((p): p is string => p !== null);
          return (
            <g key={group}>
              <polyline points={points.join(' ')} fill="none" stroke={colour} strokeWidth={2} />
              {values.map((v, i) =>
                v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={colour} />,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {groups.map(([group], gi) => (
          <span key={group}>
            <i style={{ background: COLOURS[gi % COLOURS.length] }} />
            {label(group)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
