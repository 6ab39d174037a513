import { SetMetadata } from '@nestjs/common';

export interface AuditReadSpec {
  /** What kind of record the route shows, e.g. `item`. */
  targetType: string;
  /** The path parameter naming the record; by default the first of itemId, receiptNo, id. */
  param?: string;
}

export const AUDIT_READ = 'yimen:audit-read';

/**
 * Marks a staff GET route that shows citizens' personal data: every call is written to the audit log with
 * who read which record. Changes (any non-GET staff request) are audited without a marker.
 */
export const AuditRead = (targetType: string, param?: string) =>
  SetMetadata(AUDIT_READ, { targetType, param } satisfies AuditReadSpec);
