import { parseArgs } from 'node:util';
import {
  brierScore,
  DEFAULT_RISK_TRAINING,
  logLoss,
  predictRiskBatch,
  RISK_FEATURES,
  riskFeatures,
  rocAuc,
  rulesRisk,
  trainRiskModel,
  workingDaysBetween,
  type RiskModelArtifact,
} from '@ordex/decision';
import { progress, shuffledExamples } from './risk-examples';
import { simulatedRiskHistory, splitByTime, type RiskHistoryRow } from './risk-history';

export interface RiskRunOptions {
  orders: number;
  seed: number;
  start: string;
  trainShare: number;
  epochs: number;
}

export const RISK_RUN_USAGE = `  --orders N        orders of simulated history to follow to their outcome (default 12000)
  --seed N          the simulator's seed (default 11)
  --start DATE      the history's first day (default 2026-09-01)
  --train-share F   the earlier share of orders trained on; the later ones are held out (default 0.7)
  --epochs N        training epochs (default ${DEFAULT_RISK_TRAINING.epochs})`;

/**
 * The options shared by `npm run train` and `npm run eval`, checked, and the command's own file
 * option (`--out` for train, `--model` for eval), if given.
 */
export function parseRiskRun(
  argv: string[],
  fileOption: 'out' | 'model',
): { options: RiskRunOptions; file?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string', default: '12000' },
      seed: { type: 'string', default: '11' },
      start: { type: 'string', default: '2026-09-01' },
      'train-share': { type: 'string', default: '0.7' },
      epochs: { type: 'string', default: String(DEFAULT_RISK_TRAINING.epochs) },
      [fileOption]: { type: 'string' },
    },
  });
  const flags = values as Record<string, string | undefined>;
  const whole = (name: string, min: number) => {
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}`);
    return n;
  };
  const share = Number(flags['train-share']);
  if (!(share > 0 && share < 1)) throw new Error('--train-share must be between 0 and 1');
  const start = String(flags.start);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error('--start must be YYYY-MM-DD');
  return {
    options: {
      orders: whole('orders', 100),
      seed: whole('seed', 0),
      start,
      trainShare: share,
      epochs: whole('epochs', 1),
    },
    file: flags[fileOption],
  };
}

/** The simulated history, split in time, with a progress line every few seconds. */
export function riskHistory(options: RiskRunOptions): { train: RiskHistoryRow[]; heldOut: RiskHistoryRow[] } {
  let last = 0;
  const rows = simulatedRiskHistory({
    seed: options.seed,
    orders: options.orders,
    start: options.start,
    onProgress: (seen, settled) => {
      if (Date.now() - last < 2_000) return;
      last = Date.now();
      progress(
        `history: ${seen.toLocaleString('en')}/${options.orders.toLocaleString('en')} orders, ${settled.toLocaleString('en')} with an outcome`,
      );
    },
  });
  const late = rows.filter((r) => r.late).length;
  progress(
    `history: ${rows.length.toLocaleString('en')} shipped orders, ${((100 * late) / rows.length).toFixed(1)}% late`,
  );
  return splitByTime(rows, options.trainShare);
}

/** Trains on the earlier orders, an epoch per progress line. */
export async function trainOn(
  rows: readonly RiskHistoryRow[],
  options: RiskRunOptions,
  report: (line: string) => void = progress,
): Promise<RiskModelArtifact> {
  const started = Date.now();
  const artifact = await trainRiskModel(
    shuffledExamples(rows, options.seed),
    RISK_FEATURES,
    { ...DEFAULT_RISK_TRAINING, epochs: options.epochs },
    (epoch, loss) => report(`training: epoch ${epoch}/${options.epochs}, loss ${loss.toFixed(4)}`),
  );
  report(
    `training: ${rows.length.toLocaleString('en')} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return artifact;
}

export interface RiskScores {
  auc: number;
  brier: number;
  logLoss: number;
}

export interface RiskEvaluation {
  orders: number;
  lateRate: number;
  from: string;
  to: string;
  model: RiskScores;
  rules: RiskScores;
}

/** The model and the rules scored on the same held-out orders. */
export async function evaluate(
  artifact: RiskModelArtifact,
  heldOut: readonly RiskHistoryRow[],
): Promise<RiskEvaluation> {
  const labels: number[] = heldOut.map((r) => (r.late ? 1 : 0));
  const model = await predictRiskBatch(
    artifact,
    heldOut.map((r) => riskFeatures(r.input)),
  );
  const rules = heldOut.map((r) =>
    rulesRisk(r.input, workingDaysBetween(r.input.orderedAt, r.input.requestedDate)),
  );
  const scores = (p: ArrayLike<number>): RiskScores => ({
    auc: round(rocAuc(p, labels)),
    brier: round(brierScore(p, labels)),
    logLoss: round(logLoss(p, labels)),
  });
  return {
    orders: heldOut.length,
    lateRate: round(labels.reduce((a, b) => a + b, 0) / Math.max(1, labels.length)),
    from: heldOut[0]?.input.orderedAt.toISOString() ?? '',
    to: heldOut[heldOut.length - 1]?.input.orderedAt.toISOString() ?? '',
    model: scores(model),
    rules: scores(rules),
  };
}

/** The comparison as a table. */
export function evaluationTable(e: RiskEvaluation): string {
  const row = (name: string, s: RiskScores) =>
    `${name.padEnd(8)} ${s.auc.toFixed(4).padStart(8)} ${s.brier.toFixed(4).padStart(8)} ${s.logLoss.toFixed(4).padStart(9)}`;
  return [
    `held out: ${e.orders.toLocaleString('en')} later orders (${e.from.slice(0, 10)} … ${e.to.slice(0, 10)}), ${(100 * e.lateRate).toFixed(1)}% late`,
    `${''.padEnd(8)} ${'AUC'.padStart(8)} ${'Brier'.padStart(8)} ${'log loss'.padStart(9)}`,
    row('model', e.model),
    row('rules', e.rules),
  ].join('\n');
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
