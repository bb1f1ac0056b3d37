import { brierScore, calibrationBins, logLoss, rocAuc } from './classification-metrics';

describe('classification metrics', () => {
  it('ROC AUC counts ordered pairs, ties half', () => {
    // Positives scored 0.9 and 0.4; negatives 0.4, 0.3, 0.1: of 6 pairs, 5 ordered and 1 tied.
    expect(rocAuc([0.9, 0.4, 0.4, 0.3, 0.1], [1, 1, 0, 0, 0])).toBeCloseTo(5.5 / 6, 12);
    expect(rocAuc([0.1, 0.2, 0.3], [1, 1, 0])).toBe(0); // both positives below the negative
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.2, 0.8], [1, 1])).toBeNaN();
  });

  it('Brier score and log loss of known predictions', () => {
    expect(brierScore([0.9, 0.2, 0.5], [1, 0, 1])).toBeCloseTo((0.01 + 0.04 + 0.25) / 3, 12);
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
    expect(logLoss([0, 1], [1, 0])).toBeCloseTo(-Math.log(1e-7), 6);
    expect(() => brierScore([0.1], [1, 0])).toThrow('1 predictions for 2 labels');
  });

  it('calibration bins hold the mean prediction and the observed rate', () => {
    expect(calibrationBins([0.05, 0.15, 0.12, 1, 0.95], [0, 1, 0, 1, 1], 10)).toEqual([
      { from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 },
      { from: 0.1, to: 0.2, count: 2, meanPredicted: 0.135, observedRate: 0.5 },
      { from: 0.9, to: 1, count: 2, meanPredicted: 0.975, observedRate: 1 },
    ]);
  });
});
