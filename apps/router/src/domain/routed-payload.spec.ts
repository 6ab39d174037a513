import { routedPayload, type RoundDecision, type RoutedItem } from './routed-payload';

const item: RoutedItem = { receiptNo: 'YM-20261125-000001-3', round: 2, areaCode: '371402' };
const decision: RoundDecision = {
  decisionId: 'd-1',
  ruleSetVersion: 'v1',
  confidence: 0.9,
  reason: '命中 盗窃抢劫（被盗）',
};

describe('routedPayload', () => {
  it('names the unit, the category and the area of an item routed to an agency', () => {
    const payload = routedPayload(item, decision, {
      agency: 'police',
      unitId: 'ga-dc',
      category: '盗窃抢劫',
      assisting: [{ agency: 'justice' }],
    });
    expect(payload).toStrictEqual({
      receiptNo: 'YM-20261125-000001-3',
      agency: 'police',
      category: '盗窃抢劫',
      areaCode: '371402',
      unitId: 'ga-dc',
      assisting: [{ agency: 'justice' }],
      confidence: 0.9,
      outOfScope: false,
      decisionId: 'd-1',
      ruleSetVersion: 'v1',
      round: 2,
      reason: '命中 盗窃抢劫（被盗）',
    });
  });

  it('leaves out a category, area or earlier item it does not know', () => {
    const payload = routedPayload({ ...item, areaCode: null }, decision, {
      agency: 'court',
      unitId: 'fy-dc',
      assisting: [],
      repeatOfItemId: null,
    });
    expect(payload).not.toHaveProperty('category');
    expect(payload).not.toHaveProperty('areaCode');
    expect(payload).not.toHaveProperty('repeatOfItemId');
  });

  it('points a repeat at the earlier item', () => {
    const payload = routedPayload(item, decision, {
      agency: 'police',
      unitId: 'ga-dc',
      assisting: [],
      repeatOfItemId: 'item-0',
    });
    expect(payload.repeatOfItemId).toBe('item-0');
  });

  it('refers an out-of-scope item to the suggested department, with no unit and no assisting agency', () => {
    const payload = routedPayload(item, decision, {
      agency: 'out_of_scope',
      suggestedDepartment: '住房和城乡建设局',
    });
    expect(payload).toStrictEqual({
      receiptNo: 'YM-20261125-000001-3',
      agency: 'out_of_scope',
      assisting: [],
      confidence: 0.9,
      outOfScope: true,
      suggestedDepartment: '住房和城乡建设局',
      decisionId: 'd-1',
      ruleSetVersion: 'v1',
      round: 2,
      reason: '命中 盗窃抢劫（被盗）',
      areaCode: '371402',
    });
  });
});
