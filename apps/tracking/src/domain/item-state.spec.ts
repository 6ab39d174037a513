import type { AnyEvent } from '@app/contracts';
import { replay } from './item-state';
import { event, offered, received, resolved, routed, signed } from './item-fixtures';

const statusAfter = (events: AnyEvent[]) => replay(events)?.status;

describe('evolve: the item state as a fold of its events', () => {
  it.each<[string, AnyEvent[], string]>([
    ['received', [received()], 'received'],
    ['routed', [received(), routed()], 'routed'],
    ['routing overtaking intake', [routed(), received()], 'routed'],
    [
      'triaged',
      [received(), event('ItemTriaged', { reason: '低置信度', confidence: 0.2, decisionId: 'd' })],
      'triage',
    ],
    [
      'referred out',
      [
        received(),
        event('ItemReferredOut', { suggestedDepartment: '住建局', reason: '非政法', decisionId: 'd' }),
      ],
      'referred_out',
    ],
    ['offered', [received(), routed(), offered()], 'offered'],
    [
      'offer expired',
      [received(), routed(), offered(), event('OfferExpired', { offerId: 'o1', workerId: 'ga-dc-01' })],
      'routed',
    ],
    [
      'offer rejected',
      [
        received(),
        routed(),
        offered(),
        event('OfferRejected', { by: 'ga-dc-01', offerId: 'o1', workerId: 'ga-dc-01', reason: '休假' }),
      ],
      'routed',
    ],
    [
      'queued',
      [received(), routed(), event('ItemQueued', { unitId: 'ga-dc', reason: '无人可用' })],
      'queued',
    ],
    ['signed', [received(), routed(), offered(), signed()], 'signed'],
    [
      'in progress after a note',
      [
        received(),
        routed(),
        signed(),
        event('ItemNoteAdded', { by: 'ga-dc-01', noteId: 'n1', visibility: 'internal', text: '已调取监控' }),
      ],
      'in_progress',
    ],
    [
      'returned',
      [
        received(),
        routed(),
        signed(),
        event('ItemReturned', {
          by: 'ga-dc-01',
          unitId: 'ga-dc',
          agency: 'police',
          reasonCode: 'wrong_area',
        }),
      ],
      'returned',
    ],
    [
      're-routed after a return',
      [
        received(),
        routed(),
        signed(),
        event('ItemReturned', {
          by: 'ga-dc-01',
          unitId: 'ga-dc',
          agency: 'police',
          reasonCode: 'wrong_area',
        }),
        routed('ga-lc', 2),
      ],
      'routed',
    ],
    [
      'arbitration',
      [received(), routed(), event('ArbitrationRequested', { returns: 3, reason: '多次退单' })],
      'arbitration',
    ],
    [
      'extended',
      [
        received(),
        routed(),
        signed(),
        event('ExtensionRequested', {
          by: 'ga-dc-01',
          requestId: 'x1',
          extraWorkingDays: 5,
          reason: '需鉴定',
        }),
        event('ExtensionApproved', {
          by: 'ga-dc-sup',
          requestId: 'x1',
          newDeadline: '2026-12-30T09:00:00.000Z',
        }),
      ],
      'extended',
    ],
    [
      'suspended',
      [received(), routed(), signed(), event('ItemSuspended', { by: 'ga-dc-sup', reason: '等待鉴定' })],
      'suspended',
    ],
    [
      'resumed to where it was',
      [
        received(),
        routed(),
        signed(),
        event('ItemSuspended', { by: 'ga-dc-sup', reason: '等待鉴定' }),
        event('ItemResumed', { by: 'ga-dc-sup', newDeadline: '2026-12-30T09:00:00.000Z' }),
      ],
      'signed',
    ],
    ['resolved', [received(), routed(), signed(), resolved()], 'resolved'],
    [
      'followed up',
      [
        received(),
        routed(),
        signed(),
        resolved(),
        event('FollowUpRecorded', { by: 'zfw01', result: 'satisfied' }),
      ],
      'followed_up',
    ],
    [
      'closed',
      [
        received(),
        routed(),
        signed(),
        resolved(),
        event('FollowUpRecorded', { by: 'zfw01', result: 'satisfied' }),
        event('ItemClosed', { by: 'zfw01', outcome: 'satisfied' }),
      ],
      'closed',
    ],
    [
      'redo',
      [
        received(),
        routed(),
        signed(),
        resolved(),
        event('FollowUpRecorded', { by: 'zfw01', result: 'unsatisfied' }),
        event('RedoOrdered', {
          by: 'zfw01',
          unitId: 'ga-dc',
          workerId: 'ga-dc-01',
          newDeadline: '2026-12-30T09:00:00.000Z',
        }),
      ],
      'redo',
    ],
    [
      'a warning leaves the status alone',
      [
        received(),
        routed(),
        event('DeadlineWarned', { by: 'system', kind: 'sign', deadline: '2026-11-24T02:00:00.000Z' }),
      ],
      'routed',
    ],
  ])('%s', (_, events, status) => {
    expect(statusAfter(events)).toBe(status);
  });

  it('keeps the facts of intake, routing and work', () => {
    const state = replay([
      routed(),
      received(),
      offered(),
      signed(),
      event('CitizenContacted', {
        by: 'ga-dc-01',
        method: 'phone',
        summary: '已联系',
        contactedAt: '2026-11-24T03:00:00.000Z',
      }),
      resolved(),
    ]);
    expect(state).toMatchObject({
      title: '电动车被盗',
      agency: 'police',
      unitId: 'ga-dc',
      assistingUnitIds: ['sf-dc'],
      workerId: 'ga-dc-01',
      enteredBy: 'clerk01',
      firstContactAt: '2026-11-24T03:00:00.000Z',
      resolution: '已追回',
      citizen: { mobile: '13800138000' },
    });
  });

  it('raises alerts only upwards', () => {
    const state = replay([
      received(),
      event('DeadlineBreached', {
        by: 'system',
        kind: 'sign',
        deadline: 'x'.replace('x', '2026-11-24T02:00:00.000Z'),
      }),
      event('DeadlineWarned', { by: 'system', kind: 'sign', deadline: '2026-11-24T02:00:00.000Z' }),
      event('ItemEscalated', {
        by: 'system',
        kind: 'resolve',
        level: 'committee',
        deadline: '2026-11-24T02:00:00.000Z',
      }),
    ]);
    expect(state?.alerts).toEqual({ sign: 'breached', contact: null, resolve: 'escalated_committee' });
  });
});
