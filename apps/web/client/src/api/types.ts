/**
 * The answers the UI reads, as in the shared API plan. Optional fields are ones the services may add or name
 * differently while they are being built; the pages show what is there.
 */
export interface Receipt {
  receiptNo: string;
  itemId: string;
  receivedAt: string;
}

export interface RoutingPreview {
  agency: string;
  category?: string | null;
  unit?: { id: string; name: string } | null;
  confidence: number;
  outOfScope: boolean;
  suggestedDepartment?: string | null;
  triage?: boolean;
  triageReason?: string | null;
  assisting?: { agency: string; unitId?: string }[];
  explanation?: {
    summary?: string;
    matchedRules?: { ruleId: string; target: string; label: string; score: number; terms: string[] }[];
  } | null;
}

export interface Deadlines {
  signBy?: string | null;
  contactBy?: string | null;
  resolveBy?: string | null;
}

export interface OfferInfo {
  offerId: string;
  workerId?: string;
  expiresAt: string;
  secondsLeft?: number;
}

export interface ItemSummary {
  itemId: string;
  receiptNo: string;
  title?: string | null;
  status?: string;
  statusLabel?: string;
  agency?: string | null;
  unitId?: string | null;
  unitName?: string | null;
  workerId?: string | null;
  channel?: string | null;
  requestType?: string | null;
  receivedAt?: string | null;
  deadlines?: Deadlines | null;
  offer?: OfferInfo | null;
  citizen?: { name?: string | null; mobile?: string | null; masked?: boolean } | null;
}

export interface TimelineEntry {
  type: string;
  occurredAt: string;
  producer?: string;
  actor?: string | null;
  summary?: Record<string, unknown> | string | null;
}

export interface ItemDetail extends ItemSummary {
  description?: string | null;
  category?: string | null;
  areaCode?: string | null;
  address?: string | null;
  resolution?: string | null;
  resolvedAt?: string | null;
  timeline: TimelineEntry[];
  pendingExtension?: { requestId: string; extraWorkingDays: number; reason: string; by: string } | null;
}

export interface PublicStatus {
  receiptNo: string;
  status: string;
  statusLabel: string;
  agencyLabel: string | null;
  requestTypeLabel: string | null;
  title: string | null;
  receivedAt: string | null;
  resolveBy: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  /** Citizen-visible steps and notes, oldest first. */
  progress: { at: string; label: string; text: string | null }[];
}

/** The deadline that matters now: signing for an offered item, otherwise resolving it. */
export const dueOf = (item: ItemSummary): string | null =>
  item.status === 'offered'
    ? (item.offer?.expiresAt ?? item.deadlines?.signBy ?? null)
    : (item.deadlines?.resolveBy ?? null);
