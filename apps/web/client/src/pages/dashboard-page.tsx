import { Agencies } from '@app/contracts/vocabulary';
import { useState } from 'react';
import { api, download, listOf, messageOf } from '../api/client';
import { useLiveEvents } from '../api/live-events';
import { dueOf, type ItemSummary } from '../api/types';
import { BarList, LineChart } from '../components/charts';
import { DeadlineBadge } from '../components/deadline-badge';
import { useLoad, useNow } from '../components/hooks';
import { Link } from '../components/link';
import { formatTime } from '../domain/deadline';
import {
  countsOf,
  percent,
  RATE_KEYS,
  RATE_LABELS,
  seriesOverTime,
  type Count,
  type Rates,
} from '../domain/figures';
import { agencyLabel } from '../domain/labels';

interface Overview {
  total: number;
  byStatus: Count[];
  byAgency: Count[];
  byChannel: Count[];
  byArea: Count[];
  overdue: number;
  escalated: number;
  repeats?: number;
  inHotSpots?: number;
}

interface Triage {
  triaged: number;
  waiting: number;
  decided: number;
  averageDecisionHours: number | null;
}

interface Escalations {
  units: {
    unitId: string;
    unitName: string;
    escalatedItems: number;
    escalations: number;
    overdueOpen: number;
  }[];
}

interface HotSpots {
  clusters: {
    id: string;
    areaName: string;
    title: string;
    itemCount: number;
    people: number;
    firstAt: string;
    lastAt: string;
    governanceTaskId: string | null;
  }[];
}

/** The calendar day in the viewer's time zone (the figures' date range is in local days). */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const TREND_AGENCIES = Agencies.filter((a) => a !== 'out_of_scope');

/** 政法委驾驶舱: counts, the three rates over time, overdue and escalated units, triage, hot spots, ledger. */
export function DashboardPage() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [trendAgency, setTrendAgency] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const range = `from=${from}&to=${to}`;
  const overview = useLoad(
    () => api<Overview>('tracking', `/api/v1/stats/overview?${range}`),
    `o${range}`,
    60_000,
  );
  const rates = useLoad(
    () => api<Rates>('tracking', `/api/v1/stats/rates?groupBy=agency&${range}`),
    `r${range}`,
  );
  const trendQuery = `groupBy=day&${range}${trendAgency ? `&agency=${trendAgency}` : ''}`;
  const trend = useLoad(() => api<Rates>('tracking', `/api/v1/stats/rates?${trendQuery}`), trendQuery);
  const triage = useLoad(() => api<Triage>('tracking', `/api/v1/stats/triage?${range}`), `t${range}`);
  const waiting = useLoad(
    () =>
      api<unknown>('tracking', '/api/v1/desk/queue?status=triage&sort=receivedAt&order=asc').then(
        listOf<ItemSummary>,
      ),
    'triage-queue',
  );
  const escalations = useLoad(
    () => api<Escalations>('tracking', `/api/v1/stats/escalations?${range}`),
    `e${range}`,
  );
  const clusters = useLoad(() => api<HotSpots>('tracking', `/api/v1/stats/clusters?${range}`), `c${range}`);
  const now = useNow(30_000);

  useLiveEvents(() => {
    overview.reload();
    waiting.reload();
  });

  const exportLedger = async (format: 'csv' | 'xlsx') => {
    try {
      await download(
        'tracking',
        `/api/v1/stats/ledger?${range}&format=${format}`,
        `工作台账_${from}_${to}.${format}`,
      );
    } catch (e) {
      setNotice(messageOf(e));
    }
  };

  const createTask = async (clusterId: string) => {
    try {
      await api('tracking', `/api/v1/stats/clusters/${clusterId}/governance-task`, { body: {} });
      setNotice('已立为治理任务');
      clusters.reload();
    } catch (e) {
      setNotice(messageOf(e));
    }
  };

  const o = overview.data;
  return (
    <div className="dashboard">
      <div className="page-head">
        <h1>政法委驾驶舱</h1>
        <label className="inline">
          自 <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          至 <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <span className="spacer" />
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        <button type="button" onClick={() => void exportLedger('csv')}>
          导出台账 CSV
        </button>
        <button type="button" onClick={() => void exportLedger('xlsx')}>
          导出台账 Excel
        </button>
      </div>
      {overview.error && <p className="error">{overview.error}</p>}

      <div className="kpis" data-testid="kpis">
        <Kpi label="受理总数" value={o?.total} testId="kpi-total" />
        <Kpi label="超期未办结" value={o?.overdue} tone="red" testId="kpi-overdue" />
        <Kpi label="督办" value={o?.escalated} tone="yellow" />
        <Kpi label="待人工分拨" value={triage.data?.waiting} />
        <Kpi label="重复件" value={o?.repeats} />
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>按状态</h2>
          <BarList counts={countsOf(o?.byStatus)} testId="by-status" />
        </section>
        <section className="card">
          <h2>按承办机关</h2>
          <BarList counts={countsOf(o?.byAgency)} testId="by-agency" />
        </section>
        <section className="card">
          <h2>按渠道</h2>
          <BarList counts={countsOf(o?.byChannel)} />
        </section>
        <section className="card">
          <h2>按区县</h2>
          <BarList counts={countsOf(o?.byArea)} />
        </section>
      </div>

      <section className="card">
        <h2>三率与按时办结率（按机关）</h2>
        {rates.error && <p className="muted">{rates.error}</p>}
        <table data-testid="rates-table">
          <thead>
            <tr>
              <th>机关</th>
              {RATE_KEYS.map((k) => (
                <th key={k}>{RATE_LABELS[k]}</th>
              ))}
              <th>综合得分</th>
              <th>计入件数</th>
              <th>排名</th>
            </tr>
          </thead>
          <tbody>
            {rates.data?.groups.map((g) => (
              <tr key={g.key}>
                <td>{g.label}</td>
                {RATE_KEYS.map((k) => (
                  <td key={k} title={`${g[k].numerator} / ${g[k].denominator}`}>
                    {percent(g[k].rate)}
                  </td>
                ))}
                <td>{g.composite === null ? '—' : g.composite.toFixed(1)}</td>
                <td>{g.counted}</td>
                <td>{g.rank ?? `样本不足 ${rates.data?.minSample ?? ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="chart-head">
          <h3>按日走势</h3>
          <select value={trendAgency} onChange={(e) => setTrendAgency(e.target.value)} aria-label="选择机关">
            <option value="">全部机关</option>
            {TREND_AGENCIES.map((a) => (
              <option key={a} value={a}>
                {agencyLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <LineChart series={seriesOverTime(trend.data?.groups ?? [])} />
      </section>

      <div className="grid-2">
        <section className="card">
          <h2>超期与督办（按单位）</h2>
          {escalations.error && <p className="muted">{escalations.error}</p>}
          {escalations.data?.units.length === 0 && <p className="muted">暂无</p>}
          {escalations.data && escalations.data.units.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>单位</th>
                  <th>超期未办结</th>
                  <th>被督办件</th>
                  <th>督办次数</th>
                </tr>
              </thead>
              <tbody>
                {escalations.data.units.map((u) => (
                  <tr key={u.unitId}>
                    <td>{u.unitName}</td>
                    <td className={u.overdueOpen > 0 ? 'text-red' : undefined}>{u.overdueOpen}</td>
                    <td>{u.escalatedItems}</td>
                    <td>{u.escalations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card">
          <h2>人工分拨队列</h2>
          {triage.data && (
            <p className="muted small">
              期间进入 {triage.data.triaged} 件，已分拨 {triage.data.decided} 件，平均用时{' '}
              {triage.data.averageDecisionHours === null
                ? '—'
                : `${triage.data.averageDecisionHours.toFixed(1)} 小时`}
            </p>
          )}
          {waiting.error && <p className="muted">{waiting.error}</p>}
          {waiting.data?.length === 0 && <p className="muted">暂无待分拨事项</p>}
          <ul className="item-list">
            {waiting.data?.slice(0, 12).map((item) => (
              <li key={item.itemId}>
                <Link href={`/desk/items/${item.itemId}`} className="receipt-inline">
                  {item.receiptNo}
                </Link>{' '}
                {item.title} <span className="muted small">{formatTime(item.receivedAt)}</span>{' '}
                <DeadlineBadge dueAt={dueOf(item)} startedAt={item.receivedAt} now={now} />
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card">
        <h2>热点聚类（从一件事到一类事）</h2>
        {clusters.error && <p className="muted">{clusters.error}</p>}
        {clusters.data?.clusters.length === 0 && <p className="muted">暂无聚集性问题</p>}
        <ul className="clusters">
          {clusters.data?.clusters.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.title}</strong>{' '}
                <span className="muted">
                  {c.areaName} · {c.itemCount} 件 · {c.people} 人 · {formatTime(c.firstAt)} 至{' '}
                  {formatTime(c.lastAt)}
                </span>
              </span>
              {c.governanceTaskId ? (
                <span className="pill">已立治理任务</span>
              ) : (
                <button type="button" onClick={() => void createTask(c.id)}>
                  立为治理任务
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Kpi({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: number | undefined;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <span className="kpi-value" data-testid={testId}>
        {value ?? '—'}
      </span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
