import { resultIdOf, targetIdOf } from './audited-request';

describe('audit targets', () => {
  it('prefers the marked parameter, then itemId, receiptNo or id, then any parameter', () => {
    const params = { requestId: 'r-1', itemId: 'i-1', receiptNo: 'YM-1' };
    expect(targetIdOf(params, { read: { targetType: 'item', param: 'receiptNo' } })).toBe('YM-1');
    expect(targetIdOf(params, {})).toBe('i-1');
    expect(targetIdOf({ period: '2026-11' }, {})).toBe('2026-11');
  });

  it('falls back to the id the handler returned, or none', () => {
    expect(targetIdOf({}, { resultId: 'new-id' })).toBe('new-id');
    expect(targetIdOf({}, {})).toBeNull();
  });

  it('takes itemId, id or receiptNo from a result object only', () => {
    expect(resultIdOf({ receiptNo: 'YM-1', itemId: 'i-1' })).toBe('i-1');
    expect(resultIdOf({ id: 7 })).toBeUndefined();
    expect(resultIdOf([{ itemId: 'i-1' }])).toBeUndefined();
    expect(resultIdOf(undefined)).toBeUndefined();
  });
});
