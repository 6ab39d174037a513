export interface Scored {
  expected: string;
  predicted: string;
}

export interface AgencyStats {
  agency: string;
  support: number;
  precision: number;
  recall: number;
}

export interface EvaluationReport {
  total: number;
  accuracy: number;
  /** Share of out-of-scope items recognised as such. */
  outOfScopeRecall: number;
  outOfScopeTotal: number;
  /** Share of in-scope items sent to the right agency. */
  inScopeAccuracy: number;
  inScopeTotal: number;
  perAgency: AgencyStats[];
  /** confusion[expected][predicted] = count */
  confusion: Record<string, Record<string, number>>;
  labels: string[];
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Accuracy, out-of-scope recall, in-scope agency accuracy, per-agency precision/recall and the confusion matrix. */
export function evaluate(results: readonly Scored[], order: readonly string[]): EvaluationReport {
  const seen = new Set(results.flatMap((r) => [r.expected, r.predicted]));
  const labels = [...order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !order.includes(l)).sort()];
  const confusion: Record<string, Record<string, number>> = {};
  for (const e of labels) confusion[e] = Object.fromEntries(labels.map((p) => [p, 0]));
  for (const r of results) confusion[r.expected]![r.predicted]! += 1;
  const correct = results.filter((r) => r.expected === r.predicted).length;
  const oos = results.filter((r) => r.expected === 'out_of_scope');
  const inScope = results.filter((r) => r.expected !== 'out_of_scope');
  const perAgency = labels.map((agency) => {
    const tp = confusion[agency]![agency]!;
    const predicted = labels.reduce((s, e) => s + confusion[e]![agency]!, 0);
    const support = labels.reduce((s, p) => s + confusion[agency]![p]!, 0);
    return { agency, support, precision: ratio(tp, predicted), recall: ratio(tp, support) };
  });
  return {
    total: results.length,
    accuracy: ratio(correct, results.length),
    outOfScopeRecall: ratio(oos.filter((r) => r.predicted === 'out_of_scope').length, oos.length),
    outOfScopeTotal: oos.length,
    inScopeAccuracy: ratio(inScope.filter((r) => r.predicted === r.expected).length, inScope.length),
    inScopeTotal: inScope.length,
    perAgency,
    confusion,
    labels,
  };
}
