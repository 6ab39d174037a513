import { randomUUID } from 'node:crypto';
import { createEvent } from '@app/contracts';
import { anItemRouted } from '@app/testing';
import {
  applyProgress,
  foldProgress,
  progressOf,
  type ItemProgress,
  type ProgressUpdate,
} from './item-progress';

const itemId = randomUUID();
const meta = { correlationId: 'c' };

describe('item progress for platforms', () => {
  it('names the unit an item was routed to, or its agency', () => {
    const routed = (unitId?: string) =>
      anItemRouted(itemId, { ...(unitId ? { unitId } : {}), correlationId: 'c' });
    expect(progressOf(routed('ga-dc'))).toEqual({
      status: 'open',
      agencyResponsible: '德城区公安分局',
      notes: '已分拨至 德城区公安分局',
    });
    expect(progressOf(routed())?.agencyResponsible).toBe('公安');
  });

  it('closes on ItemClosed and ignores events a platform does not see', () => {
    const closed = createEvent(
      'ItemClosed',
      itemId,
      { receiptNo: 'YM-20261125-000001-6', by: 'u', outcome: 'satisfied' },
      meta,
    );
    expect(progressOf(closed)).toMatchObject({ status: 'closed' });
    const redo = createEvent(
      'RedoOrdered',
      itemId,
      {
        receiptNo: 'YM-20261125-000001-6',
        by: 'u',
        unitId: 'ga-dc',
        newDeadline: new Date().toISOString(),
      },
      meta,
    );
    expect(progressOf(redo)).toMatchObject({ status: 'open' });
    const offered = createEvent(
      'ItemOffered',
      itemId,
      {
        receiptNo: 'YM-20261125-000001-6',
        offerId: 'o',
        unitId: 'ga-dc',
        workerId: 'w',
        expiresAt: new Date().toISOString(),
      },
      meta,
    );
    expect(progressOf(offered)).toBeUndefined();
  });
});

describe('folding progress updates', () => {
  const fresh: ItemProgress = {
    status: 'open',
    statusNotes: null,
    statusAt: null,
    agencyResponsible: null,
    agencyAt: null,
  };
  const routed = (who: string): ProgressUpdate => ({
    status: 'open',
    agencyResponsible: who,
    notes: `已分拨至 ${who}`,
  });
  const closed: ProgressUpdate = { status: 'closed', notes: '已办结关闭' };
  const signed: ProgressUpdate = { status: 'open', notes: '承办人已签收，正在办理' };
  const fold = (updates: [ProgressUpdate, number][], start = fresh) =>
    foldProgress(
      new Map([[itemId, start]]),
      updates.map(([update, at]) => ({ itemId, update, at: BigInt(at) })),
    ).get(itemId);

  it('moves status and agency forward in event time, whatever the order of arrival', () => {
    const expected = {
      status: 'closed',
      statusNotes: '已办结关闭',
      statusAt: 30n,
      agencyResponsible: 'A',
      agencyAt: 10n,
    };
    expect(
      fold([
        [routed('A'), 10],
        [signed, 20],
        [closed, 30],
      ]),
    ).toEqual(expected);
    expect(
      fold([
        [closed, 30],
        [signed, 20],
        [routed('A'), 10],
      ]),
    ).toEqual(expected);
    expect(
      fold([
        [signed, 20],
        [closed, 30],
        [routed('A'), 10],
      ]),
    ).toEqual(expected);
  });

  it('lets a later update of equal time win, for status and for agency', () => {
    expect(
      fold([
        [signed, 20],
        [closed, 20],
      ]),
    ).toMatchObject({ status: 'closed', statusNotes: '已办结关闭' });
    expect(
      fold([
        [closed, 20],
        [signed, 20],
      ]),
    ).toMatchObject({ status: 'open', statusNotes: signed.notes });
    expect(
      fold([
        [routed('A'), 10],
        [routed('B'), 10],
      ]),
    ).toMatchObject({ agencyResponsible: 'B' });
  });

  it('never moves the agency for updates naming none, while their time moves the status', () => {
    expect(
      fold([
        [routed('A'), 10],
        [closed, 40],
        [routed('B'), 20],
      ]),
    ).toEqual({
      status: 'closed',
      statusNotes: '已办结关闭',
      statusAt: 40n,
      agencyResponsible: 'B',
      agencyAt: 20n,
    });
    // an update carrying no status or notes still moves the status moment, as before
    expect(fold([[{ agencyResponsible: 'C' }, 50]], { ...fresh, statusNotes: 'x', statusAt: 40n })).toEqual({
      status: 'open',
      statusNotes: 'x',
      statusAt: 50n,
      agencyResponsible: 'C',
      agencyAt: 50n,
    });
  });

  it('starts from the stored progress: older events than it change nothing', () => {
    const stored: ItemProgress = {
      status: 'closed',
      statusNotes: '已办结关闭',
      statusAt: 100n,
      agencyResponsible: 'A',
      agencyAt: 100n,
    };
    expect(
      fold(
        [
          [routed('B'), 50],
          [signed, 99],
        ],
        stored,
      ),
    ).toEqual(stored);
    expect(fold([[routed('B'), 100]], stored)).toEqual({
      ...stored,
      status: 'open',
      statusNotes: '已分拨至 B',
      agencyResponsible: 'B',
    });
  });

  it('answers only the items updated, and ignores items it has no progress of', () => {
    const other = randomUUID();
    const folded = foldProgress(new Map([[itemId, fresh]]), [
      { itemId: other, update: closed, at: 1n },
      { itemId, update: signed, at: 2n },
    ]);
    expect([...folded.keys()]).toEqual([itemId]);
    expect(applyProgress(fresh, signed, 2n)).toEqual(folded.get(itemId));
  });
});
