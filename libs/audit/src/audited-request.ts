import type { RequestWithStaff } from '@app/auth';
import type { AuditReadSpec } from './audit-read.decorator';

/** What the interceptor learns about a request for the entry written when the response closes. */
export interface AuditNotes {
  read?: AuditReadSpec;
  /** The id of a record the handler created or returned, when the path names none. */
  resultId?: string;
}

export type AuditedRequest = RequestWithStaff & { auditNotes?: AuditNotes };

const TARGET_PARAMS = ['itemId', 'receiptNo', 'id'];

/** The record a request is about: the marked path parameter, a conventional one, or what the handler returned. */
export function targetIdOf(params: Record<string, string>, notes: AuditNotes): string | null {
  const named = notes.read?.param ?? TARGET_PARAMS.find((p) => params[p] !== undefined);
  return (named ? params[named] : undefined) ?? Object.values(params)[0] ?? notes.resultId ?? null;
}

/** An id-like field of a handler's result (`itemId`, `id`, `receiptNo`), for requests that create records. */
export function resultIdOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const found = ['itemId', 'id', 'receiptNo'].map((k) => record[k]).find((v) => typeof v === 'string');
  return typeof found === 'string' ? found : undefined;
}
