import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../api/client';
import type { PublicStatus } from '../api/types';
import { formatTime } from '../domain/deadline';
import { FormError } from '../components/form-error';

/** The citizen's road through the loop, for the progress bar. */
const STEPS: { label: string; statuses: string[] }[] = [
  { label: '已受理', statuses: ['received', 'triage'] },
  { label: '已分拨', statuses: ['routed', 'assigned', 'offered', 'queued', 'returned', 'arbitration'] },
  { label: '办理中', statuses: ['signed', 'in_progress', 'extended', 'suspended', 'redo'] },
  { label: '已办结', statuses: ['resolved', 'followed_up', 'referred_out'] },
  { label: '已关闭', statuses: ['closed'] },
];

function stepOf(status: string): number {
  const index = STEPS.findIndex((s) => s.statuses.includes(status));
  return index < 0 ? 0 : index;
}

/** 进度查询: receipt number and the last four digits of the phone → where the item stands. No login. */
export function StatusPage() {
  const params = new URLSearchParams(location.search);
  const [receiptNo, setReceiptNo] = useState(params.get('receiptNo') ?? '');
  const [phoneLast4, setPhoneLast4] = useState('');
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ receiptNo: receiptNo.trim().toUpperCase(), phoneLast4 });
      setResult(await api<PublicStatus>('tracking', `/api/v1/public/status?${query}`, { anonymous: true }));
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.status === 404) setError('未找到该事项，请核对受理编号和手机号后四位');
      else if (e instanceof ApiError && e.status === 429) setError('查询过于频繁，请稍后再试');
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const step = result ? stepOf(result.status) : -1;
  return (
    <div className="status-page">
      <form className="card" onSubmit={(e) => void submit(e)} aria-label="进度查询">
        <h1>办理进度查询</h1>
        <label className="field">
          <span>受理编号</span>
          <input
            name="receiptNo"
            autoFocus
            placeholder="如 YM-20261125-000123-7"
            value={receiptNo}
            onChange={(e) => setReceiptNo(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>手机号后四位</span>
          <input
            name="phoneLast4"
            inputMode="numeric"
            maxLength={4}
            pattern="\d{4}"
            value={phoneLast4}
            onChange={(e) => setPhoneLast4(e.target.value.replace(/\D/g, ''))}
            required
          />
        </label>
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '查询中…' : '查询'}
        </button>
      </form>

      {result && (
        <section className="card" aria-label="办理进度" data-testid="status-result">
          <p className="muted">受理编号 {result.receiptNo}</p>
          <p className="status-now" data-testid="status-label">
            {result.statusLabel}
          </p>
          <ol className="progress">
            {STEPS.map((s, i) => (
              <li key={s.label} className={i < step ? 'done' : i === step ? 'current' : undefined}>
                {s.label}
              </li>
            ))}
          </ol>
          {result.title && <p className="status-title">{result.title}</p>}
          <dl>
            <dt>诉求类型</dt>
            <dd>{result.requestTypeLabel ?? '—'}</dd>
            <dt>承办单位</dt>
            <dd>{result.agencyLabel ?? '分拨中'}</dd>
            <dt>受理时间</dt>
            <dd>{formatTime(result.receivedAt)}</dd>
            {result.resolveBy && !result.resolvedAt && (
              <>
                <dt>办结时限</dt>
                <dd>{formatTime(result.resolveBy)}</dd>
              </>
            )}
            {result.resolvedAt && (
              <>
                <dt>办结时间</dt>
                <dd>{formatTime(result.resolvedAt)}</dd>
              </>
            )}
          </dl>
          {result.resolution && (
            <>
              <h2>答复内容</h2>
              <p className="resolution" data-testid="status-resolution">
                {result.resolution}
              </p>
            </>
          )}
          {result.progress.length > 0 && (
            <>
              <h2>办理经过</h2>
              <ol className="timeline">
                {result.progress.map((p, i) => (
                  <li key={i}>
                    <time>{formatTime(p.at)}</time> <strong>{p.label}</strong>
                    {p.text && <div className="small">{p.text}</div>}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}
