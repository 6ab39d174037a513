import { AREAS } from '@app/reference-data';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { RequestTypeLabels, RequestTypes, type RequestType } from '@app/contracts/vocabulary';
import { api, ApiError, listOf, messageOf } from '../api/client';
import { type ItemSummary, type Receipt, type RoutingPreview } from '../api/types';
import { formatTime } from '../domain/deadline';
import { agencyLabel, statusLabel } from '../domain/labels';
import { ReceiptSlip } from './receipt-slip';
import { FormError } from '../components/form-error';

interface Form {
  name: string;
  mobile: string;
  idCard: string;
  anonymous: boolean;
  requestType: RequestType;
  title: string;
  description: string;
  areaCode: string;
  address: string;
  urgent: boolean;
}

const EMPTY: Form = {
  name: '',
  mobile: '',
  idCard: '',
  anonymous: false,
  requestType: 'help',
  title: '',
  description: '',
  areaCode: '',
  address: '',
  urgent: false,
};

/** The body POST /api/v1/items takes, from what the clerk typed (empty fields left out). */
function itemBody(form: Form) {
  const area = AREAS.find((a) => a.code === form.areaCode);
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    requestType: form.requestType,
    urgency: form.urgent ? 'urgent' : 'normal',
    location: { areaCode: area?.code, areaName: area?.name, address: text(form.address) },
    citizen: {
      name: text(form.name),
      mobile: text(form.mobile),
      idCard: text(form.idCard),
      anonymous: form.anonymous,
    },
  };
}

const MOBILE = /^1[3-9]\d{9}$/;

/** 窗口受理: a clerk enters a walk-in request; keyboard first, errors next to fields, receipt at once. */
export function WindowPage() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<(Receipt & { title: string; agency?: string }) | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const firstField = useRef<HTMLInputElement>(null);
  const duplicates = useDuplicates(form.mobile);
  const preview = usePreview(form);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setFormError(null);
    setErrors({});
    try {
      const answer = await api<Receipt>('intake', '/api/v1/items', {
        body: itemBody(form),
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
      setReceipt({ ...answer, title: form.title.trim(), agency: preview.data?.agency });
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) {
        setErrors(e.fieldErrors());
        setFormError('请按提示修改标红的内容');
      } else setFormError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    setReceipt(null);
    setForm(EMPTY);
    setErrors({});
    idempotencyKey.current = crypto.randomUUID();
    setTimeout(() => firstField.current?.focus(), 0);
  };

  // Ctrl+Enter submits from the description box, where Enter is a new line.
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
  };

  if (receipt) return <ReceiptSlip receipt={receipt} onNext={next} />;

  return (
    <div className="window-layout">
      <form className="card intake-form" onSubmit={(e) => void submit(e)} noValidate aria-label="窗口受理">
        <h1>窗口受理</h1>
        <fieldset>
          <legend>群众信息</legend>
          <div className="row">
            <Field label="姓名" error={errors['citizen.name']}>
              <input
                ref={firstField}
                name="citizen.name"
                autoFocus
                value={form.name}
                onChange={(e) => set('name', e.target.value)}
              />
            </Field>
            <Field label="手机号" error={errors['citizen.mobile']}>
              <input
                name="citizen.mobile"
                inputMode="numeric"
                maxLength={11}
                value={form.mobile}
                onChange={(e) => set('mobile', e.target.value.replace(/\D/g, ''))}
              />
            </Field>
            <Field label="身份证号（选填）" error={errors['citizen.idCard']}>
              <input
                name="citizen.idCard"
                value={form.idCard}
                onChange={(e) => set('idCard', e.target.value)}
              />
            </Field>
          </div>
          {duplicates.length > 0 && (
            <div className="warning" role="alert" data-testid="duplicate-warning">
              <strong>该手机号有 {duplicates.length} 件未办结事项</strong>，请确认是否为同一事项：
              <ul>
                {duplicates.slice(0, 5).map((d) => (
                  <li key={d.itemId ?? d.receiptNo}>
                    {d.receiptNo} · {d.title ?? '（无标题）'} · {statusLabel(d.status)} ·{' '}
                    {formatTime(d.receivedAt)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>诉求内容</legend>
          <div className="row">
            <Field label="诉求类型" error={errors.requestType}>
              <select
                name="requestType"
                value={form.requestType}
                onChange={(e) => set('requestType', e.target.value as RequestType)}
              >
                {RequestTypes.map((t) => (
                  <option key={t} value={t}>
                    {RequestTypeLabels[t]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="所在区县" error={errors['location.areaName'] ?? errors['location.areaCode']}>
              <select
                name="location.areaCode"
                value={form.areaCode}
                onChange={(e) => set('areaCode', e.target.value)}
              >
                <option value="">请选择</option>
                {AREAS.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="详细地址" error={errors['location.address']} wide>
              <input
                name="location.address"
                value={form.address}
                onChange={(e) => set('address', e.target.value)}
              />
            </Field>
          </div>
          <Field label="标题" error={errors.title}>
            <input
              name="title"
              maxLength={100}
              value={form.title}
              onChange={(e) => set('title', e.target.value)}
            />
          </Field>
          <Field label="诉求描述（Ctrl+Enter 提交）" error={errors.description}>
            <textarea
              name="description"
              rows={5}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
              onKeyDown={submitOnCtrlEnter}
            />
          </Field>
          <div className="row checks">
            <label className="check">
              <input
                type="checkbox"
                checked={form.urgent}
                onChange={(e) => set('urgent', e.target.checked)}
              />{' '}
              紧急
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.anonymous}
                disabled={form.requestType !== 'report'}
                onChange={(e) => set('anonymous', e.target.checked)}
              />{' '}
              匿名（仅举报）
            </label>
          </div>
        </fieldset>
        <FormError message={formError} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '提交中…' : '受理并出具回执（Enter）'}
          </button>
        </div>
      </form>
      <RoutingPreviewPanel preview={preview} />
    </div>
  );
}

function Field({
  label,
  error,
  wide,
  children,
}: {
  label: string;
  error?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={`field${error ? ' invalid' : ''}${wide ? ' wide' : ''}`}>
      <span>{label}</span>
      {children}
      {error && <em className="field-error">{error}</em>}
    </label>
  );
}

/** Open items of this phone number, for the duplicate warning; asked once the number is complete. */
function useDuplicates(mobile: string): ItemSummary[] {
  const [items, setItems] = useState<ItemSummary[]>([]);
  useEffect(() => {
    if (!MOBILE.test(mobile)) {
      setItems([]);
      return undefined;
    }
    let current = true;
    api<unknown>('tracking', `/api/v1/items/open-by-citizen?mobile=${mobile}`).then(
      (data) => current && setItems(listOf<ItemSummary>(data)),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [mobile]);
  return items;
}

interface PreviewState {
  data: RoutingPreview | null;
  error: string | null;
  loading: boolean;
}

/** The router's preview for what has been typed so far, refreshed after a short pause in typing. */
function usePreview(form: Form): PreviewState {
  const [state, setState] = useState<PreviewState>({ data: null, error: null, loading: false });
  const body = itemBody(form);
  const key = JSON.stringify([body.title, body.description, body.requestType, body.location]);
  useEffect(() => {
    if (body.title.length < 2 && body.description.length < 4) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      api<RoutingPreview>('router', '/api/v1/routing/preview', {
        // Only what the router reads: the draft's text and place (it refuses unknown fields).
        body: {
          title: body.title || body.description.slice(0, 20),
          description: body.description,
          location: body.location,
        },
      }).then(
        (data) => current && setState({ data, error: null, loading: false }),
        (e: unknown) => current && setState({ data: null, error: messageOf(e), loading: false }),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `body` is derived from the form; `key` captures everything the preview depends on.
  }, [key]);
  return state;
}

function RoutingPreviewPanel({ preview }: { preview: PreviewState }) {
  const p = preview.data;
  const rules = p?.explanation?.matchedRules ?? [];
  return (
    <aside className="card preview" aria-live="polite" data-testid="routing-preview">
      <h2>分拨预览</h2>
      {!p && !preview.error && <p className="muted">输入标题和描述后，这里显示将分拨到的单位及理由。</p>}
      {preview.error && <p className="muted">暂无法预览：{preview.error}</p>}
      {p && (
        <>
          <p className="preview-agency" data-testid="preview-agency">
            {agencyLabel(p.agency)}
            {p.unit && <span className="preview-unit"> · {p.unit.name}</span>}
          </p>
          {p.outOfScope && p.suggestedDepartment && <p>建议转至：{p.suggestedDepartment}</p>}
          {p.triage && <p className="warning">将进入政法委人工分拨：{p.triageReason ?? '把握度较低'}</p>}
          {p.category && <p>类别：{p.category}</p>}
          {p.assisting && p.assisting.length > 0 && (
            <p>协办：{p.assisting.map((a) => agencyLabel(a.agency)).join('、')}</p>
          )}
          <p>
            把握度：
            <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={p.confidence} />{' '}
            {Math.round(p.confidence * 100)}%
          </p>
          {p.explanation?.summary && (
            <>
              <h3>理由</h3>
              <p>{p.explanation.summary}</p>
            </>
          )}
          {rules.length > 0 && (
            <ul className="small">
              {rules.slice(0, 4).map((r) => (
                <li key={r.ruleId}>
                  {agencyLabel(r.target)} · {r.label}（{r.terms.join('、')}）
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {preview.loading && <p className="muted small">正在更新…</p>}
    </aside>
  );
}
