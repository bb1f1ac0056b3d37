/**
 * How well predicted probabilities match what happened: discrimination (ROC AUC), accuracy of the
 * probabilities (Brier score, log loss) and calibration by bins. Labels are 1 (it happened) or 0.
 */

/**
 * The area under the ROC curve: the probability that a random positive is scored above a random
 * negative, ties counting half (the Mann–Whitney U statistic over midranks). NaN without both
 * a positive and a negative.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = checkSameLength(scores, labels);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const midrank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += midrank;
      }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The mean squared difference between probability and outcome (0 is perfect; 0.25 is a coin). */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = checkSameLength(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return n === 0 ? NaN : sum / n;
}

/** The mean negative log-likelihood of the outcomes, probabilities clipped to [1e-7, 1 − 1e-7]. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = checkSameLength(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, probabilities[i]));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return n === 0 ? NaN : sum / n;
}

/** One calibration bin: predictions in [from, to), their mean and the share that happened. */
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Predictions in `bins` equal-width bins over [0, 1] (1 goes in the last), each with its mean
 * prediction and observed rate; empty bins are left out. A calibrated model's two agree.
 */
export function calibrationBins(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const n = checkSameLength(probabilities, labels);
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = Math.min(bins - 1, Math.floor(probabilities[i] * bins));
    count[bin]++;
    predicted[bin] += probabilities[i];
    observed[bin] += labels[i];
  }
  return count.flatMap((c, bin) =>
    c === 0
      ? []
      : [
          {
            from: bin / bins,
            to: (bin + 1) / bins,
            count: c,
            meanPredicted: predicted[bin] / c,
            observedRate: observed[bin] / c,
          },
        ],
  );
}

function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`${a.length} predictions for ${b.length} labels`);
  return a.length;
}
