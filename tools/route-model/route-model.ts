import type { Classification } from '../../apps/router/src/domain/classifier/classify';
import { logits, trainSoftmax, type Row, type TrainOptions } from './softmax';

/** Classes the model scores, in weight-row order. */
export const MODEL_LABELS = [
  'police',
  'procuratorate',
  'court',
  'justice',
  'committee',
  'out_of_scope',
] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

export interface LabelledText {
  title: string;
  content: string;
  agency: string;
}

/** Character unigrams and bigrams of the title and the description, kept apart (t: / c:), with their counts. */
export function textFeatures(title: string, content: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (prefix: string, text: string) => {
    const chars = [...text.replace(/\s/g, '')];
    for (let i = 0; i < chars.length; i++) {
      for (const gram of [chars[i]!, i + 1 < chars.length ? chars[i]! + chars[i + 1]! : '']) {
        if (gram) counts.set(prefix + gram, (counts.get(prefix + gram) ?? 0) + 1);
      }
    }
  };
  add('t:', title);
  add('c:', content);
  return counts;
}

/** The rules' evidence as model input: log(1 + score) per agency and out_of_scope, and the rules' decision. */
export function ruleFeatures(decision: Classification): number[] {
  return [
    ...MODEL_LABELS.map((l) => Math.log1p(decision.explanation.scores[l])),
    ...MODEL_LABELS.map((l) => (decision.agency === l ? 1 : 0)),
  ];
}
const RULE_FEATURES = MODEL_LABELS.length * 2;

export interface RouteModel {
  /** Hyper-parameters and data the weights came from. */
  trainedOn: string;
  options: TrainOptions & { minDocumentFrequency: number; outOfScopeBias: number };
  /** Text feature → [idf, weight per class]. */
  terms: Record<string, number[]>;
  /** Per class: weights of the rule features, then the bias. */
  ruleWeights: number[][];
}

interface Vocabulary {
  index: Map<string, number>;
  idf: number[];
}

function vocabulary(docs: readonly Map<string, number>[], minDf: number): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const index = new Map<string, number>();
  const idf: number[] = [];
  for (const [term, n] of df) {
    if (n < minDf) continue;
    index.set(term, idf.length);
    idf.push(Math.log((docs.length + 1) / (n + 1)) + 1);
  }
  return { index, idf };
}

/** Sublinear tf · idf, L2-normalised. */
function sparse(
  doc: Map<string, number>,
  idfOf: (term: string) => number | undefined,
  toIndex: (t: string) => number,
) {
  const idx: number[] = [];
  const val: number[] = [];
  for (const [term, count] of doc) {
    const idf = idfOf(term);
    if (idf === undefined) continue;
    idx.push(toIndex(term));
    val.push((1 + Math.log(count)) * idf);
  }
  const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
  return { idx, val: val.map((v) => v / norm) };
}

export interface TrainingItem extends LabelledText {
  decision: Classification;
}

/** Fits the model on labelled items (each with the rules' decision on it). */
export function fitRouteModel(
  items: readonly TrainingItem[],
  options: RouteModel['options'],
  trainedOn: string,
): RouteModel {
  const docs = items.map((i) => textFeatures(i.title, i.content));
  const vocab = vocabulary(docs, options.minDocumentFrequency);
  const rows: Row[] = items.map((item, n) => ({
    ...sparse(
      docs[n]!,
      (t) => (vocab.index.has(t) ? vocab.idf[vocab.index.get(t)!] : undefined),
      (t) => vocab.index.get(t)!,
    ),
    dense: ruleFeatures(item.decision),
    y: MODEL_LABELS.indexOf(item.agency as ModelLabel),
  }));
  if (rows.some((r) => r.y < 0)) throw new Error('training item with an unknown agency');
  const m = trainSoftmax(rows, MODEL_LABELS.length, vocab.idf.length, RULE_FEATURES, options);
  const d = vocab.idf.length + RULE_FEATURES + 1;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const terms: Record<string, number[]> = {};
  for (const [term, i] of vocab.index) {
    terms[term] = [round(vocab.idf[i]!), ...MODEL_LABELS.map((_, k) => round(m.w[k * d + i]!))];
  }
  const ruleWeights = MODEL_LABELS.map((_, k) =>
    Array.from(m.w.subarray(k * d + vocab.idf.length, (k + 1) * d), round),
  );
  return { trainedOn, options, terms, ruleWeights };
}

export interface ModelDecision {
  agency: ModelLabel;
  /** Logit per class (out_of_scope includes the bias). */
  scores: Record<ModelLabel, number>;
  /** Text features that pushed most towards the chosen class. */
  topTerms: string[];
}

/** Scores an item with the model: text features plus the rules' evidence; out_of_scope gets the fixed bias. */
export function applyRouteModel(
  model: RouteModel,
  title: string,
  content: string,
  decision: Classification,
): ModelDecision {
  const doc = textFeatures(title, content);
  const known = [...doc.keys()].filter((t) => model.terms[t] !== undefined);
  const position = new Map(known.map((t, j) => [t, j]));
  const { idx, val } = sparse(
    doc,
    (t) => model.terms[t]?.[0],
    (t) => position.get(t)!,
  );
  const K = MODEL_LABELS.length;
  const dense = ruleFeatures(decision);
  const w = new Float64Array(K * (known.length + RULE_FEATURES + 1));
  const d = known.length + RULE_FEATURES + 1;
  for (let k = 0; k < K; k++) {
    known.forEach((t, j) => (w[k * d + j] = model.terms[t]![k + 1]!));
    model.ruleWeights[k]!.forEach((v, j) => (w[k * d + known.length + j] = v));
  }
  const z = logits({ classes: K, sparseDim: known.length, denseDim: RULE_FEATURES, w }, { idx, val, dense });
  z[K - 1]! += model.options.outOfScopeBias;
  let best = 0;
  for (let k = 1; k < K; k++) if (z[k]! > z[best]!) best = k;
  const topTerms = idx
    .map((j, n) => ({ term: known[j]!, push: val[n]! * model.terms[known[j]!]![best + 1]! }))
    .sort((a, b) => b.push - a.push)
    .slice(0, 4)
    .map((t) => t.term.slice(2));
  return {
    agency: MODEL_LABELS[best]!,
    scores: Object.fromEntries(MODEL_LABELS.map((l, k) => [l, z[k]!])) as Record<ModelLabel, number>,
    topTerms,
  };
}
