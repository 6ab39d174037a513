/** What an audit entry records: a staff read of personal data, a change, or a sign-in attempt. */
export type AuditAction = 'read' | 'change' | 'sign-in';

/** One line of the audit log: who did what to which record, when, and how it ended. */
export interface AuditEntry {
  /** Chosen by the writer so a retried insert cannot write the entry twice. */
  entryId: string;
  at: Date;
  service: string;
  action: AuditAction;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  actorAgency: string | null;
  actorUnitId: string | null;
  method: string | null;
  /** The route template, e.g. `/api/v1/items/:receiptNo`. */
  route: string | null;
  targetType: string | null;
  targetId: string | null;
  params: Record<string, string>;
  /** HTTP status the caller got. */
  status: number;
  correlationId: string | null;
  clientAddress: string | null;
}
