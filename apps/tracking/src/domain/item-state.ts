import type {
  AnyEvent,
  DeadlineKind,
  EscalationLevel,
  FollowUpResult,
  ItemStatus,
  ReturnReason,
} from '@app/contracts';

/** How far an SLA clock's alerts have gone: yellow, red, then escalation to the supervisor and the committee. */
export const AlertLevels = ['warned', 'breached', 'escalated_supervisor', 'escalated_committee'] as const;
export type AlertLevel = (typeof AlertLevels)[number];

export interface CitizenFacts {
  name: string | null;
  mobile: string | null;
  idCard: string | null;
  anonymous: boolean;
}

/** The current state of one item: a left fold of its events (see `evolve`). Plain JSON, no methods. */
export interface ItemState {
  itemId: string;
  receiptNo: string;
  status: ItemStatus;
  /** The status a suspension interrupted; resuming returns to it. */
  statusBeforeSuspension: ItemStatus | null;
  title: string | null;
  description: string | null;
  channel: string | null;
  requestType: string | null;
  category: string | null;
  urgency: string | null;
  confidential: boolean;
  areaCode: string | null;
  address: string | null;
  citizen: CitizenFacts | null;
  enteredBy: string | null;
  receivedAt: string | null;
  agency: string | null;
  unitId: string | null;
  assistingUnitIds: string[];
  workerId: string | null;
  offer: { offerId: string; workerId: string; expiresAt: string } | null;
  routingRound: number;
  returns: number;
  lastReturnReason: ReturnReason | null;
  signedAt: string | null;
  firstContactAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  closedAt: string | null;
  outcome: string | null;
  followUp: { result: FollowUpResult; by: string; at: string; note: string | null } | null;
  pendingExtension: { requestId: string; extraWorkingDays: number; reason: string; by: string } | null;
  suspendedAt: string | null;
  /** Set by an approved extension, a resumption or a redo; otherwise the SLA policy decides. */
  resolveDeadlineOverride: string | null;
  redoCount: number;
  alerts: Record<DeadlineKind, AlertLevel | null>;
  lastEventAt: string;
}

function emptyState(event: AnyEvent): ItemState {
  return {
    itemId: event.itemId,
    receiptNo: event.payload.receiptNo,
    status: 'received',
    statusBeforeSuspension: null,
    title: null,
    description: null,
    channel: null,
    requestType: null,
    category: null,
    urgency: null,
    confidential: false,
    areaCode: null,
    address: null,
    citizen: null,
    enteredBy: null,
    receivedAt: null,
    agency: null,
    unitId: null,
    assistingUnitIds: [],
    workerId: null,
    offer: null,
    routingRound: 0,
    returns: 0,
    lastReturnReason: null,
    signedAt: null,
    firstContactAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    closedAt: null,
    outcome: null,
    followUp: null,
    pendingExtension: null,
    suspendedAt: null,
    resolveDeadlineOverride: null,
    redoCount: 0,
    alerts: { sign: null, contact: null, resolve: null },
    lastEventAt: event.occurredAt,
  };
}

function raiseAlert(state: ItemState, kind: DeadlineKind, level: AlertLevel): ItemState {
  const current = state.alerts[kind];
  const rank = (l: AlertLevel | null) => (l === null ? -1 : AlertLevels_rank[l]);
  if (rank(level) <= rank(current)) return state;
  return { ...state, alerts: { ...state.alerts, [kind]: level } };
}

const AlertLevels_rank: Record<AlertLevel, number> = {
  warned: 0,
  breached: 1,
  escalated_supervisor: 2,
  escalated_committee: 3,
};

const escalationLevel: Record<EscalationLevel, AlertLevel> = {
  supervisor: 'escalated_supervisor',
  committee: 'escalated_committee',
};

/**
 * Applies one event to an item's state. Events are facts that already happened, so evolve never refuses
 * one (decide refuses commands); events from different topics may arrive in any order, so ItemReceived only
 * fills in facts once the item exists, and every other event sets what it owns.
 */
export function evolve(previous: ItemState | null, event: AnyEvent): ItemState {
  const before = previous ?? emptyState(event);
  // The latest event time, whatever order events arrived in, so a replay in time order ends the same.
  const lastEventAt = event.occurredAt > before.lastEventAt ? event.occurredAt : before.lastEventAt;
  const state = { ...before, lastEventAt };
  switch (event.type) {
    case 'ItemReceived': {
      const p = event.payload;
      return {
        ...state,
        receiptNo: p.receiptNo,
        title: p.title,
        description: p.description,
        channel: p.source.channel,
        enteredBy: p.source.enteredBy ?? null,
        requestType: p.requestType,
        category: state.category ?? p.category ?? null,
        urgency: p.urgency,
        confidential: p.confidential,
        areaCode: state.areaCode ?? p.location.areaCode ?? null,
        address: p.location.address ?? null,
        citizen: {
          name: p.citizen.name ?? null,
          mobile: p.citizen.mobile ?? null,
          idCard: p.citizen.idCard ?? null,
          anonymous: p.citizen.anonymous,
        },
        receivedAt: p.receivedAt,
      };
    }
    case 'ItemRouted': {
      const p = event.payload;
      return {
        ...state,
        status: 'routed',
        agency: p.agency,
        category: p.category ?? state.category,
        areaCode: p.areaCode ?? state.areaCode,
        unitId: p.unitId ?? null,
        assistingUnitIds: p.assisting.flatMap((a) => (a.unitId ? [a.unitId] : [])),
        routingRound: Math.max(state.routingRound, p.round),
        workerId: null,
        offer: null,
      };
    }
    case 'ItemTriaged':
      return { ...state, status: 'triage' };
    case 'ItemReferredOut':
      return { ...state, status: 'referred_out', agency: 'out_of_scope', unitId: null, workerId: null };
    case 'ItemOffered': {
      const p = event.payload;
      return {
        ...state,
        status: 'offered',
        unitId: p.unitId,
        offer: { offerId: p.offerId, workerId: p.workerId, expiresAt: p.expiresAt },
      };
    }
    case 'OfferExpired':
    case 'OfferRejected':
      if (state.offer && state.offer.offerId !== event.payload.offerId) return state;
      return { ...state, status: state.status === 'offered' ? 'routed' : state.status, offer: null };
    case 'ItemQueued':
      return { ...state, status: 'queued', unitId: event.payload.unitId, offer: null };
    case 'ArbitrationRequested':
      return { ...state, status: 'arbitration', offer: null };
    case 'ItemSigned': {
      const p = event.payload;
      return {
        ...state,
        status: 'signed',
        unitId: p.unitId,
        workerId: p.workerId,
        signedAt: state.signedAt ?? event.occurredAt,
        offer: null,
      };
    }
    case 'ItemReturned':
      return {
        ...state,
        status: 'returned',
        returns: state.returns + 1,
        lastReturnReason: event.payload.reasonCode,
        workerId: null,
        offer: null,
        signedAt: null,
        firstContactAt: null,
        alerts: { sign: null, contact: null, resolve: state.alerts.resolve },
      };
    case 'ItemReassigned':
      return { ...state, workerId: event.payload.toWorkerId, offer: null };
    case 'ItemNoteAdded':
      return { ...state, status: state.status === 'signed' ? 'in_progress' : state.status };
    case 'CitizenContacted':
      return {
        ...state,
        status: state.status === 'signed' ? 'in_progress' : state.status,
        firstContactAt: state.firstContactAt ?? event.payload.contactedAt,
      };
    case 'ExtensionRequested': {
      const p = event.payload;
      return {
        ...state,
        pendingExtension: {
          requestId: p.requestId,
          extraWorkingDays: p.extraWorkingDays,
          reason: p.reason,
          by: p.by,
        },
      };
    }
    case 'ExtensionApproved':
      return {
        ...state,
        status: 'extended',
        pendingExtension: null,
        resolveDeadlineOverride: event.payload.newDeadline,
        alerts: { ...state.alerts, resolve: null },
      };
    case 'ItemSuspended':
      return {
        ...state,
        status: 'suspended',
        statusBeforeSuspension: state.status === 'suspended' ? state.statusBeforeSuspension : state.status,
        suspendedAt: event.occurredAt,
      };
    case 'ItemResumed':
      return {
        ...state,
        status: state.statusBeforeSuspension ?? 'in_progress',
        statusBeforeSuspension: null,
        suspendedAt: null,
        resolveDeadlineOverride: event.payload.newDeadline,
      };
    case 'ItemResolved': {
      const p = event.payload;
      return {
        ...state,
        status: 'resolved',
        resolution: p.resolution,
        resolvedAt: event.occurredAt,
        resolvedBy: p.by,
        pendingExtension: null,
      };
    }
    case 'FollowUpRecorded': {
      const p = event.payload;
      return {
        ...state,
        status: 'followed_up',
        followUp: { result: p.result, by: p.by, at: event.occurredAt, note: p.note ?? null },
      };
    }
    case 'RedoOrdered': {
      const p = event.payload;
      return {
        ...state,
        status: 'redo',
        unitId: p.unitId,
        workerId: p.workerId ?? state.workerId,
        resolveDeadlineOverride: p.newDeadline,
        resolvedAt: null,
        redoCount: state.redoCount + 1,
        alerts: { ...state.alerts, resolve: null },
      };
    }
    case 'ItemClosed':
      return { ...state, status: 'closed', closedAt: event.occurredAt, outcome: event.payload.outcome };
    case 'DeadlineWarned':
      return raiseAlert(state, event.payload.kind, 'warned');
    case 'DeadlineBreached':
      return raiseAlert(state, event.payload.kind, 'breached');
    case 'ItemEscalated':
      return raiseAlert(state, event.payload.kind, escalationLevel[event.payload.level]);
  }
}

/** Folds a whole history (e.g. a replay) into the current state. */
export function replay(events: readonly AnyEvent[]): ItemState | null {
  return events.reduce<ItemState | null>((s, e) => evolve(s, e), null);
}
