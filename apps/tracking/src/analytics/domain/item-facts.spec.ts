import type { FactEvent } from './item-facts';
import { emptyFacts, evolveFacts, onTime, statusOf, type ItemFacts } from './item-facts';
import { officialCalendarDays, WorkingCalendar } from '@app/calendar';
import { deadlineRule } from './service-levels';

/** The seeded service levels (tracking's sla_policies) on the official 2026 calendar. */
const policy = (requestType: string | null, urgency: string | null, s: number, c: number, r: number) => ({
  requestType,
  category: null,
  urgency,
  signMinutes: s,
  contactMinutes: c,
  resolveDays: r,
  warnRatio: 0.8,
});
const rule = deadlineRule(
  [
    policy(null, null, 60, 480, 15),
    policy('consultation', null, 60, 480, 3),
    policy('complaint', null, 60, 480, 15),
    policy(null, 'urgent', 30, 120, 3),
  ],
  new WorkingCalendar(officialCalendarDays([2026])),
);

const ITEM = '00000000-0000-4000-8000-000000000001';
const ev = (type: string, occurredAt: string, payload: object = {}): FactEvent => ({
  type,
  itemId: ITEM,
  occurredAt,
  payload: { receiptNo: 'YM-20261102-000001-3', ...payload },
});
const fold = (events: FactEvent[]): ItemFacts =>
  events.reduce((f, e) => evolveFacts(f, e, rule), emptyFacts(ITEM));

const received = ev('ItemReceived', '2026-11-02T01:00:00Z', {
  receivedAt: '2026-11-02T01:00:00Z', // Monday 09:00 China time
  requestType: 'consultation',
  urgency: 'normal',
  title: '咨询户籍迁移',
  source: { channel: 'window' },
  location: { areaCode: '371402' },
});
const routed = (round: number, unitId: string, at: string) =>
  ev('ItemRouted', at, { agency: 'police', unitId, round, outOfScope: false, category: '户籍' });

describe('item facts', () => {
  it('takes intake facts and default deadlines on the Chinese working calendar', () => {
    const f = fold([received]);
    expect(f).toMatchObject({ channel: 'window', requestType: 'consultation', areaCode: '371402' });
    expect(f.signDeadline).toBe('2026-11-02T02:00:00.000Z'); // one working hour
    expect(f.contactDeadline).toBe('2026-11-02T09:00:00.000Z'); // one working day: Monday 17:00
    expect(f.resolveDeadline).toBe('2026-11-04T09:00:00.000Z'); // three working days: Wednesday 17:00
  });

  it('skips holidays and counts 调休 make-up Saturdays', () => {
    // Received Friday 9 Oct 2026 09:00: Saturday 10 Oct is a make-up working day, Sunday 11 Oct is not.
    const f = evolveFacts(
      emptyFacts(ITEM),
      { ...received, payload: { ...received.payload, receivedAt: '2026-10-09T01:00:00Z' } },
      rule,
    );
    expect(f.resolveDeadline).toBe('2026-10-12T09:00:00.000Z');
  });

  it('follows the whole life, in any order across topics', () => {
    const events = [
      routed(1, 'ga-lc', '2026-11-02T01:05:00Z'),
      received,
      ev('ItemReturned', '2026-11-02T01:20:00Z', { unitId: 'ga-lc', reasonCode: 'wrong_area', by: 'x' }),
      routed(2, 'ga-dc', '2026-11-02T01:25:00Z'),
      ev('ItemSigned', '2026-11-02T01:40:00Z', { unitId: 'ga-dc', workerId: 'ga-dc-01' }),
      ev('CitizenContacted', '2026-11-02T03:00:00Z', { contactedAt: '2026-11-02T02:55:00Z' }),
      ev('ExtensionApproved', '2026-11-03T01:00:00Z', { newDeadline: '2026-11-09T01:00:00Z' }),
      ev('ItemEscalated', '2026-11-03T02:00:00Z', { kind: 'resolve', deadline: '2026-11-09T01:00:00Z' }),
      ev('ItemResolved', '2026-11-06T01:00:00Z', { unitId: 'ga-dc', workerId: 'ga-dc-01' }),
      ev('SomethingNew', '2026-11-06T02:00:00Z'),
      ev('FollowUpRecorded', '2026-11-07T01:00:00Z', { result: 'basically_satisfied' }),
      ev('ItemClosed', '2026-11-07T02:00:00Z', { outcome: 'resolved' }),
    ];
    const f = fold(events);
    expect(f).toMatchObject({
      unitId: 'ga-dc',
      workerId: 'ga-dc-01',
      returns: 1,
      misrouted: true,
      extensions: 1,
      escalations: 1,
      signedAt: '2026-11-02T01:40:00Z',
      firstContactAt: '2026-11-02T02:55:00Z',
      resolveDeadline: '2026-11-09T01:00:00Z',
      satisfaction: 'basically_satisfied',
      closedAt: '2026-11-07T02:00:00Z',
    });
    expect(onTime(f)).toBe(true);
    expect(statusOf(f)).toBe('closed');
    // An earlier round arriving late does not undo the later routing.
    expect(evolveFacts(f, routed(1, 'ga-lc', '2026-11-02T01:05:00Z'), rule).unitId).toBe('ga-dc');
  });

  it('reopens on redo and derives status from facts', () => {
    const resolved = fold([
      received,
      routed(1, 'ga-dc', '2026-11-02T01:05:00Z'),
      ev('ItemResolved', '2026-11-03T01:00:00Z', { unitId: 'ga-dc' }),
    ]);
    expect(statusOf(resolved)).toBe('resolved');
    const redo = fold([
      received,
      routed(1, 'ga-dc', '2026-11-02T01:05:00Z'),
      ev('ItemResolved', '2026-11-03T01:00:00Z', { unitId: 'ga-dc' }),
      ev('FollowUpRecorded', '2026-11-04T01:00:00Z', { result: 'unsatisfied' }),
      ev('RedoOrdered', '2026-11-04T01:05:00Z', { unitId: 'ga-dc', newDeadline: '2026-11-11T01:00:00Z' }),
    ]);
    expect(redo).toMatchObject({ resolvedAt: null, redos: 1, resolveDeadline: '2026-11-11T01:00:00Z' });
    expect(statusOf(fold([received]))).toBe('received');
    expect(statusOf(fold([received, ev('ItemTriaged', '2026-11-02T01:01:00Z')]))).toBe('triage');
    expect(statusOf(fold([received, ev('ItemReferredOut', '2026-11-02T01:01:00Z')]))).toBe('referred_out');
  });
});
