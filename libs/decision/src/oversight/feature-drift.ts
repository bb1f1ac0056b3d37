/**
 * Whether the orders a model now scores still look like the orders it learned from: the population
 * stability index (PSI) of each feature between a reference sample (the training rows) and a
 * current one. A model is only as good as that resemblance, and its accuracy can be measured only
 * once outcomes arrive, weeks later; drift in its inputs shows the same day.
 */

/**
 * The conventional PSI levels: under 0.1 the population is stable, from 0.1 to 0.25 it has moved
 * moderately (worth watching), over 0.25 significantly (the model is scoring a population it has
 * not learned; retrain or fall back to the rules).
 */
export const DRIFT_THRESHOLDS = { moderate: 0.1, significant: 0.25 } as const;

export type DriftLevel = 'stable' | 'moderate' | 'significant';

/** The level of a PSI: stable below 0.1, moderate up to and including 0.25, significant above. */
export function driftLevel(psi: number): DriftLevel {
  if (psi > DRIFT_THRESHOLDS.significant) return 'significant';
  if (psi >= DRIFT_THRESHOLDS.moderate) return 'moderate';
  return 'stable';
}

export interface PsiOptions {
  /** Quantile bins of the reference (default 10). A feature with at most this many distinct values is binned by value. */
  bins?: number;
  /** The share an empty bin counts as, so that its logarithm stays finite (default 1e-4). */
  epsilon?: number;
}

export const DEFAULT_PSI_BINS = 10;
/**
 * An empty bin counts as this share. 1e-4 (one in ten thousand) is below any share the samples
 * ordex monitors (thousands of orders) can show, and puts a bin that held a tenth of the reference
 * and is now empty at (0.1 − 1e-4) · ln(0.1 / 1e-4) ≈ 0.69 of PSI: significant on its own, but
 * finite, so the other features' figures still compare.
 */
export const DEFAULT_PSI_EPSILON = 1e-4;

/** One bin: the values in [from, to), and the share of each sample in it (as counted, before epsilon). */
export interface PsiBin {
  from: number;
  to: number;
  expectedShare: number;
  actualShare: number;
}

export interface PsiResult {
  psi: number;
  /** `discrete` when the reference has at most `bins` distinct values and each starts a bin. */
  binning: 'quantile' | 'discrete';
  bins: PsiBin[];
}

/**
 * The population stability index of one feature: Σ (actual − expected) · ln(actual / expected) over
 * bins of the reference, each share floored at `epsilon`. 0 when the two samples fill the bins
 * alike; it grows as they part, and is symmetric in the two shares.
 *
 * Bins are half-open intervals [from, to) cut at the reference's deciles (the values at ranks
 * ⌊k·n/bins⌋ of the sorted reference), so each holds about a tenth of it; a cut repeated by tied
 * values, or equal to the smallest value, is dropped, so a value heaped at one point (slack capped
 * at its maximum, an indicator that is mostly 0) keeps a bin of its own. A feature with at most
 * `bins` distinct values in the reference (0/1 indicators, small counts) is binned by value
 * instead: each value the reference holds has a bin of its own, even one it holds once in a
 * hundred, and values below or above all of them have one each — an indicator never set in the
 * reference and set now, or a count beyond any seen, is drift, not more of the nearest value.
 * Quantile bins start at −∞ and end at +∞: a current value outside the reference's range counts
 * in the bin nearest it.
 */
export function populationStabilityIndex(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
  options: PsiOptions = {},
): PsiResult {
  const bins = options.bins ?? DEFAULT_PSI_BINS;
  const epsilon = options.epsilon ?? DEFAULT_PSI_EPSILON;
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`bins must be a whole number from 2, not ${bins}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new Error(`epsilon must be between 0 and 1, not ${epsilon}`);
  if (expected.length === 0 || actual.length === 0) throw new Error('PSI needs values in both samples');
  const sorted = Float64Array.from(finite(expected, 'expected')).sort();
  const distinct = distinctValues(sorted);
  const binning = distinct.length <= bins ? 'discrete' : 'quantile';
  const cuts =
    binning === 'discrete'
      ? [...distinct, justAbove(distinct[distinct.length - 1])]
      : distinctValues(
          Float64Array.from(
            { length: bins - 1 },
            (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / bins)],
          ),
        ).filter((cut) => cut > sorted[0]);
  const expectedCounts = countInBins(sorted, cuts);
  const actualCounts = countInBins(finite(actual, 'actual'), cuts);
  let psi = 0;
  const result: PsiBin[] = expectedCounts.map((count, i) => {
    const expectedShare = count / expected.length;
    const actualShare = actualCounts[i] / actual.length;
    const e = Math.max(epsilon, expectedShare);
    const a = Math.max(epsilon, actualShare);
    psi += (a - e) * Math.log(a / e);
    return {
      from: i === 0 ? -Infinity : cuts[i - 1],
      to: i === cuts.length ? Infinity : cuts[i],
      expectedShare,
      actualShare,
    };
  });
  return { psi, binning, bins: result };
}

/** One feature's drift between the reference and the current sample. */
export interface FeatureDrift {
  feature: string;
  psi: number;
  level: DriftLevel;
  binning: PsiResult['binning'];
  bins: PsiBin[];
}

export interface FeatureDriftReport {
  referenceRows: number;
  currentRows: number;
  /** Every feature, largest PSI first (ties in feature order). */
  features: FeatureDrift[];
}

/** The PSI of every feature between reference rows (the training set) and current rows, worst first. */
export function featureDrift(
  reference: readonly Float32Array[],
  current: readonly Float32Array[],
  featureNames: readonly string[],
  options: PsiOptions = {},
): FeatureDriftReport {
  const width = featureNames.length;
  for (const [name, rows] of [
    ['reference', reference],
    ['current', current],
  ] as const)
    for (const row of rows)
      if (row.length !== width) throw new Error(`a ${name} row has ${row.length} features, not ${width}`);
  const column = (rows: readonly Float32Array[], j: number) => Float64Array.from(rows, (row) => row[j]);
  const features = featureNames
    .map((feature, j) => {
      const { psi, binning, bins } = populationStabilityIndex(
        column(reference, j),
        column(current, j),
        options,
      );
      return { feature, psi, level: driftLevel(psi), binning, bins };
    })
    .sort((a, b) => b.psi - a.psi);
  return { referenceRows: reference.length, currentRows: current.length, features };
}

/** A feature whose population has moved past the alert threshold. */
export interface DriftAlert {
  feature: string;
  psi: number;
  level: DriftLevel;
  message: string;
}

/** The features whose PSI is over `threshold` (by default the significant level, 0.25), worst first. */
export function driftAlerts(
  report: FeatureDriftReport,
  threshold: number = DRIFT_THRESHOLDS.significant,
): DriftAlert[] {
  return report.features
    .filter((f) => f.psi > threshold)
    .map(({ feature, psi, level }) => ({
      feature,
      psi,
      level,
      message: `${feature} has drifted: PSI ${psi.toFixed(3)} (${level}) over ${threshold} between ${report.referenceRows.toLocaleString('en')} reference and ${report.currentRows.toLocaleString('en')} current rows`,
    }));
}

/** The values, checked: a NaN or infinite feature is a broken pipeline, not a population to compare. */
function finite(values: ArrayLike<number>, sample: string): ArrayLike<number> {
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i])) throw new Error(`the ${sample} sample holds ${values[i]} at ${i}`);
  return values;
}

/** The distinct values of a sorted list, in order. */
function distinctValues(sorted: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}

/** How many values fall in each bin [cuts[i − 1], cuts[i]), the first from −∞ and the last to +∞. */
function countInBins(values: ArrayLike<number>, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[i] >= cuts[mid]) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** The smallest double greater than `x` (or close above it): the end of the bin holding exactly `x`. */
function justAbove(x: number): number {
  return x === 0 ? Number.MIN_VALUE : x + Math.abs(x) * Number.EPSILON;
}
