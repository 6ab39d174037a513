import { compileRuleSet } from './classifier/classify';
import { DEFAULT_RULE_SET } from './classifier/default-rule-set';
import { DEFAULT_SCORING, ruleTerms } from './classifier/rule-set';
import { jiebaSegmenter } from './classifier/segmenter';
import { categoriesByAgency, decideRoute } from './decide-route';

const rules = compileRuleSet(DEFAULT_RULE_SET, jiebaSegmenter(ruleTerms(DEFAULT_RULE_SET.rules)));

describe('decideRoute', () => {
  it('routes to the area unit and the grid officer', () => {
    const decision = decideRoute(
      { title: '电动车被盗', description: '昨晚被偷', location: { address: '德城区新湖街道' } },
      rules,
      DEFAULT_SCORING,
    );
    expect(decision.outcome).toMatchObject({
      kind: 'routed',
      target: { agency: 'police', unit: { id: 'ga-dc' }, preferredWorker: 'ga-dc-01' },
    });
    expect(categoriesByAgency(decision.classification).police).toEqual({
      id: 'police.theft',
      label: '盗窃抢劫',
    });
  });

  it('triages a confident decision whose area is unknown', () => {
    const decision = decideRoute({ title: '电动车被盗', description: '昨晚被偷' }, rules, DEFAULT_SCORING);
    expect(decision.outcome).toMatchObject({ kind: 'triaged', suggestedAgency: 'police' });
  });

  it('refers out of scope items', () => {
    const decision = decideRoute(
      { title: '小区物业乱收费', description: '物业费涨价' },
      rules,
      DEFAULT_SCORING,
    );
    expect(decision.outcome).toEqual({ kind: 'referred', department: '住房和城乡建设局' });
  });

  it('lists assisting agencies with their units in the area', () => {
    const decision = decideRoute(
      {
        title: '被盗后法院判决对方赔偿却执行难',
        description: '小偷被抓判决后，被执行人一直不履行，申请强制执行无果',
        location: { areaCode: '371482' },
      },
      rules,
      DEFAULT_SCORING,
    );
    expect(decision.outcome).toMatchObject({
      kind: 'routed',
      target: { unit: { id: 'fy-yc' } },
      assisting: [{ agency: 'police', unitId: 'ga-yc' }],
    });
  });
});
