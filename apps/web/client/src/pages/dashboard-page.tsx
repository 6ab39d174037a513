import { AREAS } from '@app/reference-data';
import { useState } from 'react';
import { api, download, listOf, messageOf } from '../api/client';
import { useLiveEvents } from '../api/live-events';
import { dueOf, type ItemSummary } from '../api/types';
import { BarList, LineChart } from '../components/charts';
import { DeadlineBadge } from '../components/deadline-badge';
import { useLoad, useNow } from '../components/hooks';
import {
  countsOf,
  percent,
  RATE_KEYS,
  RATE_LABELS,
  rateRowsOf,
  seriesOf,
  type RateKey,
} from '../domain/figures';
import { formatTime } from '../domain/deadline';
import { agencyLabel, channelLabel, statusLabel } from '../domain/labels';

interface Overview {
  total?: number;
  byStatus?: unknown;
  byAgency?: unknown;
  byChannel?: unknown;
  byArea?: unknown;
  overdue?: number | unknown[];
  escalated?: number | unknown[];
}

interface Cluster {
  clusterId?: string;
  id?: string;
  label?: string;
  title?: string;
  keywords?: string[];
  areaName?: string | null;
  size?: number;
  count?: number;
  people?: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const areaLabel = (key: string) => AREAS.find((a) => a.code === key)?.name ?? key;

/** 政法委驾驶舱: counts, the three rates over time, overdue and escalated items, triage, hot spots, ledger. */
export function DashboardPage() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [rate, setRate] = useState<RateKey>('responseRate');
  const [exportError, setExportError] = useState<string | null>(null);
  const range = `from=${from}&to=${to}`;
  const overview = useLoad(() => api<Overview>('tracking', `/api/v1/stats/overview?${range}`), `o${range}`);
  const rates = useLoad(
    () => api<unknown>('tracking', `/api/v1/stats/rates?groupBy=agency&${range}`).then(rateRowsOf),
    `r${range}`,
  );
  const trend = useLoad(
    () => api<unknown>('tracking', `/api/v1/stats/rates?groupBy=agency&period=day&${range}`).then(rateRowsOf),
    `t${range}`,
  );
  const triage = useLoad(
    () => api<unknown>('tracking', '/api/v1/stats/triage').then(listOf<ItemSummary>),
    'triage',
  );
  const escalations = useLoad(
    () => api<unknown>('tracking', '/api/v1/stats/escalations').then(listOf<ItemSummary>),
    'escalations',
  );
  const clusters = useLoad(
    () => api<unknown>('tracking', '/api/v1/stats/clusters').then(listOf<Cluster>),
    'clusters',
  );
  const now = useNow(30_000);

  useLiveEvents(() => {
    overview.reload();
    triage.reload();
    escalations.reload();
  });

  const exportLedger = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      await download(
        'tracking',
        `/api/v1/stats/ledger?${range}&format=${format}`,
        `工作台账_${from}_${to}.${format}`,
      );
    } catch (e) {
      setExportError(messageOf(e));
    }
  };

  const o = overview.data;
  const count = (v: number | unknown[] | undefined) => (Array.isArray(v) ? v.length : (v ?? 0));
  const byStatus = countsOf(o?.byStatus);
  const total = o?.total ?? byStatus.reduce((sum, c) => sum + c.count, 0);
  const { periods, series } = seriesOf(trend.data ?? [], rate);
  return (
    <div className="dashboard">
      <div className="page-head">
        <h1>政法委驾驶舱</h1>
        <label className="inline">
          自 <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          至 <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void exportLedger('csv')}>
          导出台账 CSV
        </button>
        <button type="button" onClick={() => void exportLedger('xlsx')}>
          导出台账 Excel
        </button>
      </div>
      {exportError && <p className="error">{exportError}</p>}
      {overview.error && <p className="error">{overview.error}</p>}

      <div className="kpis" data-testid="kpis">
        <Kpi label="事项总数" value={total} testId="kpi-total" />
        <Kpi
          label="已办结"
          value={byStatus
            .filter((c) => ['resolved', 'closed', 'followed_up'].includes(c.key))
            .reduce((s, c) => s + c.count, 0)}
          testId="kpi-resolved"
        />
        <Kpi label="超期" value={count(o?.overdue)} tone="red" />
        <Kpi label="督办" value={count(o?.escalated)} tone="yellow" />
        <Kpi label="待人工分拨" value={triage.data?.length ?? 0} />
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>按状态</h2>
          <BarList counts={byStatus} label={statusLabel} testId="by-status" />
        </section>
        <section className="card">
          <h2>按承办单位</h2>
          <BarList counts={countsOf(o?.byAgency)} label={agencyLabel} testId="by-agency" />
        </section>
        <section className="card">
          <h2>按渠道</h2>
          <BarList counts={countsOf(o?.byChannel)} label={channelLabel} />
        </section>
        <section className="card">
          <h2>按区县</h2>
          <BarList counts={countsOf(o?.byArea)} label={areaLabel} />
        </section>
      </div>

      <section className="card">
        <h2>三率与按时办结率（按单位）</h2>
        {rates.error && <p className="muted">{rates.error}</p>}
        <table>
          <thead>
            <tr>
              <th>单位</th>
              {RATE_KEYS.map((k) => (
                <th key={k}>{RATE_LABELS[k]}</th>
              ))}
              <th>样本数</th>
            </tr>
          </thead>
          <tbody>
            {(rates.data ?? []).map((r) => (
              <tr key={`${r.group}-${r.period ?? ''}`}>
                <td>{agencyLabel(r.group)}</td>
                {RATE_KEYS.map((k) => (
                  <td key={k}>{percent(r.rates[k])}</td>
                ))}
                <td>{r.sample ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="chart-head">
          <h3>走势</h3>
          <select value={rate} onChange={(e) => setRate(e.target.value as RateKey)} aria-label="选择比率">
            {RATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {RATE_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <LineChart periods={periods} series={series} label={agencyLabel} />
      </section>

      <div className="grid-2">
        <ItemList title="超期与督办" loaded={escalations} now={now} />
        <ItemList title="人工分拨队列" loaded={triage} now={now} />
      </div>

      <section className="card">
        <h2>热点聚类（一类事）</h2>
        {clusters.error && <p className="muted">{clusters.error}</p>}
        {clusters.data?.length === 0 && <p className="muted">暂无聚集性问题</p>}
        <ul className="clusters">
          {clusters.data?.map((c, i) => (
            <li key={c.clusterId ?? c.id ?? i}>
              <strong>{c.label ?? c.title ?? c.keywords?.join('、') ?? '未命名'}</strong>
              <span className="muted">
                {c.areaName ?? ''} · {c.size ?? c.count ?? 0} 件{c.people ? ` · ${c.people} 人` : ''}
              </span>
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
  value: number;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <span className="kpi-value" data-testid={testId}>
        {value}
      </span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}

function ItemList({
  title,
  loaded,
  now,
}: {
  title: string;
  loaded: { data: ItemSummary[] | undefined; error: string | null };
  now: Date;
}) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {loaded.error && <p className="muted">{loaded.error}</p>}
      {loaded.data?.length === 0 && <p className="muted">暂无</p>}
      <ul className="item-list">
        {loaded.data?.slice(0, 12).map((item) => (
          <li key={item.itemId ?? item.receiptNo}>
            <span className="receipt-inline">{item.receiptNo}</span> {item.title}
            <span className="muted small">
              {' '}
              {agencyLabel(item.agency)} · {statusLabel(item.status)} · {formatTime(item.receivedAt)}
            </span>{' '}
            <DeadlineBadge dueAt={dueOf(item)} startedAt={item.receivedAt} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
