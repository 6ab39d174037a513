import { FollowUpResults, type FollowUpResult } from '@app/contracts';
import type { DeadlineRule } from './service-levels';

export const FactStatuses = [
  'received',
  'triage',
  'routed',
  'in_progress',
  'suspended',
  'resolved',
  'followed_up',
  'closed',
  'referred_out',
] as const;
export type FactStatus = (typeof FactStatuses)[number];
export const FactStatusLabels: Record<FactStatus, string> = {
  received: '已受理',
  triage: '待分拨',
  routed: '已分拨',
  in_progress: '办理中',
  suspended: '挂起',
  resolved: '已办结',
  followed_up: '已回访',
  closed: '已关闭',
  referred_out: '已转办',
};

/**
 * One item's figures: who handled it, its key dates, deadlines and outcome — the row of the work ledger and
 * the unit of every rate. Dates are ISO strings; absent facts are null until their event arrives.
 */
export interface ItemFacts {
  itemId: string;
  receiptNo: string | null;
  channel: string | null;
  requestType: string | null;
  urgency: string | null;
  category: string | null;
  areaCode: string | null;
  agency: string | null;
  unitId: string | null;
  workerId: string | null;
  title: string | null;
  routeRound: number;
  receivedAt: string | null;
  triagedAt: string | null;
  routedAt: string | null;
  signedAt: string | null;
  firstContactAt: string | null;
  resolvedAt: string | null;
  followedUpAt: string | null;
  closedAt: string | null;
  signDeadline: string | null;
  contactDeadline: string | null;
  resolveDeadline: string | null;
  returns: number;
  misrouted: boolean;
  extensions: number;
  escalations: number;
  redos: number;
  suspended: boolean;
  referredOut: boolean;
  satisfaction: FollowUpResult | null;
  outcome: string | null;
  repeatOf: string | null;
  clusterId: string | null;
}

/** The part of an event the figures read; works for every event type, known now or added later. */
export interface FactEvent {
  type: string;
  itemId: string;
  occurredAt: string;
  payload: object;
}

export function emptyFacts(itemId: string): ItemFacts {
  return {
    itemId,
    receiptNo: null,
    channel: null,
    requestType: null,
    urgency: null,
    category: null,
    areaCode: null,
    agency: null,
    unitId: null,
    workerId: null,
    title: null,
    routeRound: 0,
    receivedAt: null,
    triagedAt: null,
    routedAt: null,
    signedAt: null,
    firstContactAt: null,
    resolvedAt: null,
    followedUpAt: null,
    closedAt: null,
    signDeadline: null,
    contactDeadline: null,
    resolveDeadline: null,
    returns: 0,
    misrouted: false,
    extensions: 0,
    escalations: 0,
    redos: 0,
    suspended: false,
    referredOut: false,
    satisfaction: null,
    outcome: null,
    repeatOf: null,
    clusterId: null,
  };
}

const str = (p: object, key: string): string | undefined => {
  const v = (p as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
const obj = (p: object, key: string): object => {
  const v = (p as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null ? v : {};
};
const earliest = (a: string | null, b: string | undefined): string | null =>
  b === undefined ? a : a === null || Date.parse(b) < Date.parse(a) ? b : a;
const latest = (a: string | null, b: string | undefined): string | null =>
  b === undefined ? a : a === null || Date.parse(b) > Date.parse(a) ? b : a;

/** Returns that say the router sent the item to the wrong place (not "incomplete information"). */
const MISROUTE_REASONS = new Set(['wrong_area', 'not_our_function']);
const DEADLINE_FIELD = {
  sign: 'signDeadline',
  contact: 'contactDeadline',
  resolve: 'resolveDeadline',
} as const;

/**
 * Deadlines from the service-level rule once the item's start and type are known: on intake, and again when
 * routing settles the category (the policy may depend on it). A resolution deadline already moved by an
 * extension or a redo stays; deadlines tracking reports in its own events replace these.
 */
function withDeadlines(f: ItemFacts, rule: DeadlineRule): ItemFacts {
  if (!f.receivedAt) return f;
  const d = rule({
    receivedAt: f.receivedAt,
    requestType: f.requestType,
    category: f.category,
    urgency: f.urgency,
  });
  const resolveMoved = f.extensions > 0 || f.redos > 0;
  return {
    ...f,
    signDeadline: d.sign,
    contactDeadline: d.contact,
    resolveDeadline: resolveMoved ? f.resolveDeadline : d.resolve,
  };
}

/**
 * Pure fold of one event into an item's facts. Events of one item arrive from three topics in any order, so
 * every rule is order-tolerant: first times keep the earliest, routing keeps the latest round, and an
 * unknown event type changes nothing.
 */
export function evolveFacts(facts: ItemFacts, event: FactEvent, rule: DeadlineRule): ItemFacts {
  const p = event.payload;
  const at = event.occurredAt;
  const f: ItemFacts = { ...facts, receiptNo: facts.receiptNo ?? str(p, 'receiptNo') ?? null };
  switch (event.type) {
    case 'ItemReceived':
      return withDeadlines(
        {
          ...f,
          channel: str(obj(p, 'source'), 'channel') ?? null,
          requestType: str(p, 'requestType') ?? null,
          urgency: str(p, 'urgency') ?? null,
          category: f.category ?? str(p, 'category') ?? null,
          areaCode: f.areaCode ?? str(obj(p, 'location'), 'areaCode') ?? null,
          title: str(p, 'title') ?? null,
          receivedAt: str(p, 'receivedAt') ?? at,
        },
        rule,
      );
    case 'ItemTriaged':
      return { ...f, triagedAt: earliest(f.triagedAt, at) };
    case 'ItemRouted': {
      const round = Number((p as Record<string, unknown>).round ?? 1);
      if (round < f.routeRound) return f;
      const outOfScope = (p as Record<string, unknown>).outOfScope === true;
      return withDeadlines(
        {
          ...f,
          routeRound: round,
          agency: str(p, 'agency') ?? f.agency,
          unitId: str(p, 'unitId') ?? null,
          category: str(p, 'category') ?? f.category,
          areaCode: str(p, 'areaCode') ?? f.areaCode,
          routedAt: earliest(f.routedAt, at),
          referredOut: f.referredOut || outOfScope,
        },
        rule,
      );
    }
    case 'ItemReferredOut':
      return { ...f, referredOut: true, agency: 'out_of_scope', routedAt: earliest(f.routedAt, at) };
    case 'ItemOffered':
    case 'ItemQueued':
      return { ...f, unitId: f.unitId ?? str(p, 'unitId') ?? null };
    case 'ItemSigned':
      return {
        ...f,
        unitId: str(p, 'unitId') ?? f.unitId,
        workerId: str(p, 'workerId') ?? f.workerId,
        signedAt: earliest(f.signedAt, at),
      };
    case 'ItemReassigned':
      return { ...f, workerId: str(p, 'toWorkerId') ?? f.workerId };
    case 'ItemReturned': {
      const fromCurrentUnit = str(p, 'unitId') === f.unitId;
      return {
        ...f,
        returns: f.returns + 1,
        misrouted: f.misrouted || MISROUTE_REASONS.has(str(p, 'reasonCode') ?? ''),
        ...(fromCurrentUnit ? { unitId: null, workerId: null, signedAt: null } : {}),
      };
    }
    case 'CitizenContacted':
      return { ...f, firstContactAt: earliest(f.firstContactAt, str(p, 'contactedAt') ?? at) };
    case 'ItemResolved':
      return {
        ...f,
        unitId: str(p, 'unitId') ?? f.unitId,
        workerId: str(p, 'workerId') ?? f.workerId,
        resolvedAt: latest(f.resolvedAt, at),
      };
    case 'FollowUpRecorded': {
      if (f.followedUpAt !== null && Date.parse(at) < Date.parse(f.followedUpAt)) return f;
      const result = str(p, 'result');
      const satisfaction = (FollowUpResults as readonly string[]).includes(result ?? '')
        ? (result as FollowUpResult)
        : f.satisfaction;
      return { ...f, satisfaction, followedUpAt: at };
    }
    case 'RedoOrdered':
      return {
        ...f,
        redos: f.redos + 1,
        resolveDeadline: str(p, 'newDeadline') ?? f.resolveDeadline,
        // The earlier resolution did not satisfy; the item is open again until resolved anew.
        resolvedAt: f.resolvedAt !== null && Date.parse(f.resolvedAt) <= Date.parse(at) ? null : f.resolvedAt,
      };
    case 'ExtensionApproved':
      return {
        ...f,
        extensions: f.extensions + 1,
        resolveDeadline: str(p, 'newDeadline') ?? f.resolveDeadline,
      };
    case 'ItemSuspended':
      return { ...f, suspended: true };
    case 'ItemResumed':
      return { ...f, suspended: false, resolveDeadline: str(p, 'newDeadline') ?? f.resolveDeadline };
    case 'DeadlineWarned':
    case 'DeadlineBreached':
    case 'ItemEscalated': {
      const kind = str(p, 'kind');
      const deadline = str(p, 'deadline');
      const field = kind === 'sign' || kind === 'contact' || kind === 'resolve' ? DEADLINE_FIELD[kind] : null;
      return {
        ...f,
        ...(field && deadline ? { [field]: deadline } : {}),
        escalations: f.escalations + (event.type === 'ItemEscalated' ? 1 : 0),
      };
    }
    case 'ItemClosed':
      return { ...f, closedAt: latest(f.closedAt, at), outcome: str(p, 'outcome') ?? f.outcome };
    default:
      return f;
  }
}

/** Where the item stands, derived from its facts so it never depends on the order events came in. */
export function statusOf(f: ItemFacts): FactStatus {
  if (f.closedAt) return 'closed';
  if (f.referredOut) return 'referred_out';
  if (f.suspended) return 'suspended';
  if (f.resolvedAt) return f.satisfaction ? 'followed_up' : 'resolved';
  if (f.signedAt) return 'in_progress';
  if (f.unitId || f.routedAt) return 'routed';
  if (f.triagedAt) return 'triage';
  return 'received';
}

/** Resolved by the (possibly extended) resolution deadline; null while unresolved or without a deadline. */
export function onTime(f: ItemFacts): boolean | null {
  if (!f.resolvedAt || !f.resolveDeadline) return null;
  return Date.parse(f.resolvedAt) <= Date.parse(f.resolveDeadline);
}

/** Still open (not resolved, closed or referred out) after its resolution deadline. */
export function isOverdue(f: ItemFacts, now: Date): boolean {
  const open = !f.resolvedAt && !f.closedAt && !f.referredOut;
  return open && f.resolveDeadline !== null && Date.parse(f.resolveDeadline) < now.getTime();
}
