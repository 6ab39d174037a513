import { logits, softmax, trainSoftmax, type Row } from './softmax';

describe('trainSoftmax', () => {
  const options = { lambda: 1e-4, epochs: 200, learningRate: 0.5, classWeightPower: 0.5 };
  const row = (idx: number, y: number, dense = [0]): Row => ({ idx: [idx], val: [1], dense, y });

  it('learns which sparse feature points at which class', () => {
    const rows = [row(0, 0), row(0, 0), row(1, 1), row(1, 1), row(2, 2)];
    const m = trainSoftmax(rows, 3, 3, 1, options);
    for (const [feature, cls] of [
      [0, 0],
      [1, 1],
      [2, 2],
    ] as const) {
      const p = softmax(logits(m, { idx: [feature], val: [1], dense: [0] }));
      expect(p.indexOf(Math.max(...p))).toBe(cls);
    }
  });

  it('is deterministic', () => {
    const rows = [row(0, 0, [1]), row(1, 1, [0])];
    expect(trainSoftmax(rows, 2, 2, 1, options).w).toEqual(trainSoftmax(rows, 2, 2, 1, options).w);
  });

  it('gives probabilities that sum to one', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(p[2]).toBeGreaterThan(p[0]!);
  });
});
