import type { AnyEvent } from '@app/contracts';
import { canSee, seesFullCitizen } from './item-access';
import { decide, type ItemCommand } from './item-commands';
import { replay, type ItemState } from './item-state';
import {
  clerk,
  committee,
  courtWorker,
  errorOf,
  event,
  offered,
  received,
  resolved,
  routed,
  signed,
  supervisor,
  worker01,
  worker02,
} from './item-fixtures';

const state = (...events: AnyEvent[]): ItemState => replay(events)!;
const onOffer = () => state(received(), routed(), offered());
const onDesk = () => state(received(), routed(), offered(), signed());
const done = () => state(received(), routed(), offered(), signed(), resolved());

const note: ItemCommand = { kind: 'note', noteId: 'n1', text: '已调取监控', visibility: 'citizen' };

describe('decide: task-desk commands', () => {
  it.each<[string, () => ItemState, ItemCommand, string[]]>([
    ['sign an offer', onOffer, { kind: 'sign' }, ['ItemSigned']],
    ['reject an offer', onOffer, { kind: 'reject-offer', reason: '休假' }, ['OfferRejected']],
    ['add a note', onDesk, note, ['ItemNoteAdded']],
    [
      'log a contact',
      onDesk,
      { kind: 'contact', method: 'phone', summary: '已联系', contactedAt: '2026-11-24T03:00:00.000Z' },
      ['CitizenContacted'],
    ],
    ['return', onDesk, { kind: 'return', reasonCode: 'not_our_function' }, ['ItemReturned']],
    [
      'request an extension',
      onDesk,
      { kind: 'request-extension', requestId: 'x1', extraWorkingDays: 5, reason: '鉴定' },
      ['ExtensionRequested'],
    ],
    ['resolve', onDesk, { kind: 'resolve', resolution: '已追回' }, ['ItemResolved']],
  ])('the handler may %s', (_, given, command, types) => {
    expect(decide(given(), worker01, command).map((e) => e.type)).toEqual(types);
  });

  it.each<[string, () => ItemState, ItemCommand, string]>([
    ['sign twice', onDesk, { kind: 'sign' }, 'signed → signed'],
    ['resolve before signing', onOffer, { kind: 'resolve', resolution: 'x' }, 'offered → resolved'],
    ['add a note after resolving', done, note, 'resolved → resolved'],
    ['return a resolved item', done, { kind: 'return', reasonCode: 'wrong_area' }, 'resolved → returned'],
    [
      'follow up an open item',
      onDesk,
      { kind: 'follow-up', result: 'satisfied', redoDeadline: '2026-12-01T00:00:00.000Z' },
      'signed → followed_up',
    ],
    [
      'resume an item that is not suspended',
      onDesk,
      { kind: 'resume', newDeadline: '2026-12-01T00:00:00.000Z' },
      'signed → in_progress',
    ],
  ])('refuses to %s as an illegal transition', (_, given, command, move) => {
    expect(errorOf(() => decide(given(), worker01, command))).toMatchObject({
      code: 'ITEM.ILLEGAL_TRANSITION',
      details: [expect.objectContaining({ messageEn: move })],
    });
  });

  it('lets only the offered worker sign or reject, and only the handler or supervisor resolve', () => {
    expect(errorOf(() => decide(onOffer(), worker02, { kind: 'sign' }))).toMatchObject({
      code: 'ITEM.NOT_ALLOWED',
    });
    expect(errorOf(() => decide(onOffer(), courtWorker, { kind: 'sign' }))).toMatchObject({
      code: 'ITEM.NOT_ALLOWED',
    });
    expect(errorOf(() => decide(onDesk(), worker02, { kind: 'resolve', resolution: 'x' }))).toMatchObject({
      code: 'ITEM.NOT_ALLOWED',
    });
    expect(decide(onDesk(), supervisor, { kind: 'resolve', resolution: 'x' })).toHaveLength(1);
  });

  it('lets only a supervisor reassign, approve an extension or suspend', () => {
    expect(
      errorOf(() => decide(onDesk(), worker01, { kind: 'reassign', toWorkerId: 'ga-dc-02' })),
    ).toMatchObject({ code: 'ITEM.NOT_ALLOWED' });
    expect(decide(onDesk(), supervisor, { kind: 'reassign', toWorkerId: 'ga-dc-02' })[0]).toMatchObject({
      type: 'ItemReassigned',
      payload: { fromWorkerId: 'ga-dc-01', toWorkerId: 'ga-dc-02' },
    });
    const pending = state(
      received(),
      routed(),
      signed(),
      event('ExtensionRequested', { by: 'ga-dc-01', requestId: 'x1', extraWorkingDays: 5, reason: '鉴定' }),
    );
    const approve: ItemCommand = {
      kind: 'approve-extension',
      requestId: 'x1',
      newDeadline: '2026-12-30T00:00:00.000Z',
    };
    expect(errorOf(() => decide(pending, worker01, approve))).toMatchObject({ code: 'ITEM.NOT_ALLOWED' });
    expect(decide(pending, supervisor, approve)[0]?.type).toBe('ExtensionApproved');
    expect(errorOf(() => decide(pending, supervisor, { ...approve, requestId: 'other' }))).toMatchObject({
      code: 'EXTENSION.NOT_FOUND',
    });
    expect(
      errorOf(() =>
        decide(pending, worker01, {
          kind: 'request-extension',
          requestId: 'x2',
          extraWorkingDays: 1,
          reason: 'x',
        }),
      ),
    ).toMatchObject({ code: 'ITEM.EXTENSION_PENDING' });
  });

  it('closes on a satisfied follow-up and orders a redo on an unsatisfied one, never by the handler', () => {
    const followUp = (result: 'satisfied' | 'unsatisfied'): ItemCommand => ({
      kind: 'follow-up',
      result,
      redoDeadline: '2026-12-30T00:00:00.000Z',
    });
    expect(decide(done(), committee, followUp('satisfied')).map((e) => e.type)).toEqual([
      'FollowUpRecorded',
      'ItemClosed',
    ]);
    expect(decide(done(), clerk, followUp('unsatisfied'))).toEqual([
      expect.objectContaining({ type: 'FollowUpRecorded' }),
      expect.objectContaining({
        type: 'RedoOrdered',
        payload: expect.objectContaining({ unitId: 'ga-dc', workerId: 'ga-dc-01' }),
      }),
    ]);
    expect(errorOf(() => decide(done(), worker01, followUp('satisfied')))).toMatchObject({
      code: 'ITEM.NOT_ALLOWED',
    });
    expect(decide(done(), worker02, followUp('satisfied'))).toHaveLength(2);
  });
});

describe('scoping', () => {
  it('shows an item to its unit (lead or assisting), the committee, and the clerk who entered it', () => {
    const item = onDesk();
    expect(canSee(worker02, item)).toBe(true);
    expect(canSee({ ...courtWorker, unitId: 'sf-dc' }, item)).toBe(true);
    expect(canSee(courtWorker, item)).toBe(false);
    expect(canSee(committee, item)).toBe(true);
    expect(canSee(clerk, item)).toBe(true);
    expect(canSee({ ...clerk, sub: 'clerk02' }, item)).toBe(false);
  });

  it('hides confidential reports from everyone but the committee, and masks citizens outside the lead unit', () => {
    const secret = state(received({ confidential: true, requestType: 'report' }), routed());
    expect(canSee(supervisor, secret)).toBe(false);
    expect(canSee(committee, secret)).toBe(true);
    expect(seesFullCitizen(worker02, onDesk())).toBe(true);
    expect(seesFullCitizen({ ...courtWorker, unitId: 'sf-dc' }, onDesk())).toBe(false);
    expect(seesFullCitizen(clerk, onDesk())).toBe(false);
  });

  it('lets the committee, and only the committee, handle a confidential report', () => {
    const secret = state(received({ confidential: true, requestType: 'report' }), routed(), offered());
    expect(errorOf(() => decide(secret, worker01, { kind: 'sign' }))).toMatchObject({
      code: 'ITEM.NOT_ALLOWED',
    });
    const [signedEvent] = decide(secret, committee, { kind: 'sign' });
    expect(signedEvent).toMatchObject({
      type: 'ItemSigned',
      payload: { unitId: 'zfw-city', workerId: 'zfw01' },
    });
    const held = state(
      received({ confidential: true, requestType: 'report' }),
      routed(),
      event('ItemSigned', { by: 'zfw01', unitId: 'zfw-city', workerId: 'zfw01' }),
    );
    expect(decide(held, committee, { kind: 'resolve', resolution: '已核查' })[0]?.type).toBe('ItemResolved');
  });
});
