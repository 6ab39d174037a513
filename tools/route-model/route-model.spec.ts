import type { Classification } from '../../apps/router/src/domain/classifier/classify';
import { applyRouteModel, fitRouteModel, textFeatures } from './route-model';

const ruleDecision = (agency: Classification['agency']): Classification => ({
  agency,
  confidence: 0,
  outOfScope: agency === 'out_of_scope',
  triage: false,
  assisting: [],
  explanation: {
    matchedRules: [],
    terms: [],
    scores: { police: 0, procuratorate: 0, court: 0, justice: 0, committee: 0, out_of_scope: 0 },
    confidence: 0,
    ruleSetVersion: 'test',
    summary: '',
  },
});

describe('route model', () => {
  it('counts character unigrams and bigrams of title and description apart', () => {
    const f = textFeatures('被盗', '电动 车被盗');
    expect(f.get('t:被盗')).toBe(1);
    expect(f.get('c:被盗')).toBe(1);
    expect(f.get('c:动车')).toBe(1);
    expect(f.get('t:盗')).toBe(1);
  });

  it('learns from the text when the rules say nothing', () => {
    const items = [
      ...['电动车被盗', '自行车被盗了', '家中被盗'].map((title) => ({
        title,
        content: '',
        agency: 'police',
      })),
      ...['小区物业收费', '物业不维修', '物业乱收费'].map((title) => ({
        title,
        content: '',
        agency: 'out_of_scope',
      })),
    ].map((i) => ({ ...i, decision: ruleDecision('out_of_scope') }));
    const options = {
      lambda: 1e-4,
      epochs: 200,
      learningRate: 0.5,
      classWeightPower: 0.5,
      minDocumentFrequency: 2,
      outOfScopeBias: 0,
    };
    const model = fitRouteModel(items, options, 'test');
    const decided = applyRouteModel(model, '摩托车被盗', '', ruleDecision('out_of_scope'));
    expect(decided.agency).toBe('police');
    expect(decided.topTerms).toContain('被盗');
    expect(applyRouteModel(model, '物业收费太高', '', ruleDecision('out_of_scope')).agency).toBe(
      'out_of_scope',
    );
  });
});
