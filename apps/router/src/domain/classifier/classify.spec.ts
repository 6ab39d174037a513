import { classify, compileRuleSet, UNKNOWN_DEPARTMENT } from './classify';
import { DEFAULT_RULE_SET } from './default-rule-set';
import { DEFAULT_SCORING, ruleTerms, type RuleSet } from './rule-set';
import { jiebaSegmenter } from './segmenter';

const rules = compileRuleSet(DEFAULT_RULE_SET, jiebaSegmenter(ruleTerms(DEFAULT_RULE_SET.rules)));
const decide = (title: string, description = '', extra: { platform?: string; category?: string } = {}) =>
  classify({ title, description, ...extra }, rules);

describe('classify (default rules)', () => {
  it.each([
    ['电动车被盗', '小区楼下的电动车昨晚被偷了', 'police', '盗窃抢劫'],
    ['补办身份证', '身份证丢了，怎么补办？', 'police', '户籍证件'],
    ['对不起诉决定不服', '想向检察院提出申诉', 'procuratorate', '控告申诉'],
    ['执行款迟迟拿不到', '判决生效后申请强制执行，对方还是不还钱', 'court', '执行'],
    ['申请法律援助', '请不起律师，能申请法律援助吗', 'justice', '法律援助'],
    ['反映执法不公', '请政法委督查案件', 'committee', '执法司法不公'],
  ])('%s → %s', (title, description, agency, category) => {
    const decision = decide(title, description);
    expect(decision.agency).toBe(agency);
    expect(decision.category).toBe(category);
    expect(decision.outOfScope).toBe(false);
    expect(decision.triage).toBe(false);
  });

  it('refers non-political-legal matters out with a suggested department', () => {
    const decision = decide('小区物业乱收费', '物业公司擅自涨物业费，业委会也不管');
    expect(decision).toMatchObject({
      agency: 'out_of_scope',
      outOfScope: true,
      suggestedDepartment: '住房和城乡建设局',
    });
  });

  it('explains the decision: rules, terms, scores per agency, confidence and rule-set version', () => {
    const { explanation, confidence } = decide('电动车被盗', '已经报警');
    expect(explanation.ruleSetVersion).toBe(DEFAULT_RULE_SET.version);
    expect(explanation.terms).toEqual(expect.arrayContaining(['被盗', '报警']));
    expect(explanation.matchedRules[0]).toMatchObject({ ruleId: 'police.theft', target: 'police' });
    expect(explanation.scores.police).toBeGreaterThan(0);
    expect(explanation.confidence).toBe(confidence);
    expect(explanation.summary).toContain('盗窃抢劫');
  });

  it('sends an item matching nothing to triage as a likely referral with zero confidence', () => {
    expect(decide('你好', '想问问')).toMatchObject({
      agency: 'out_of_scope',
      outOfScope: true,
      suggestedDepartment: UNKNOWN_DEPARTMENT,
      confidence: 0,
      triage: true,
    });
  });

  it('uses the hotline platform as a prior', () => {
    const decision = decide('咨询', '我的事情怎么办', { platform: '12368' });
    expect(decision.agency).toBe('court');
    expect(decision.explanation.matchedRules.map((r) => r.ruleId)).toContain('channel.12368');
  });

  it('counts the category the citizen chose', () => {
    expect(decide('有问题想反映', '', { category: '户籍管理' }).agency).toBe('police');
  });

  it('names assisting agencies when the item clearly spans agencies', () => {
    const decision = decide(
      '被盗后法院判决对方赔偿却执行难',
      '小偷被抓判决后，被执行人一直不履行，申请强制执行无果',
    );
    expect(decision.agency).toBe('court');
    expect(decision.assisting).toContain('police');
  });

  it('triages below the confidence threshold', () => {
    const weak: RuleSet = {
      version: 't',
      rules: [
        { kind: 'category', id: 'a', agency: 'police', label: 'A', terms: { 甲: 1 } },
        { kind: 'category', id: 'b', agency: 'court', label: 'B', terms: { 乙: 1 } },
      ],
    };
    const compiled = compileRuleSet(weak, jiebaSegmenter(['甲', '乙']));
    const decision = classify({ title: '', description: '甲 乙' }, compiled, DEFAULT_SCORING);
    expect(decision.confidence).toBeLessThan(DEFAULT_SCORING.triageThreshold);
    expect(decision.triage).toBe(true);
  });

  it('finds rule phrases inside the text whatever the segmentation: at the start, the end, overlapping', () => {
    const phrases: RuleSet = {
      version: 't',
      rules: [
        {
          kind: 'category',
          id: 'p',
          agency: 'police',
          label: 'P',
          terms: { 电动车: 1, 电动车棚: 1, 车棚失火: 1, 被盗窃: 1 },
        },
      ],
    };
    // A segmenter that never yields a rule term: only the phrase scan can find them.
    const compiled = compileRuleSet(phrases, { cut: (text) => [...text] });
    const terms = (text: string) => classify({ title: text, description: '' }, compiled).explanation.terms;
    expect(terms('电动车棚失火')).toEqual(expect.arrayContaining(['电动车', '电动车棚', '车棚失火']));
    expect(terms('电动车棚失火')).toHaveLength(3);
    expect(terms('昨晚被盗窃')).toEqual(['被盗窃']);
    expect(terms('电动')).toEqual([]);
  });
});
