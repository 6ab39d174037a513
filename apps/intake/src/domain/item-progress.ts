import { AgencyLabels, type AnyEvent } from '@app/contracts';
import { unitById } from '@app/reference-data';

/** What intake keeps of an item's life downstream, to answer platforms (Open311) that ask about it. */
export interface ProgressUpdate {
  /** Set by events that open or close the item; absent leaves the status as it is. */
  status?: 'open' | 'closed';
  /** Who handles the item, as a platform may be told (agency or unit name). */
  agencyResponsible?: string;
  /** One line for the platform, e.g. 已分拨至 德城区公安分局. */
  notes?: string;
}

/** The progress an event announces, or undefined for events that change nothing a platform sees. */
export function progressOf(event: AnyEvent): ProgressUpdate | undefined {
  switch (event.type) {
    case 'ItemRouted': {
      const p = event.payload;
      const who = (p.unitId && unitById(p.unitId)?.name) || AgencyLabels[p.agency];
      return { status: 'open', agencyResponsible: who, notes: `已分拨至 ${who}` };
    }
    case 'ItemReferredOut':
      return {
        status: 'open',
        agencyResponsible: event.payload.suggestedDepartment,
        notes: `非政法事项，已转办 ${event.payload.suggestedDepartment}`,
      };
    case 'ItemTriaged':
      return { status: 'open', notes: '分拨待定，等待人工分拨' };
    case 'ItemSigned':
      return { status: 'open', notes: '承办人已签收，正在办理' };
    case 'ItemResolved':
      return { status: 'open', notes: '已答复办结，等待回访' };
    case 'ItemSuspended':
      return { status: 'open', notes: '已挂起' };
    case 'ItemResumed':
      return { status: 'open', notes: '已恢复办理' };
    case 'ItemClosed':
      return { status: 'closed', notes: '已办结关闭' };
    case 'RedoOrdered':
      // Not satisfied at the follow-up call (重办): open again.
      return { status: 'open', notes: '回访不满意，已重新办理' };
    default:
      return undefined;
  }
}

/** An item's progress as intake keeps it. Moments are microseconds since the epoch, as PostgreSQL orders them. */
export interface ItemProgress {
  status: 'open' | 'closed';
  statusNotes: string | null;
  /** When status and notes last moved, or null before any event. */
  statusAt: bigint | null;
  agencyResponsible: string | null;
  agencyAt: bigint | null;
}

/** What one event says of an item's progress, and when it happened. */
export interface TimedProgress {
  itemId: string;
  at: bigint;
  update: ProgressUpdate;
}

/**
 * The progress after one update. Events of one item can arrive out of order across topics: status and notes
 * only move forward in event time (an update as late as the last one still moves them, and moves their
 * moment even when it carries neither); the responsible agency likewise, moved only by updates naming one.
 */
export function applyProgress(state: ItemProgress, update: ProgressUpdate, at: bigint): ItemProgress {
  const statusMoves = state.statusAt === null || state.statusAt <= at;
  const agency = update.agencyResponsible;
  const agencyMoves = agency !== undefined && (state.agencyAt === null || state.agencyAt <= at);
  return {
    status: statusMoves && update.status !== undefined ? update.status : state.status,
    statusNotes: statusMoves && update.notes !== undefined ? update.notes : state.statusNotes,
    statusAt: statusMoves ? at : state.statusAt,
    agencyResponsible: agencyMoves ? agency : state.agencyResponsible,
    agencyAt: agencyMoves ? at : state.agencyAt,
  };
}

/**
 * Each item's progress after the updates, applied one by one in the order given, from its `current`
 * progress. Only the items updated are answered; updates of items without a current progress (unknown to
 * intake) change nothing.
 */
export function foldProgress(
  current: ReadonlyMap<string, ItemProgress>,
  updates: readonly TimedProgress[],
): Map<string, ItemProgress> {
  const folded = new Map<string, ItemProgress>();
  for (const { itemId, at, update } of updates) {
    const state = folded.get(itemId) ?? current.get(itemId);
    if (state) folded.set(itemId, applyProgress(state, update, at));
  }
  return folded;
}
