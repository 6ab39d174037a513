import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, compileRuleSet } from '../../apps/router/src/domain/classifier/classify';
import { DEFAULT_RULE_SET } from '../../apps/router/src/domain/classifier/default-rule-set';
import { ruleTerms } from '../../apps/router/src/domain/classifier/rule-set';
import { jiebaSegmenter } from '../../apps/router/src/domain/classifier/segmenter';
import {
  applyRouteModel,
  fitRouteModel,
  type LabelledText,
  type RouteModel,
  type TrainingItem,
} from './route-model';

/**
 * Trains the routing model (softmax over character n-grams plus the rules' evidence) on the TipDM dev half and
 * the domain set; never reads the test half. Hyper-parameters are chosen by 5-fold cross-validation on the dev
 * half (the domain set always in training): the most in-scope accuracy with at least 95% of out-of-scope items
 * recognised. Writes the weights as JSON.
 *
 *   node dist/tools/route-model/train-route-model.js --out <model.json>
 */
const repoRoot = join(__dirname, '..', '..', '..');
const evalDir = join(repoRoot, 'apps', 'router', 'eval');
const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? process.argv[outAt + 1] : undefined;
if (!out) {
  console.error('usage: train-route-model.js --out <model.json>');
  process.exit(2);
}

const rules = compileRuleSet(DEFAULT_RULE_SET, jiebaSegmenter(ruleTerms(DEFAULT_RULE_SET.rules)));
const load = (name: string): TrainingItem[] =>
  readFileSync(join(evalDir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledText)
    .map((i) => ({ ...i, decision: classify({ title: i.title, description: i.content }, rules) }));
const dev = load('tipdm-dev.jsonl');
const domain = load('domain.jsonl');

const FOLDS = 5;
const MIN_OUT_OF_SCOPE = 0.95;
const base = { epochs: 300, learningRate: 0.5, minDocumentFrequency: 2, outOfScopeBias: 0 };
const grid = [1e-4, 1e-3, 1e-2].flatMap((lambda) =>
  [0.5, 1].map((classWeightPower) => ({ ...base, lambda, classWeightPower })),
);

interface Choice {
  options: RouteModel['options'];
  outOfScope: number;
  inScope: number;
}
let chosen: Choice | undefined;
for (const options of grid) {
  const scored: { expected: string; scores: Record<string, number> }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = [...dev.filter((_, i) => i % FOLDS !== fold), ...domain];
    const model = fitRouteModel(train, options, 'cv');
    for (const item of dev.filter((_, i) => i % FOLDS === fold)) {
      scored.push({
        expected: item.agency,
        scores: applyRouteModel(model, item.title, item.content, item.decision).scores,
      });
    }
  }
  let best: Choice | undefined;
  for (let step = -20; step <= 20; step++) {
    const bias = step / 10;
    let oos = 0;
    let oosRight = 0;
    let inScope = 0;
    let inRight = 0;
    for (const { expected, scores } of scored) {
      const shifted = { ...scores, out_of_scope: scores.out_of_scope! + bias };
      const predicted = Object.entries(shifted).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      if (expected === 'out_of_scope') {
        oos += 1;
        if (predicted === expected) oosRight += 1;
      } else {
        inScope += 1;
        if (predicted === expected) inRight += 1;
      }
    }
    const candidate = {
      options: { ...options, outOfScopeBias: bias },
      outOfScope: oosRight / oos,
      inScope: inRight / inScope,
    };
    if (candidate.outOfScope >= MIN_OUT_OF_SCOPE && (!best || candidate.inScope > best.inScope))
      best = candidate;
  }
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(
    `lambda ${options.lambda} class weight ^${options.classWeightPower}: ` +
      (best
        ? `bias ${best.options.outOfScopeBias}, out of scope ${pct(best.outOfScope)}, in scope ${pct(best.inScope)}`
        : 'never reaches the out-of-scope floor'),
  );
  if (best && (!chosen || best.inScope > chosen.inScope)) chosen = best;
}
if (!chosen) {
  console.error('no setting reaches the out-of-scope floor in cross-validation');
  process.exit(1);
}
const model = fitRouteModel(
  [...dev, ...domain],
  chosen.options,
  `tipdm-dev.jsonl + domain.jsonl (rule set ${rules.version})`,
);
writeFileSync(out, JSON.stringify(model));
console.log(
  `chosen ${JSON.stringify(chosen.options)}; ${Object.keys(model.terms).length} text features → ${out}`,
);
