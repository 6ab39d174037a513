import { DomainError } from '@app/errors';

/**
 * Where an item is in its life. Main line: received → routed → offered → signed → in_progress → resolved →
 * followed_up → closed. Side states: triage, queued, returned, arbitration, extended, suspended, redo,
 * referred_out.
 */
export const ItemStatuses = [
  'received',
  'triage',
  'referred_out',
  'routed',
  'queued',
  'offered',
  'signed',
  'in_progress',
  'extended',
  'suspended',
  'returned',
  'arbitration',
  'resolved',
  'followed_up',
  'redo',
  'closed',
] as const;
export type ItemStatus = (typeof ItemStatuses)[number];

export const ItemStatusLabels: Record<ItemStatus, string> = {
  received: '已受理',
  triage: '待分拨',
  referred_out: '已转办',
  routed: '已分拨',
  queued: '待认领',
  offered: '待签收',
  signed: '已签收',
  in_progress: '办理中',
  extended: '已延期',
  suspended: '已挂起',
  returned: '已退单',
  arbitration: '待仲裁',
  resolved: '已办结（待回访）',
  followed_up: '已回访',
  redo: '重办中',
  closed: '已关闭',
};

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
