import { readFileSync } from 'node:fs';
import { classify, compileRuleSet } from '../../apps/router/src/domain/classifier/classify';
import { DEFAULT_RULE_SET } from '../../apps/router/src/domain/classifier/default-rule-set';
import { ruleTerms } from '../../apps/router/src/domain/classifier/rule-set';
import { jiebaSegmenter } from '../../apps/router/src/domain/classifier/segmenter';
import { applyRouteModel, type RouteModel } from '../route-model/route-model';
import { evaluate, type Scored } from './evaluate';

/**
 * Scores the router's classifier (default rule set) on labelled JSON-lines files with `title`, `content`,
 * `agency` (and optionally `platform`, `category`):
 *
 *   npm run route:eval -- apps/router/eval/tipdm-test.jsonl [more files…] [--errors N]
 *
 * Prints accuracy, out-of-scope recall, in-scope agency accuracy, per-agency precision/recall, the confusion
 * matrix, the triage rate and the time per decision (segmentation included, measured over repeated passes
 * after a warm-up — a micro-benchmark, not a test). With `--model <model.json>` (from train-route-model) the
 * agency is the model's, scored on the text and the rules' evidence.
 */
interface Labelled {
  id?: string;
  title: string;
  content: string;
  agency: string;
  platform?: string;
  category?: string;
}

const args = process.argv.slice(2);
const errorsAt = args.indexOf('--errors');
const showErrors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
const modelAt = args.indexOf('--model');
const model =
  modelAt >= 0 ? (JSON.parse(readFileSync(args[modelAt + 1] ?? '', 'utf8')) as RouteModel) : undefined;
const files = args.filter(
  (a, i) => !a.startsWith('--') && (errorsAt < 0 || i !== errorsAt + 1) && (modelAt < 0 || i !== modelAt + 1),
);
if (files.length === 0) {
  console.error('usage: npm run route:eval -- <file.jsonl> [more.jsonl…] [--errors N]');
  process.exit(2);
}

const rules = compileRuleSet(DEFAULT_RULE_SET, jiebaSegmenter(ruleTerms(DEFAULT_RULE_SET.rules)));
const ORDER = ['police', 'procuratorate', 'court', 'justice', 'committee', 'out_of_scope'];
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

for (const file of files) {
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
  const input = (i: Labelled) => ({
    title: i.title,
    description: i.content,
    platform: i.platform,
    category: i.category,
  });
  const decide = (item: Labelled) => {
    const decision = classify(input(item), rules);
    if (!model) return { decision, agency: decision.agency as string, why: decision.explanation.summary };
    const byModel = applyRouteModel(model, item.title, item.content, decision);
    return {
      decision,
      agency: byModel.agency,
      why: `模型 ${byModel.topTerms.join('、')}；规则 ${decision.explanation.summary}`,
    };
  };
  let triaged = 0;
  const results: Scored[] = [];
  const errors: string[] = [];
  for (const item of items) {
    const { decision, agency, why } = decide(item);
    if (decision.triage) triaged += 1;
    results.push({ expected: item.agency, predicted: agency });
    if (agency !== item.agency && errors.length < showErrors) {
      errors.push(`${item.id ?? ''} [${item.agency} → ${agency}] ${item.title} | ${why}`);
    }
  }
  // Timing: warm up, then repeat until at least ~1 s of work has been measured.
  for (const item of items.slice(0, 50)) decide(item);
  const passes = Math.max(1, Math.ceil(2000 / Math.max(1, items.length)));
  const started = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const item of items) decide(item);
  const msPerItem = Number(process.hrtime.bigint() - started) / 1e6 / (passes * items.length);

  const report = evaluate(results, ORDER);
  console.log(`\n== ${file} (${report.total} items, rule set ${rules.version}${model ? ' + model' : ''})`);
  console.log(`accuracy                 ${pct(report.accuracy)}`);
  console.log(`out of scope recognised  ${pct(report.outOfScopeRecall)} of ${report.outOfScopeTotal}`);
  console.log(`in-scope agency accuracy ${pct(report.inScopeAccuracy)} of ${report.inScopeTotal}`);
  console.log(`sent to triage           ${pct(triaged / Math.max(1, items.length))} (${triaged})`);
  console.log(
    `decision time            ${msPerItem.toFixed(3)} ms/item (${passes * items.length} decisions)`,
  );
  console.log('\nagency          support  precision  recall');
  for (const a of report.perAgency) {
    console.log(
      `${a.agency.padEnd(15)} ${String(a.support).padStart(7)}  ${pct(a.precision).padStart(9)}  ${pct(a.recall).padStart(6)}`,
    );
  }
  console.log('\nconfusion (rows expected, columns predicted)');
  const short = (l: string) => l.slice(0, 6).padStart(7);
  console.log(`${''.padEnd(14)}${report.labels.map(short).join('')}`);
  for (const e of report.labels) {
    console.log(
      `${e.padEnd(14)}${report.labels.map((p) => String(report.confusion[e]![p]).padStart(7)).join('')}`,
    );
  }
  if (errors.length > 0) console.log(`\nfirst ${errors.length} errors:\n${errors.join('\n')}`);
}
