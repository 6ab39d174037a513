import { AREAS, STAFF, UNITS } from '@app/reference-data';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  FollowUpResultLabels,
  FollowUpResults,
  ReturnReasonLabels,
  ReturnReasons,
  type FollowUpResult,
  type ReturnReason,
} from '@app/contracts/vocabulary';
import { api, messageOf } from '../api/client';
import { useLiveEvents } from '../api/live-events';
import type { Session } from '../api/session';
import { dueOf, type ItemDetail, type TimelineEntry } from '../api/types';
import { DeadlineBadge } from '../components/deadline-badge';
import { useLoad, useNow } from '../components/hooks';
import { Link } from '../components/link';
import { formatTime } from '../domain/deadline';
import {
  agencyLabel,
  channelLabel,
  eventLabel,
  FINISHED_STATUSES,
  requestTypeLabel,
  statusLabel,
} from '../domain/labels';

type Action = 'note' | 'contact' | 'return' | 'extension' | 'resolve' | 'followup' | 'reassign';

/** The clerk is told that an unsatisfied follow-up sends the item back for redo (重办). */
const followUpLabel = (r: FollowUpResult) =>
  r === 'unsatisfied' ? `${FollowUpResultLabels[r]}（重办）` : FollowUpResultLabels[r];

/** One item on the desk: details, deadline, timeline and the worker's actions. */
export function ItemPage({ itemId, session }: { itemId: string; session: Session }) {
  const item = useLoad(
    () => api<ItemDetail>('tracking', `/api/v1/items/by-id/${encodeURIComponent(itemId)}`),
    itemId,
  );
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow();
  useLiveEvents((event) => {
    if (event.itemId === itemId) item.reload();
  });

  const run = async (path: string, body: unknown, done: string): Promise<boolean> => {
    try {
      await api('tracking', `/api/v1/items/${encodeURIComponent(itemId)}/${path}`, { body });
      setNotice(done);
      setAction(null);
      item.reload();
      return true;
    } catch (e) {
      setNotice(messageOf(e));
      return false;
    }
  };

  const d = item.data;
  if (!d) return <p className={item.error ? 'error' : 'muted'}>{item.error ?? '加载中…'}</p>;
  const finished = FINISHED_STATUSES.includes(d.status ?? '');
  const role = session.user.role;
  const pending = d.pendingExtension;
  return (
    <div className="item-layout">
      <section className="card">
        <p className="muted">
          <Link href="/desk">← 返回工作台</Link>
        </p>
        <h1>{d.title ?? '（无标题）'}</h1>
        <p className="item-meta">
          <span className="receipt-inline">{d.receiptNo}</span>
          <span className="pill" data-testid="item-status">
            {d.statusLabel ?? statusLabel(d.status)}
          </span>
          <DeadlineBadge dueAt={dueOf(d)} startedAt={d.receivedAt} now={now} />
        </p>
        <dl className="grid-dl">
          <dt>诉求类型</dt>
          <dd>{requestTypeLabel(d.requestType)}</dd>
          <dt>渠道</dt>
          <dd>{channelLabel(d.channel)}</dd>
          <dt>承办</dt>
          <dd>
            {agencyLabel(d.agency)} {UNITS.find((u) => u.id === d.unitId)?.name ?? ''}
          </dd>
          <dt>受理时间</dt>
          <dd>{formatTime(d.receivedAt)}</dd>
          <dt>群众</dt>
          <dd>
            {d.citizen?.name ?? '—'} {d.citizen?.mobile ?? ''}
          </dd>
          <dt>地点</dt>
          <dd>
            {AREAS.find((a) => a.code === d.areaCode)?.name ?? ''} {d.address ?? ''}
          </dd>
        </dl>
        {d.description && <p className="description">{d.description}</p>}
        {d.resolution && (
          <div className="resolution">
            <strong>答复：</strong>
            {d.resolution}
          </div>
        )}

        {!finished && (role === 'worker' || role === 'supervisor') && (
          <div className="actions" role="toolbar" aria-label="办理操作">
            <button type="button" onClick={() => setAction('note')}>
              添加备注
            </button>
            <button type="button" onClick={() => setAction('contact')}>
              联系群众
            </button>
            <button type="button" onClick={() => setAction('extension')}>
              申请延期
            </button>
            <button type="button" onClick={() => setAction('return')}>
              退单
            </button>
            <button type="button" className="primary" onClick={() => setAction('resolve')}>
              答复办结
            </button>
          </div>
        )}
        {d.status === 'resolved' && (role === 'committee' || role === 'clerk') && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setAction('followup')}>
              回访
            </button>
          </div>
        )}
        {!finished && role === 'supervisor' && (
          <div className="actions">
            <button type="button" onClick={() => setAction('reassign')}>
              改派
            </button>
          </div>
        )}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {action && (
          <ActionForm action={action} unitId={d.unitId ?? null} onCancel={() => setAction(null)} run={run} />
        )}

        {pending && (
          <div className="warning">
            <strong>延期申请待审批：</strong>
            延长 {pending.extraWorkingDays} 个工作日，理由：{pending.reason}（{pending.by}）{' '}
            {(session.user.role === 'supervisor' || session.user.role === 'committee') && (
              <button
                type="button"
                onClick={() => void run(`extension-requests/${pending.requestId}/approve`, {}, '已批准延期')}
              >
                批准
              </button>
            )}
          </div>
        )}
      </section>
      <section className="card">
        <h2>办理时间线</h2>
        <Timeline entries={d.timeline} />
      </section>
    </div>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const ordered = [...entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <ol className="timeline" data-testid="timeline">
      {ordered.map((e, i) => (
        <li key={`${e.type}-${e.occurredAt}-${i}`}>
          <time>{formatTime(e.occurredAt)}</time>
          <strong>{eventLabel(e.type)}</strong>
          {e.actor && <span className="muted"> · {e.actor}</span>}
          <TimelineSummary summary={e.summary} />
        </li>
      ))}
    </ol>
  );
}

/** The readable parts of an entry's summary (reason, note, resolution…), never raw JSON. */
function TimelineSummary({ summary }: { summary: TimelineEntry['summary'] }) {
  if (!summary) return null;
  if (typeof summary === 'string') return <div className="small">{summary}</div>;
  const parts: string[] = [];
  for (const key of ['reason', 'text', 'note', 'resolution', 'outcome']) {
    const value = summary[key];
    if (typeof value === 'string' && value) parts.push(value);
  }
  if (typeof summary.agency === 'string') parts.unshift(`分拨至${agencyLabel(summary.agency)}`);
  return parts.length > 0 ? <div className="small">{parts.join('；')}</div> : null;
}

function ActionForm({
  action,
  onCancel,
  run,
  unitId,
}: {
  action: Action;
  onCancel: () => void;
  run: (path: string, body: unknown, done: string) => Promise<boolean>;
  unitId: string | null;
}) {
  const workers = STAFF.filter((s) => s.unitId === unitId && s.role === 'worker');
  const [text, setText] = useState('');
  const [result, setResult] = useState<string>('satisfied');
  const [toWorkerId, setToWorkerId] = useState(workers[0]?.id ?? '');
  const [citizenVisible, setCitizenVisible] = useState(false);
  const [reasonCode, setReasonCode] = useState<ReturnReason>('not_our_function');
  const [days, setDays] = useState(5);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await perform();
    if (!ok) setBusy(false);
  };
  const perform = (): Promise<boolean> => {
    switch (action) {
      case 'note':
        return run('notes', { text, visibility: citizenVisible ? 'citizen' : 'internal' }, '已添加备注');
      case 'contact':
        return run('contacts', { method: 'phone', summary: text }, '已记录联系情况');
      case 'return':
        return run('return', { reasonCode, note: text || undefined }, '已退单，将重新分拨');
      case 'extension':
        return run(
          'extension-requests',
          { extraWorkingDays: days, reason: text },
          '延期申请已提交，待负责人审批',
        );
      case 'resolve':
        return run('resolve', { resolution: text }, '已答复办结');
      case 'followup':
        return run('follow-up', { result, note: text || undefined }, '已记录回访结果');
      case 'reassign':
        return run('reassign', { toWorkerId }, '已改派');
    }
  };

  const titles: Record<Action, string> = {
    note: '添加备注',
    contact: '联系群众',
    return: '退单',
    extension: '申请延期',
    resolve: '答复办结',
    followup: '回访',
    reassign: '改派',
  };
  const textLabel: Record<Action, string> = {
    note: '备注内容',
    contact: '联系情况（电话沟通内容）',
    return: '退单说明（选填）',
    extension: '延期理由',
    resolve: '答复内容（群众可见）',
    followup: '回访记录（选填）',
    reassign: '',
  };
  let extra: ReactNode = null;
  if (action === 'note') {
    extra = (
      <label className="check">
        <input
          type="checkbox"
          checked={citizenVisible}
          onChange={(e) => setCitizenVisible(e.target.checked)}
        />{' '}
        群众可见
      </label>
    );
  } else if (action === 'return') {
    extra = (
      <label className="field">
        <span>退单原因</span>
        <select
          name="reasonCode"
          value={reasonCode}
          onChange={(e) => setReasonCode(e.target.value as ReturnReason)}
        >
          {ReturnReasons.map((r) => (
            <option key={r} value={r}>
              {ReturnReasonLabels[r]}
            </option>
          ))}
        </select>
      </label>
    );
  } else if (action === 'followup') {
    extra = (
      <label className="field">
        <span>群众评价</span>
        <select name="result" value={result} onChange={(e) => setResult(e.target.value)}>
          {FollowUpResults.map((code) => (
            <option key={code} value={code}>
              {followUpLabel(code)}
            </option>
          ))}
        </select>
      </label>
    );
  } else if (action === 'reassign') {
    extra = (
      <label className="field">
        <span>改派给</span>
        <select name="toWorkerId" value={toWorkerId} onChange={(e) => setToWorkerId(e.target.value)}>
          {workers.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}（{w.id}）
            </option>
          ))}
        </select>
      </label>
    );
  } else if (action === 'extension') {
    extra = (
      <label className="field">
        <span>延长工作日</span>
        <input
          type="number"
          name="days"
          min={1}
          max={30}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </label>
    );
  }
  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} aria-label={titles[action]}>
      <h3>{titles[action]}</h3>
      {extra}
      {action !== 'reassign' && (
        <label className="field">
          <span>{textLabel[action]}</span>
          <textarea
            name="text"
            rows={3}
            autoFocus
            value={text}
            required={action !== 'return' && action !== 'followup'}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          确定
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
