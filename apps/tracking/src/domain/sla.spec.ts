import { officialCalendarDays, WorkingCalendar } from '@app/calendar';
import { replay } from './item-state';
import { received, routed, signed } from './item-fixtures';
import { deadlinesOf, dueAlerts, notificationsFor, pickPolicy, type SlaPolicy } from './sla';

const calendar = new WorkingCalendar(officialCalendarDays([2026]));
const policy = (p: Partial<SlaPolicy>): SlaPolicy => ({
  requestType: null,
  category: null,
  urgency: null,
  signMinutes: 60,
  contactMinutes: 480,
  resolveDays: 15,
  warnRatio: 0.8,
  ...p,
});
const policies = [
  policy({}),
  policy({ requestType: 'consultation', resolveDays: 3 }),
  policy({ requestType: 'help', resolveDays: 7 }),
  policy({ urgency: 'urgent', signMinutes: 30, contactMinutes: 120, resolveDays: 3 }),
];

describe('SLA deadlines on the working-day calendar', () => {
  it('picks the most specific policy', () => {
    expect(pickPolicy(policies, { requestType: 'help', category: null, urgency: 'normal' }).resolveDays).toBe(
      7,
    );
    expect(pickPolicy(policies, { requestType: 'help', category: null, urgency: 'urgent' }).signMinutes).toBe(
      30,
    );
    expect(
      pickPolicy(policies, { requestType: 'suggestion', category: null, urgency: 'normal' }).resolveDays,
    ).toBe(15);
  });

  it('counts from intake in working time, across National Day and its make-up Saturday', () => {
    // received Wed 2026-09-30 16:30 Beijing time
    const state = replay([
      received({ receivedAt: '2026-09-30T08:30:00.000Z', requestType: 'consultation' }),
    ])!;
    const d = deadlinesOf(state, pickPolicy(policies, state), calendar);
    expect(d.signBy).toBe('2026-10-08T01:30:00.000Z'); // Thu 10-08 09:30
    expect(d.resolveBy).toBe('2026-10-10T08:30:00.000Z'); // make-up Saturday 10-10 16:30
  });

  it('warns at 80 %, breaches at the deadline, then escalates to the supervisor and the committee', () => {
    const state = replay([received({ receivedAt: '2026-11-24T01:00:00.000Z' }), routed()])!; // Tue 09:00
    const p = pickPolicy(policies, state);
    const d = deadlinesOf(state, p, calendar);
    const at = (local: string) =>
      dueAlerts(state, d, p, new Date(`${local}:00+08:00`), calendar)
        .filter((a) => a.kind === 'sign')
        .map((a) => a.level);
    expect(at('2026-11-24T09:30')).toEqual([]);
    expect(at('2026-11-24T09:50')).toEqual(['warned']);
    expect(at('2026-11-24T10:00')).toEqual(['warned', 'breached']);
    expect(at('2026-11-24T10:20')).toEqual(['warned', 'breached', 'escalated_supervisor']);
    expect(at('2026-11-24T10:30')).toEqual([
      'warned',
      'breached',
      'escalated_supervisor',
      'escalated_committee',
    ]);
    const later = { ...state, alerts: { ...state.alerts, sign: 'breached' as const } };
    expect(
      dueAlerts(later, d, p, new Date('2026-11-24T10:20:00+08:00'), calendar)
        .filter((a) => a.kind === 'sign')
        .map((a) => a.level),
    ).toEqual(['escalated_supervisor']);
  });

  it('stops the sign clock once signed and every clock while suspended', () => {
    const state = replay([received({ receivedAt: '2026-11-24T01:00:00.000Z' }), routed(), signed()])!;
    const p = pickPolicy(policies, state);
    const d = deadlinesOf(state, p, calendar);
    const kinds = dueAlerts(state, d, p, new Date('2026-12-30T00:00:00Z'), calendar).map((a) => a.kind);
    expect(new Set(kinds)).toEqual(new Set(['contact', 'resolve']));
    expect(
      dueAlerts({ ...state, status: 'suspended' }, d, p, new Date('2026-12-30T00:00:00Z'), calendar),
    ).toEqual([]);
  });

  it('tells the handler, then the supervisor, then the committee', () => {
    const state = replay([received(), routed(), signed()])!;
    const to = (level: 'warned' | 'breached' | 'escalated_supervisor' | 'escalated_committee') =>
      notificationsFor(state, { kind: 'resolve', level, deadline: 'd' }).map(
        (n) => n.recipientId ?? `${n.recipientRole}@${n.recipientUnitId ?? '*'}`,
      );
    expect(to('warned')).toEqual(['ga-dc-01']);
    expect(to('breached')).toEqual(['ga-dc-01', 'supervisor@ga-dc']);
    expect(to('escalated_supervisor')).toEqual(['supervisor@ga-dc']);
    expect(to('escalated_committee')).toEqual(['committee@*']);
  });
});
