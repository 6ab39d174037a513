import { evaluate } from './evaluate';

describe('evaluate', () => {
  it('computes accuracy, out-of-scope recall, per-agency precision/recall and the confusion matrix', () => {
    const report = evaluate(
      [
        { expected: 'police', predicted: 'police' },
        { expected: 'police', predicted: 'court' },
        { expected: 'court', predicted: 'court' },
        { expected: 'out_of_scope', predicted: 'out_of_scope' },
        { expected: 'out_of_scope', predicted: 'police' },
      ],
      ['police', 'court', 'out_of_scope'],
    );
    expect(report.accuracy).toBeCloseTo(3 / 5);
    expect(report.outOfScopeRecall).toBeCloseTo(1 / 2);
    expect(report.inScopeAccuracy).toBeCloseTo(2 / 3);
    expect(report.perAgency.find((a) => a.agency === 'police')).toEqual({
      agency: 'police',
      support: 2,
      precision: 1 / 2,
      recall: 1 / 2,
    });
    expect(report.confusion.police).toEqual({ police: 1, court: 1, out_of_scope: 0 });
  });
});
