import { randomUUID } from 'node:crypto';
import { createEvent } from '@app/contracts';
import { progressOf } from './item-progress';

const itemId = randomUUID();
const meta = { correlationId: 'c' };

describe('item progress for platforms', () => {
  it('names the unit an item was routed to, or its agency', () => {
    const routed = (unitId?: string) =>
      createEvent(
        'ItemRouted',
        itemId,
        {
          receiptNo: 'YM-20261125-000001-6',
          agency: 'police',
          ...(unitId ? { unitId } : {}),
          assisting: [],
          confidence: 0.9,
          outOfScope: false,
          decisionId: 'd',
          ruleSetVersion: 'v',
          round: 1,
          reason: 'r',
        },
        meta,
      );
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
