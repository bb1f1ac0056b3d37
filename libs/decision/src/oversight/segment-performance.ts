import { brierScore, rocAuc } from '../metrics/classification-metrics';

/**
 * How a model does for each group of orders (a customer segment, a tier), not only on average: a
 * model can score well overall while being wrong for one group, and the people deciding on its
 * advice for that group deserve to know.
 */

/** One prediction with its outcome and the group of the order it was about. */
export interface SegmentRow {
  group: string;
  probability: number;
  label: 0 | 1;
}

/** A group's figures. */
export interface SegmentPerformance {
  group: string;
  count: number;
  positives: number;
  /** ROC AUC within the group; null when the group lacks a positive or a negative. */
  auc: number | null;
  brier: number;
  /** Calibration in the large: the mean prediction, the share that happened, and predicted − observed. */
  meanPredicted: number;
  observedRate: number;
  calibrationGap: number;
}

export interface SegmentPerformanceReport {
  /** Every row together, as the group `all`. */
  overall: SegmentPerformance;
  /** Each group, by name. */
  groups: SegmentPerformance[];
}

/** The model's figures overall and in each group. */
export function performanceBySegment(rows: readonly SegmentRow[]): SegmentPerformanceReport {
  if (rows.length === 0) throw new Error('no predictions to assess');
  const byGroup = new Map<string, SegmentRow[]>();
  for (const row of rows) {
    if (row.label !== 0 && row.label !== 1)
      throw new Error(`label ${row.label} of group ${row.group} is not 0 or 1`);
    const list = byGroup.get(row.group);
    if (list) list.push(row);
    else byGroup.set(row.group, [row]);
  }
  return {
    overall: performanceOf('all', rows),
    groups: [...byGroup.keys()].sort().map((group) => performanceOf(group, byGroup.get(group) ?? [])),
  };
}

export interface BiasOptions {
  /** A group is flagged when its Brier score exceeds the overall one by more than this factor (default 1.5). */
  brierFactor?: number;
  /** A group is flagged when |mean predicted − observed rate| exceeds this (default 0.05). */
  maxCalibrationGap?: number;
  /** Groups with fewer rows are not judged: their figures are mostly noise (default 50). */
  minRows?: number;
}

export const DEFAULT_BIAS_OPTIONS: Required<BiasOptions> = {
  brierFactor: 1.5,
  maxCalibrationGap: 0.05,
  minRows: 50,
};

/** A group the model serves worse than the rest, and why. */
export interface BiasFlag {
  group: string;
  count: number;
  /** `brier`: its probabilities are much less accurate than overall; `calibration`: they are off on average. */
  reasons: ('brier' | 'calibration')[];
  /** The group's Brier score over the overall one. */
  brierRatio: number;
  calibrationGap: number;
  message: string;
}

export interface BiasReport extends SegmentPerformanceReport {
  options: Required<BiasOptions>;
  flagged: BiasFlag[];
  /** Groups with fewer than `minRows` rows, not judged. */
  tooSmall: string[];
}

/**
 * The groups the model serves worse than the rest: a Brier score more than `brierFactor` (1.5)
 * times the overall one, or a mean prediction more than `maxCalibrationGap` (5 points) from the
 * group's observed rate (the model systematically over- or under-warns that group). Only groups
 * of at least `minRows` (50) rows are judged. A high Brier ratio may also mean the group's
 * outcomes are harder to foresee (a late rate nearer one half scores worse even when calibrated),
 * so a flag asks for a look at the group, not a verdict; a calibration gap is the firmer sign.
 */
export function biasReport(rows: readonly SegmentRow[], options: BiasOptions = {}): BiasReport {
  const settings = { ...DEFAULT_BIAS_OPTIONS, ...options };
  const performance = performanceBySegment(rows);
  const { overall } = performance;
  const flagged: BiasFlag[] = [];
  const tooSmall: string[] = [];
  for (const g of performance.groups) {
    if (g.count < settings.minRows) {
      tooSmall.push(g.group);
      continue;
    }
    const brierRatio = overall.brier === 0 ? (g.brier === 0 ? 1 : Infinity) : g.brier / overall.brier;
    const reasons: BiasFlag['reasons'] = [];
    if (brierRatio > settings.brierFactor) reasons.push('brier');
    if (Math.abs(g.calibrationGap) > settings.maxCalibrationGap) reasons.push('calibration');
    if (reasons.length === 0) continue;
    const parts = [
      ...(reasons.includes('brier')
        ? [`Brier ${g.brier.toFixed(4)} is ${brierRatio.toFixed(2)}× the overall ${overall.brier.toFixed(4)}`]
        : []),
      ...(reasons.includes('calibration')
        ? [
            `it predicts ${(100 * g.meanPredicted).toFixed(1)}% on average where ${(100 * g.observedRate).toFixed(1)}% happened`,
          ]
        : []),
    ];
    flagged.push({
      group: g.group,
      count: g.count,
      reasons,
      brierRatio,
      calibrationGap: g.calibrationGap,
      message: `${g.group} (${g.count.toLocaleString('en')} rows): ${parts.join('; ')}`,
    });
  }
  return { ...performance, options: settings, flagged, tooSmall };
}

function performanceOf(group: string, rows: readonly SegmentRow[]): SegmentPerformance {
  const probabilities = rows.map((r) => r.probability);
  const labels = rows.map((r) => r.label);
  const positives = labels.reduce<number>((sum, l) => sum + l, 0);
  const meanPredicted = probabilities.reduce((sum, p) => sum + p, 0) / rows.length;
  const observedRate = positives / rows.length;
  const auc = rocAuc(probabilities, labels);
  return {
    group,
    count: rows.length,
    positives,
    auc: Number.isNaN(auc) ? null : auc,
    brier: brierScore(probabilities, labels),
    meanPredicted,
    observedRate,
    calibrationGap: meanPredicted - observedRate,
  };
}
