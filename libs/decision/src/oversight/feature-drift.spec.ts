import {
  DRIFT_THRESHOLDS,
  driftAlerts,
  driftLevel,
  featureDrift,
  populationStabilityIndex,
} from './feature-drift';

/** A seeded generator (mulberry32), so the samples are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` draws from N(0, 1) by Box–Muller. */
function normalSample(count: number, seed: number): Float64Array {
  const rnd = random(seed);
  return Float64Array.from({ length: count }, () => {
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  });
}

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('population stability index', () => {
  it('is 0 between identical samples, bins holding equal shares of the reference', () => {
    const sample = normalSample(1_000, 3);
    const result = populationStabilityIndex(sample, sample);
    expect(result.psi).toBe(0);
    expect(result.binning).toBe('quantile');
    expect(result.bins).toHaveLength(10);
    for (const bin of result.bins) {
      expect(bin.expectedShare).toBe(0.1);
      expect(bin.actualShare).toBe(0.1);
    }
    expect(result.bins[0].from).toBe(-Infinity);
    expect(result.bins[9].to).toBe(Infinity);
  });

  it('matches a hand computation on quantile bins', () => {
    // Reference 1…10 in 5 bins: cuts at ranks ⌊k·10/5⌋ = 2, 4, 6, 8 of the sorted reference, the
    // values 3, 5, 7, 9, so the bins are [−∞, 3) [3, 5) [5, 7) [7, 9) [9, ∞), each 0.2 of it.
    // The current sample puts 1, 1, 2, 2, 2 in the first (0.5), 3, 5 and 7 alone in the next three
    // (0.1 each) and 9, 10 in the last (0.2):
    //   PSI = (0.5 − 0.2)·ln(0.5 / 0.2) + 3·(0.1 − 0.2)·ln(0.1 / 0.2) + (0.2 − 0.2)·ln 1
    //       = 0.3 · 0.916291 + 3 · 0.1 · 0.693147 + 0 = 0.274887 + 0.207944 = 0.482831
    const result = populationStabilityIndex(ONE_TO_TEN, [1, 1, 2, 2, 2, 3, 5, 7, 9, 10], { bins: 5 });
    expect(result.psi).toBeCloseTo(0.482831, 6);
    expect(result.bins).toEqual([
      { from: -Infinity, to: 3, expectedShare: 0.2, actualShare: 0.5 },
      { from: 3, to: 5, expectedShare: 0.2, actualShare: 0.1 },
      { from: 5, to: 7, expectedShare: 0.2, actualShare: 0.1 },
      { from: 7, to: 9, expectedShare: 0.2, actualShare: 0.1 },
      { from: 9, to: Infinity, expectedShare: 0.2, actualShare: 0.2 },
    ]);
  });

  it('counts an empty bin as epsilon, and a value outside the reference in the nearest bin', () => {
    // Same bins; the current sample leaves [7, 9) empty and puts −4 in the first bin and 30 in the last:
    //   first (−4, 1, 2, 2) 0.4, [3, 5) 0.2, [5, 7) 0.2, [7, 9) 0 → 1e-4, last (9, 30) 0.2
    //   PSI = (0.4 − 0.2)·ln 2 + (1e-4 − 0.2)·ln(1e-4 / 0.2) = 0.138629 + 0.1999 · 7.600902 = 1.658050
    const current = [-4, 1, 2, 2, 3, 4, 5, 6, 9, 30];
    const result = populationStabilityIndex(ONE_TO_TEN, current, { bins: 5 });
    expect(result.psi).toBeCloseTo(1.65805, 5);
    expect(result.bins.map((b) => b.actualShare)).toEqual([0.4, 0.2, 0.2, 0, 0.2]);
    // A larger epsilon softens the empty bin: (0.01 − 0.2)·ln(0.01 / 0.2) = 0.19 · ln 20 = 0.569189.
    expect(populationStabilityIndex(ONE_TO_TEN, current, { bins: 5, epsilon: 0.01 }).psi).toBeCloseTo(
      0.138629 + 0.569189,
      5,
    );
  });

  it('bins a feature with few distinct values by value, so a rare value keeps its own bin', () => {
    // A 0/1 indicator set on 5 of 100 reference orders: deciles alone would all be 0 and leave one
    // bin (PSI always 0). By value: [0, 1) holds the 0s, [1, 1⁺) the 1s, and the bins below 0 and
    // above 1 stay empty on both sides (adding nothing). Current: 20 of 100 set.
    //   PSI = (0.8 − 0.95)·ln(0.8 / 0.95) + (0.2 − 0.05)·ln(0.2 / 0.05)
    //       = 0.15 · 0.171850 + 0.15 · 1.386294 = 0.233722
    const reference = Array.from({ length: 100 }, (_, i) => (i < 5 ? 1 : 0));
    const current = Array.from({ length: 100 }, (_, i) => (i < 20 ? 1 : 0));
    const result = populationStabilityIndex(reference, current);
    expect(result.binning).toBe('discrete');
    expect(result.psi).toBeCloseTo(0.233722, 6);
    const above1 = 1 + Number.EPSILON;
    expect(result.bins).toEqual([
      { from: -Infinity, to: 0, expectedShare: 0, actualShare: 0 },
      { from: 0, to: 1, expectedShare: 0.95, actualShare: 0.8 },
      { from: 1, to: above1, expectedShare: 0.05, actualShare: 0.2 },
      { from: above1, to: Infinity, expectedShare: 0, actualShare: 0 },
    ]);
    // A small count: 0, 1 and 2 in the reference; a 3 today is beyond any value seen: a bin of its own.
    expect(populationStabilityIndex([0, 0, 1, 2], [0, 1, 3, 3]).bins).toEqual([
      { from: -Infinity, to: 0, expectedShare: 0, actualShare: 0 },
      { from: 0, to: 1, expectedShare: 0.5, actualShare: 0.25 },
      { from: 1, to: 2, expectedShare: 0.25, actualShare: 0.25 },
      { from: 2, to: 2 + 2 * Number.EPSILON, expectedShare: 0.25, actualShare: 0 },
      { from: 2 + 2 * Number.EPSILON, to: Infinity, expectedShare: 0, actualShare: 0.5 },
    ]);
  });

  it('sees an indicator the reference never set, set now: significant drift, not more of the 0s', () => {
    // Reference: never set; current: set on 30 of 100. Bins: [0, 0⁺) and above it.
    //   PSI = (0.7 − 1)·ln(0.7 / 1) + (0.3 − 1e-4)·ln(0.3 / 1e-4) = 0.107002 + 2.401224 = 2.508226
    const result = populationStabilityIndex(
      Array.from({ length: 100 }, () => 0),
      Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : 0)),
    );
    expect(result.psi).toBeCloseTo(0.3 * -Math.log(0.7) + (0.3 - 1e-4) * Math.log(0.3 / 1e-4), 6);
    expect(driftLevel(result.psi)).toBe('significant');
  });

  it('keeps a heap of tied values in one bin of quantile binning', () => {
    // Slack capped at 15: 60 of 100 reference values are 15, the other 40 are 0, 1/3, 2/3, … 13.
    // The deciles at ranks 10, 20, 30 are 10/3, 20/3 and 10; those at ranks 40…90 are all 15, so
    // the cuts are 10/3, 20/3, 10, 15 and one bin [15, ∞) holds the whole heap.
    const reference = Array.from({ length: 100 }, (_, i) => (i < 60 ? 15 : (i - 60) / 3));
    const result = populationStabilityIndex(reference, reference);
    expect(result.binning).toBe('quantile');
    expect(result.bins.map((b) => [b.from, b.to, b.expectedShare])).toEqual([
      [-Infinity, 10 / 3, 0.1],
      [10 / 3, 20 / 3, 0.1],
      [20 / 3, 10, 0.1],
      [10, 15, 0.1],
      [15, Infinity, 0.6],
    ]);
  });

  it('refuses what it cannot compare', () => {
    expect(() => populationStabilityIndex([], [1])).toThrow('PSI needs values in both samples');
    expect(() => populationStabilityIndex([1, NaN], [1])).toThrow('the expected sample holds NaN at 1');
    expect(() => populationStabilityIndex([1], [1], { bins: 1 })).toThrow(
      'bins must be a whole number from 2, not 1',
    );
  });

  it('levels: stable below 0.1, moderate to 0.25, significant above', () => {
    expect(DRIFT_THRESHOLDS).toEqual({ moderate: 0.1, significant: 0.25 });
    expect(driftLevel(0)).toBe('stable');
    expect(driftLevel(0.0999)).toBe('stable');
    expect(driftLevel(0.1)).toBe('moderate');
    expect(driftLevel(0.25)).toBe('moderate');
    expect(driftLevel(0.2501)).toBe('significant');
  });
});

describe('feature drift', () => {
  // Two features of 5,000 reference rows from N(0, 1); the current rows draw both afresh, the
  // first shifted by +1. A fresh draw's PSI over 10 bins is about 9·(1/5000 + 1/5000) = 0.004
  // (sampling noise); a one-standard-deviation shift moves most deciles by several times their share.
  const rows = (a: Float64Array, b: Float64Array) => Array.from(a, (x, i) => Float32Array.from([x, b[i]]));
  const reference = rows(normalSample(5_000, 1), normalSample(5_000, 2));
  const shifted = normalSample(5_000, 3).map((x) => x + 1);
  const current = rows(shifted, normalSample(5_000, 4));
  const report = featureDrift(reference, current, ['shifted', 'resampled']);

  it('ranks the shifted feature first and alerts on it alone', () => {
    expect(report.referenceRows).toBe(5_000);
    expect(report.currentRows).toBe(5_000);
    expect(report.features.map((f) => [f.feature, f.level])).toEqual([
      ['shifted', 'significant'],
      ['resampled', 'stable'],
    ]);
    const [shift, resample] = report.features;
    expect(shift.psi).toBeGreaterThan(0.8);
    expect(resample.psi).toBeLessThan(0.02);
    const alerts = driftAlerts(report);
    expect(alerts).toEqual([
      {
        feature: 'shifted',
        psi: shift.psi,
        level: 'significant',
        message: `shifted has drifted: PSI ${shift.psi.toFixed(3)} (significant) over 0.25 between 5,000 reference and 5,000 current rows`,
      },
    ]);
    expect(driftAlerts(report, 10)).toEqual([]);
  });

  it('finds no drift when the current rows are a resample of the same population', () => {
    const resample = featureDrift(reference, rows(normalSample(5_000, 5), normalSample(5_000, 6)), [
      'a',
      'b',
    ]);
    for (const f of resample.features) expect(f.psi).toBeLessThan(DRIFT_THRESHOLDS.moderate);
    expect(driftAlerts(resample)).toEqual([]);
  });

  it('checks the rows are as wide as the feature names', () => {
    expect(() => featureDrift(reference, [Float32Array.from([1])], ['a', 'b'])).toThrow(
      'a current row has 1 features, not 2',
    );
  });
});
