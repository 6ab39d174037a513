import { UNITS } from '@app/reference-data';
import { useState } from 'react';
import { api, listOf, messageOf } from '../api/client';
import { useLiveEvents } from '../api/live-events';
import type { Session } from '../api/session';
import { dueOf, type ItemSummary, type Offer } from '../api/types';
import { DeadlineBadge } from '../components/deadline-badge';
import { useLoad, useNow } from '../components/hooks';
import { Link } from '../components/link';
import { deadlineTone, formatTime, remainingText } from '../domain/deadline';
import { requestTypeLabel, statusLabel } from '../domain/labels';

type Tab = 'offers' | 'tasks' | 'queue';

/** 承办工作台: offers to sign for (with countdown), my tasks and the unit's queue, refreshed by live events. */
export function DeskPage({ session }: { session: Session }) {
  const [tab, setTab] = useState<Tab>('offers');
  const [notice, setNotice] = useState<string | null>(null);
  const offers = useLoad(() => api<unknown>('tracking', '/api/v1/desk/offers').then(listOf<Offer>), 'offers');
  const tasks = useLoad(
    () => api<unknown>('tracking', '/api/v1/desk/tasks').then(listOf<ItemSummary>),
    'tasks',
  );
  const queue = useLoad(
    () => api<unknown>('tracking', '/api/v1/desk/queue').then(listOf<ItemSummary>),
    'queue',
  );
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

  const sign = (offer: Offer) =>
    act(`/api/v1/items/${offer.itemId}/sign`, { offerId: offer.offerId }, `已签收 ${offer.receiptNo}`);
  const reject = (offer: Offer) => {
    const reason = window.prompt('拒签理由（将改派给其他承办人）');
    if (reason)
      void act(`/api/v1/items/${offer.itemId}/reject-offer`, { offerId: offer.offerId, reason }, '已拒签');
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
        <TabButton tab="offers" current={tab} onSelect={setTab} label={`待签收${count(offers.data)}`} />
        <TabButton tab="tasks" current={tab} onSelect={setTab} label={`我的任务${count(tasks.data)}`} />
        <TabButton tab="queue" current={tab} onSelect={setTab} label={`单位队列${count(queue.data)}`} />
      </div>

      {tab === 'offers' && (
        <section className="card" data-testid="offers">
          {offers.error && <p className="error">{offers.error}</p>}
          {offers.data?.length === 0 && <p className="muted">暂无待签收事项。新派单会自动出现在这里。</p>}
          <ul className="offer-list">
            {offers.data?.map((o) => (
              <li
                key={o.offerId}
                className={`offer deadline-edge-${deadlineTone(o.expiresAt, now, o.offeredAt)}`}
              >
                <div>
                  <strong>{o.title ?? '（无标题）'}</strong>
                  <div className="muted small">
                    {o.receiptNo} · {requestTypeLabel(o.requestType)} · 受理于 {formatTime(o.receivedAt)}
                  </div>
                </div>
                <span className={`countdown deadline-${deadlineTone(o.expiresAt, now, o.offeredAt)}`}>
                  签收{remainingText(o.expiresAt, now)}
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
                <td>{statusLabel(item.status)}</td>
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
