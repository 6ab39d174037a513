import { ItemStatuses, ItemStatusLabels, type ItemStatus } from '@app/contracts';
import { DomainError } from '@app/errors';

const ROUTING_OUTCOMES = ['routed', 'triage', 'referred_out', 'queued', 'offered'] as const;

/** Every legal move. Anything else is an illegal transition. */
export const Transitions: Record<ItemStatus, readonly ItemStatus[]> = {
  received: [...ROUTING_OUTCOMES, 'closed'],
  triage: [...ROUTING_OUTCOMES, 'closed'],
  routed: [...ROUTING_OUTCOMES, 'signed', 'returned'],
  queued: ['routed', 'offered', 'queued', 'signed', 'returned'],
  offered: ['routed', 'offered', 'queued', 'signed', 'returned'],
  signed: ['in_progress', 'resolved', 'returned', 'extended', 'suspended'],
  in_progress: ['resolved', 'returned', 'extended', 'suspended'],
  extended: ['resolved', 'extended', 'suspended'],
  suspended: ['signed', 'in_progress', 'extended', 'redo'],
  returned: [...ROUTING_OUTCOMES, 'arbitration'],
  arbitration: [...ROUTING_OUTCOMES, 'closed'],
  resolved: ['followed_up'],
  followed_up: ['closed', 'redo'],
  redo: ['resolved', 'extended', 'suspended'],
  referred_out: ['closed'],
  closed: [],
};

/** Statuses in which the handling unit works the item (notes, contacts, resolution). */
export const WorkingStatuses: readonly ItemStatus[] = ['signed', 'in_progress', 'extended', 'redo'];
/** Statuses that still count against a resolution deadline. */
export const OpenStatuses: readonly ItemStatus[] = ItemStatuses.filter(
  (s) => !['resolved', 'followed_up', 'closed', 'referred_out'].includes(s),
);

export function canTransition(from: ItemStatus, to: ItemStatus): boolean {
  return Transitions[from].includes(to);
}

export function illegalTransition(from: ItemStatus, to: ItemStatus): DomainError {
  return new DomainError(
    'ITEM.ILLEGAL_TRANSITION',
    'conflict',
    `诉求当前为「${ItemStatusLabels[from]}」，不能变为「${ItemStatusLabels[to]}」`,
    `Illegal transition from ${from} to ${to}`,
    [
      {
        field: 'status',
        rule: 'transition',
        message: `${ItemStatusLabels[from]} → ${ItemStatusLabels[to]}`,
        messageEn: `${from} → ${to}`,
      },
    ],
  );
}

/** Throws ITEM.ILLEGAL_TRANSITION unless `from → to` is in the table. */
export function assertTransition(from: ItemStatus, to: ItemStatus): void {
  if (!canTransition(from, to)) throw illegalTransition(from, to);
}
