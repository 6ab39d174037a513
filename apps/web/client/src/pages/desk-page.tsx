import { UNITS } from '@app/reference-data';
import { useState } from 'react';
import { api, listOf, messageOf } from '../api/client';
import { useLiveEvents } from '../api/live-events';
import type { Session, StaffRole } from '../api/session';
import { dueOf, type ItemSummary, type OfferInfo } from '../api/types';
import { DeadlineBadge } from '../components/deadline-badge';
import { useLoad, useNow } from '../components/hooks';
import { Link } from '../components/link';
import { deadlineTone, formatTime, OFFER_WARNING_MS, remainingText } from '../domain/deadline';
import { requestTypeLabel, statusLabel } from '../domain/labels';

type Tab = 'offers' | 'tasks' | 'queue';
type Offered = ItemSummary & { offer: OfferInfo };

const TABS: { tab: Tab; label: string; roles: StaffRole[] }[] = [
  { tab: 'offers', label: '待签收', roles: ['worker'] },
  { tab: 'tasks', label: '我的任务', roles: ['worker', 'supervisor'] },
  { tab: 'queue', label: '单位队列', roles: ['worker', 'supervisor', 'committee', 'admin'] },
];

/** Live events refresh the lists at once; this timer only catches what a reconnecting stream missed. */
const DESK_REFRESH_MS = 30_000;

/** Lists sorted by the resolution deadline, nearest first. */
const URGENT_FIRST = 'sort=resolveBy&order=asc';

/** 承办工作台: offers to sign for (with countdown), my tasks and the unit's queue, refreshed by live events. */
export function DeskPage({ session }: { session: Session }) {
  const role = session.user.role;
  // Offers go to workers; tasks are a worker's or supervisor's own; everyone on the desk sees the unit queue.
  const tabs = TABS.filter((t) => t.roles.includes(role));
  const [tab, setTab] = useState<Tab>(tabs[0]?.tab ?? 'queue');
  const [notice, setNotice] = useState<string | null>(null);
  const shows = (t: Tab) => tabs.some((x) => x.tab === t);
  const offers = useLoad(
    () =>
      shows('offers')
        ? api<unknown>('tracking', '/api/v1/desk/offers').then((data) =>
            listOf<ItemSummary>(data).filter((i): i is Offered => Boolean(i.offer)),
          )
        : Promise.resolve([]),
    'offers',
    DESK_REFRESH_MS,
  );
  const tasks = useLoad(
    () =>
      shows('tasks')
        ? api<unknown>('tracking', `/api/v1/desk/tasks?${URGENT_FIRST}`).then(listOf<ItemSummary>)
        : Promise.resolve([]),
    'tasks',
    DESK_REFRESH_MS,
  );
  const queue = useLoad(
    () => api<unknown>('tracking', `/api/v1/desk/queue?${URGENT_FIRST}`).then(listOf<ItemSummary>),
    'queue',
    DESK_REFRESH_MS,
  );
  const lists = { offers, tasks, queue };
  const now = useNow();

  useLiveEvents((event) => {
    offers.reload();
    tasks.reload();
    queue.reload();
    if (event.type === 'ItemOffered' || event.type === 'offer') setNotice(`新派单：${event.receiptNo ?? ''}`);
  });

  const act = async (path: string, body: unknown, done: string) => {
    try {
      await api('tracking', path, { body });
      setNotice(done);
    } catch (e) {
      setNotice(messageOf(e));
    }
    offers.reload();
    tasks.reload();
    queue.reload();
  };

  const sign = (item: Offered) => act(`/api/v1/items/${item.itemId}/sign`, {}, `已签收 ${item.receiptNo}`);
  const reject = (item: Offered) => {
    const reason = window.prompt('拒签理由（将改派给其他承办人）');
    if (reason) void act(`/api/v1/items/${item.itemId}/reject-offer`, { reason }, '已拒签');
  };

  const unit = UNITS.find((u) => u.id === session.user.unitId)?.name;
  const count = (list: unknown[] | undefined) => (list ? ` (${list.length})` : '');
  return (
    <div>
      <div className="page-head">
        <h1>承办工作台</h1>
        <span className="muted">{unit}</span>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <TabButton
            key={t.tab}
            tab={t.tab}
            current={tab}
            onSelect={setTab}
            label={`${t.label}${count(lists[t.tab].data)}`}
          />
        ))}
      </div>

      {tab === 'offers' && (
        <section className="card" data-testid="offers">
          {offers.error && <p className="error">{offers.error}</p>}
          {offers.data?.length === 0 && <p className="muted">暂无待签收事项。新派单会自动出现在这里。</p>}
          <ul className="offer-list">
            {offers.data?.map((o) => (
              <li
                key={o.offer.offerId}
                className={`offer deadline-edge-${deadlineTone(o.offer.expiresAt, now, null, OFFER_WARNING_MS)}`}
              >
                <div>
                  <strong>{o.title ?? '（无标题）'}</strong>
                  <div className="muted small">
                    {o.receiptNo} · {requestTypeLabel(o.requestType)} · 受理于 {formatTime(o.receivedAt)}
                  </div>
                </div>
                <span
                  className={`countdown deadline-${deadlineTone(o.offer.expiresAt, now, null, OFFER_WARNING_MS)}`}
                >
                  签收{remainingText(o.offer.expiresAt, now)}
                </span>
                <button type="button" className="primary" onClick={() => void sign(o)}>
                  签收
                </button>
                <button type="button" onClick={() => reject(o)}>
                  拒签
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tab === 'tasks' && <ItemTable title="我的任务" loaded={tasks} now={now} testId="tasks" />}
      {tab === 'queue' && <ItemTable title="单位队列" loaded={queue} now={now} testId="queue" />}
    </div>
  );
}

function TabButton({
  tab,
  current,
  label,
  onSelect,
}: {
  tab: Tab;
  current: Tab;
  label: string;
  onSelect: (tab: Tab) => void;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={tab === current}
      className={tab === current ? 'tab active' : 'tab'}
      onClick={() => onSelect(tab)}
    >
      {label}
    </button>
  );
}

function ItemTable({
  title,
  loaded,
  now,
  testId,
}: {
  title: string;
  loaded: { data: ItemSummary[] | undefined; error: string | null };
  now: Date;
  testId: string;
}) {
  return (
    <section className="card" data-testid={testId} aria-label={title}>
      {loaded.error && <p className="error">{loaded.error}</p>}
      {loaded.data?.length === 0 && <p className="muted">暂无事项。</p>}
      {loaded.data && loaded.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>受理编号</th>
              <th>标题</th>
              <th>类型</th>
              <th>状态</th>
              <th>受理时间</th>
              <th>办理期限</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.map((item) => (
              <tr key={item.itemId}>
                <td>
                  <Link href={`/desk/items/${item.itemId}`}>{item.receiptNo}</Link>
                </td>
                <td>{item.title}</td>
                <td>{requestTypeLabel(item.requestType)}</td>
                <td>{item.statusLabel ?? statusLabel(item.status)}</td>
                <td>{formatTime(item.receivedAt)}</td>
                <td>
                  <DeadlineBadge dueAt={dueOf(item)} startedAt={item.receivedAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
