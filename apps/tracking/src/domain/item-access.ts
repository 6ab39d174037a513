import type { StaffPrincipal } from '@app/auth';
import type { ItemState } from './item-state';

/** Statuses in which a follow-up operator (clerk) works on items they did not enter. */
const FOLLOW_UP_QUEUE = ['resolved'];

/**
 * Server-side scoping: who may see an item at all. An item outside the caller's scope is answered like an
 * unknown one (404), so its existence does not leak.
 *  - confidential items (举报 with protected identity) only the committee;
 *  - committee and admin everything else;
 *  - workers and supervisors their unit's items, lead or assisting;
 *  - clerks the items they entered, and resolved items waiting for a follow-up call.
 */
export function canSee(actor: StaffPrincipal, item: ItemState): boolean {
  if (item.confidential) return actor.role === 'committee';
  switch (actor.role) {
    case 'committee':
    case 'admin':
      return true;
    case 'worker':
    case 'supervisor':
      return (
        actor.unitId !== null &&
        (item.unitId === actor.unitId || item.assistingUnitIds.includes(actor.unitId))
      );
    case 'clerk':
      return item.enteredBy === actor.sub || FOLLOW_UP_QUEUE.includes(item.status);
  }
}

/** Full citizen data only for the handling (lead) unit and the committee; everyone else sees it masked. */
export function seesFullCitizen(actor: StaffPrincipal, item: ItemState): boolean {
  if (actor.role === 'committee') return true;
  return (actor.role === 'worker' || actor.role === 'supervisor') && actor.unitId === item.unitId;
}

export function isLeadUnitMember(actor: StaffPrincipal, item: ItemState): boolean {
  return (
    (actor.role === 'worker' || actor.role === 'supervisor') &&
    actor.unitId !== null &&
    actor.unitId === item.unitId
  );
}

export function isLeadUnitSupervisor(actor: StaffPrincipal, item: ItemState): boolean {
  return actor.role === 'supervisor' && actor.unitId === item.unitId;
}

/**
 * Who handles confidential items: the committee, since nobody else may see them. The committee member who
 * signed one holds it like a worker.
 */
export function handlesConfidential(actor: StaffPrincipal, item: ItemState): boolean {
  return item.confidential && actor.role === 'committee';
}

/** The worker holding the item, or a supervisor of its unit (for confidential items, the committee). */
export function isHandlerOrSupervisor(actor: StaffPrincipal, item: ItemState): boolean {
  if (handlesConfidential(actor, item)) return true;
  if (isLeadUnitSupervisor(actor, item)) return true;
  return actor.role === 'worker' && actor.unitId === item.unitId && item.workerId === actor.sub;
}
