/** One training or scoring row: sparse text features, a few dense features and (for training) the class index. */
export interface Row {
  idx: readonly number[];
  val: readonly number[];
  dense: readonly number[];
  y: number;
}

export interface TrainOptions {
  /** L2 penalty on every weight but the class biases. */
  lambda: number;
  epochs: number;
  learningRate: number;
  /** Class weight = (n / (classes · count))^power: 0 = none, 1 = fully balanced. */
  classWeightPower: number;
}

/** Weights of a softmax (multinomial logistic) model, one row per class: sparse part, dense part, bias. */
export interface SoftmaxWeights {
  classes: number;
  sparseDim: number;
  denseDim: number;
  /** classes × (sparseDim + denseDim + 1), row-major. */
  w: Float64Array;
}

const stride = (m: Pick<SoftmaxWeights, 'sparseDim' | 'denseDim'>) => m.sparseDim + m.denseDim + 1;

/** Class scores (logits) of one row. */
export function logits(m: SoftmaxWeights, row: Omit<Row, 'y'>): number[] {
  const d = stride(m);
  const z: number[] = [];
  for (let k = 0; k < m.classes; k++) {
    const o = k * d;
    let s = m.w[o + d - 1]!;
    for (let j = 0; j < row.idx.length; j++) s += m.w[o + row.idx[j]!]! * row.val[j]!;
    for (let j = 0; j < m.denseDim; j++) s += m.w[o + m.sparseDim + j]! * row.dense[j]!;
    z.push(s);
  }
  return z;
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Fits the model by full-batch gradient descent with momentum on the class-weighted mean cross-entropy plus an
 * L2 penalty. Deterministic (weights start at zero), so a build reproduces the committed weights.
 */
export function trainSoftmax(
  rows: readonly Row[],
  classes: number,
  sparseDim: number,
  denseDim: number,
  options: TrainOptions,
): SoftmaxWeights {
  const m: SoftmaxWeights = {
    classes,
    sparseDim,
    denseDim,
    w: new Float64Array(classes * (sparseDim + denseDim + 1)),
  };
  const d = stride(m);
  const counts = new Array<number>(classes).fill(0);
  for (const r of rows) counts[r.y]! += 1;
  const classWeight = counts.map((c) =>
    c === 0 ? 0 : (rows.length / (classes * c)) ** options.classWeightPower,
  );
  const total = rows.reduce((s, r) => s + classWeight[r.y]!, 0);
  const grad = new Float64Array(m.w.length);
  const velocity = new Float64Array(m.w.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    grad.fill(0);
    for (const row of rows) {
      const p = softmax(logits(m, row));
      const weight = classWeight[row.y]! / total;
      for (let k = 0; k < classes; k++) {
        const g = (p[k]! - (k === row.y ? 1 : 0)) * weight;
        const o = k * d;
        for (let j = 0; j < row.idx.length; j++) grad[o + row.idx[j]!]! += g * row.val[j]!;
        for (let j = 0; j < denseDim; j++) grad[o + sparseDim + j]! += g * row.dense[j]!;
        grad[o + d - 1]! += g;
      }
    }
    for (let i = 0; i < m.w.length; i++) {
      const penalty = i % d === d - 1 ? 0 : options.lambda * m.w[i]!;
      velocity[i] = 0.9 * velocity[i]! + grad[i]! + penalty;
      m.w[i]! -= options.learningRate * velocity[i]!;
    }
  }
  return m;
}
