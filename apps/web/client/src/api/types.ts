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
  unit?: string | { id?: string; name?: string } | null;
  confidence: number;
  outOfScope: boolean;
  suggestedDepartment?: string | null;
  explanation?: string | string[] | null;
}

export interface ItemSummary {
  itemId: string;
  receiptNo: string;
  title?: string | null;
  status?: string;
  agency?: string | null;
  unitId?: string | null;
  unitName?: string | null;
  workerId?: string | null;
  channel?: string | null;
  requestType?: string | null;
  receivedAt?: string | null;
  dueAt?: string | null;
  deadline?: string | null;
  resolveBy?: string | null;
}

export interface Offer extends ItemSummary {
  offerId: string;
  expiresAt: string;
  offeredAt?: string | null;
}

export interface TimelineEntry {
  type: string;
  occurredAt: string;
  producer?: string;
  by?: string | null;
  summary?: Record<string, unknown> | string | null;
}

export interface ItemDetail extends ItemSummary {
  description?: string | null;
  category?: string | null;
  citizen?: { name?: string | null; mobile?: string | null } | null;
  location?: { areaName?: string | null; address?: string | null } | null;
  resolution?: string | null;
  timeline: TimelineEntry[];
  extensionRequests?: { requestId?: string; id?: string; status?: string; days?: number; reason?: string }[];
}

export interface PublicStatus {
  receiptNo: string;
  status: string;
  statusLabel?: string;
  agency?: string | null;
  agencyLabel?: string | null;
  receivedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  resolution?: string | null;
  notes?: { text?: string; note?: string; at?: string; occurredAt?: string }[];
  timeline?: { label?: string; type?: string; occurredAt?: string; at?: string }[];
}

/** The deadline an item is measured against, whatever the list calls it. */
export const dueOf = (item: ItemSummary): string | null =>
  item.dueAt ?? item.deadline ?? item.resolveBy ?? null;
