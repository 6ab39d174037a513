import type { WorkingCalendar } from '@app/calendar';
import {
  DeadlineKindLabels,
  DeadlineKinds,
  ItemStatusLabels,
  type DeadlineKind,
  type EscalationLevel,
  type ItemStatus,
} from '@app/contracts';
import { AlertLevels, type AlertLevel, type ItemState } from './item-state';
import { OpenStatuses } from './item-status';

/** A service-level policy row; null matchers match anything, the most specific matching row wins. */
export interface SlaPolicy {
  requestType: string | null;
  category: string | null;
  urgency: string | null;
  signMinutes: number;
  contactMinutes: number;
  resolveDays: number;
  /** Share of the time after which the yellow warning goes out (e.g. 0.8). */
  warnRatio: number;
}

export interface Deadlines {
  signBy: string | null;
  contactBy: string | null;
  resolveBy: string | null;
}

/** Working time after a breach, as a share of the whole window, before escalating (督办) further. */
const ESCALATE_TO_SUPERVISOR_AFTER = 0.25;
const ESCALATE_TO_COMMITTEE_AFTER = 0.5;

const FALLBACK: SlaPolicy = {
  requestType: null,
  category: null,
  urgency: null,
  signMinutes: 60,
  contactMinutes: 480,
  resolveDays: 15,
  warnRatio: 0.8,
};

export function pickPolicy(
  policies: readonly SlaPolicy[],
  item: Pick<ItemState, 'requestType' | 'category' | 'urgency'>,
): SlaPolicy {
  let best: SlaPolicy | undefined;
  let bestScore = -1;
  for (const p of policies) {
    const matches =
      (p.requestType === null || p.requestType === item.requestType) &&
      (p.category === null || p.category === item.category) &&
      (p.urgency === null || p.urgency === item.urgency);
    if (!matches) continue;
    const score = (p.urgency ? 4 : 0) + (p.category ? 2 : 0) + (p.requestType ? 1 : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best ?? FALLBACK;
}

/**
 * The item's deadlines, all counted in working time from intake (not from sign-for). An approved extension,
 * a resumption after suspension or a redo replaces the resolution deadline.
 */
export function deadlinesOf(state: ItemState, policy: SlaPolicy, calendar: WorkingCalendar): Deadlines {
  if (!state.receivedAt) return { signBy: null, contactBy: null, resolveBy: state.resolveDeadlineOverride };
  const start = new Date(state.receivedAt);
  return {
    signBy: calendar.addWorkingMinutes(start, policy.signMinutes).toISOString(),
    contactBy: calendar.addWorkingMinutes(start, policy.contactMinutes).toISOString(),
    resolveBy:
      state.resolveDeadlineOverride ?? calendar.addWorkingDays(start, policy.resolveDays).toISOString(),
  };
}

const UNSIGNED: readonly ItemStatus[] = [
  'received',
  'triage',
  'routed',
  'queued',
  'offered',
  'returned',
  'arbitration',
];

/** Which clocks run in this state: none while suspended (an approved suspension stops the clock). */
export function runningClocks(state: ItemState): DeadlineKind[] {
  if (state.status === 'suspended' || !OpenStatuses.includes(state.status)) return [];
  return DeadlineKinds.filter((kind) => {
    switch (kind) {
      case 'sign':
        return UNSIGNED.includes(state.status);
      case 'contact':
        return state.firstContactAt === null;
      case 'resolve':
        return true;
    }
  });
}

export interface DueAlert {
  kind: DeadlineKind;
  level: AlertLevel;
  deadline: string;
}

/** The alert level a clock has reached at `now`. */
export function alertLevelAt(
  start: Date,
  deadline: Date,
  now: Date,
  warnRatio: number,
  calendar: WorkingCalendar,
): AlertLevel | null {
  const total = Math.max(1, calendar.workingMinutesBetween(start, deadline));
  const late = calendar.workingMinutesBetween(deadline, now);
  if (now.getTime() >= deadline.getTime()) {
    if (late >= Math.ceil(total * ESCALATE_TO_COMMITTEE_AFTER)) return 'escalated_committee';
    if (late >= Math.ceil(total * ESCALATE_TO_SUPERVISOR_AFTER)) return 'escalated_supervisor';
    return 'breached';
  }
  return calendar.workingMinutesBetween(start, now) >= total * warnRatio ? 'warned' : null;
}

/** The alerts the sweep owes an item at `now`: every level above the one already raised, per running clock. */
export function dueAlerts(
  state: ItemState,
  deadlines: Deadlines,
  policy: SlaPolicy,
  now: Date,
  calendar: WorkingCalendar,
): DueAlert[] {
  if (!state.receivedAt) return [];
  const start = new Date(state.receivedAt);
  const byKind: Record<DeadlineKind, string | null> = {
    sign: deadlines.signBy,
    contact: deadlines.contactBy,
    resolve: deadlines.resolveBy,
  };
  const due: DueAlert[] = [];
  for (const kind of runningClocks(state)) {
    const deadline = byKind[kind];
    if (!deadline) continue;
    const reached = alertLevelAt(start, new Date(deadline), now, policy.warnRatio, calendar);
    if (!reached) continue;
    const from = state.alerts[kind] === null ? 0 : AlertLevels.indexOf(state.alerts[kind]) + 1;
    for (const level of AlertLevels.slice(from, AlertLevels.indexOf(reached) + 1)) {
      due.push({ kind, level, deadline });
    }
  }
  return due;
}

export interface NotificationDraft {
  recipientId: string | null;
  recipientRole: 'worker' | 'supervisor' | 'committee' | null;
  recipientUnitId: string | null;
  kind: AlertLevel;
  message: string;
}

export const EscalationOf: Partial<Record<AlertLevel, EscalationLevel>> = {
  escalated_supervisor: 'supervisor',
  escalated_committee: 'committee',
};

/** Who is told about an alert: the handler first, then the unit supervisor, then the committee. */
export function notificationsFor(state: ItemState, alert: DueAlert): NotificationDraft[] {
  const what = `${state.receiptNo}「${state.title ?? ''}」${DeadlineKindLabels[alert.kind]}时限`;
  const at = `（${ItemStatusLabels[state.status]}，期限 ${alert.deadline}）`;
  const supervisor = (message: string): NotificationDraft =>
    state.unitId
      ? {
          recipientId: null,
          recipientRole: 'supervisor',
          recipientUnitId: state.unitId,
          kind: alert.level,
          message,
        }
      : { recipientId: null, recipientRole: 'committee', recipientUnitId: null, kind: alert.level, message };
  const worker = (message: string): NotificationDraft[] =>
    state.workerId
      ? [
          {
            recipientId: state.workerId,
            recipientRole: null,
            recipientUnitId: null,
            kind: alert.level,
            message,
          },
        ]
      : [];
  switch (alert.level) {
    case 'warned': {
      const message = `黄色预警：${what}即将到期${at}`;
      const toWorker = worker(message);
      return toWorker.length > 0 ? toWorker : [supervisor(message)];
    }
    case 'breached': {
      const message = `红色超期：${what}已超期${at}`;
      return [...worker(message), supervisor(message)];
    }
    case 'escalated_supervisor':
      return [supervisor(`督办：${what}超期未办，请单位负责人督促${at}`)];
    case 'escalated_committee':
      return [
        {
          recipientId: null,
          recipientRole: 'committee',
          recipientUnitId: null,
          kind: alert.level,
          message: `督办（政法委）：${what}严重超期${at}`,
        },
      ];
  }
}
