import { parseArgs } from 'node:util';
import {
  biasReport,
  brierScore,
  DEFAULT_BIAS_OPTIONS,
  DEFAULT_RISK_TRAINING,
  DRIFT_THRESHOLDS,
  driftAlerts,
  featureDrift,
  logLoss,
  performanceBySegment,
  predictRiskBatch,
  RISK_FEATURES,
  riskFeatures,
  rocAuc,
  rulesRisk,
  trainRiskModel,
  workingDaysBetween,
  type BiasFlag,
  type DriftAlert,
  type FeatureDriftReport,
  type RiskModelArtifact,
  type SegmentPerformance,
  type SegmentRow,
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
): { options: RiskRunOptions; file?: string; actionFile?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string', default: '12000' },
      seed: { type: 'string', default: '11' },
      start: { type: 'string', default: '2026-09-01' },
      'train-share': { type: 'string', default: '0.7' },
      epochs: { type: 'string', default: String(DEFAULT_RISK_TRAINING.epochs) },
      [fileOption]: { type: 'string' },
      [`action-${fileOption}`]: { type: 'string' },
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
    actionFile: flags[`action-${fileOption}`],
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

/** Each held-out order's outcome and the two probabilities of it, in the order of the rows. */
export interface HeldOutScores {
  labels: (0 | 1)[];
  model: Float32Array;
  rules: number[];
}

/** The model and the rules scoring the same held-out orders. */
export async function scoreHeldOut(
  artifact: RiskModelArtifact,
  heldOut: readonly RiskHistoryRow[],
): Promise<HeldOutScores> {
  return {
    labels: heldOut.map((r) => (r.late ? 1 : 0)),
    model: await predictRiskBatch(
      artifact,
      heldOut.map((r) => riskFeatures(r.input)),
    ),
    rules: heldOut.map((r) =>
      rulesRisk(r.input, workingDaysBetween(r.input.orderedAt, r.input.requestedDate)),
    ),
  };
}

/** The model and the rules scored on the same held-out orders. */
export async function evaluate(
  artifact: RiskModelArtifact,
  heldOut: readonly RiskHistoryRow[],
): Promise<RiskEvaluation> {
  return evaluateScores(heldOut, await scoreHeldOut(artifact, heldOut));
}

/** The figures of scores already taken on the held-out orders. */
export function evaluateScores(heldOut: readonly RiskHistoryRow[], scored: HeldOutScores): RiskEvaluation {
  const { labels } = scored;
  const scores = (p: ArrayLike<number>): RiskScores => ({
    auc: round(rocAuc(p, labels)),
    brier: round(brierScore(p, labels)),
    logLoss: round(logLoss(p, labels)),
  });
  return {
    orders: heldOut.length,
    lateRate: round(labels.reduce<number>((a, b) => a + b, 0) / Math.max(1, labels.length)),
    from: heldOut[0]?.input.orderedAt.toISOString() ?? '',
    to: heldOut[heldOut.length - 1]?.input.orderedAt.toISOString() ?? '',
    model: scores(scored.model),
    rules: scores(scored.rules),
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

/** One customer segment or tier: the model's figures and the rules' on its held-out orders. */
export interface GroupComparison {
  group: string;
  model: SegmentPerformance;
  rules: SegmentPerformance;
}

/** What oversight of the model sees on the held-out orders. */
export interface RiskOversight {
  /** Each segment, then each tier, by name. */
  groups: GroupComparison[];
  /** The groups the model serves worse than the rest (see biasReport), and how many were judged. */
  bias: { judged: number; flagged: BiasFlag[] };
  /** The inputs' drift from the training orders to the held-out ones, and the alerts it raises. */
  drift: FeatureDriftReport;
  alerts: DriftAlert[];
}

/**
 * The model overseen on the held-out orders: its figures and the rules' in each customer segment
 * and tier, the groups it serves worse than the rest, and how far the held-out orders' features
 * have moved from those it was trained on.
 */
export function oversee(
  train: readonly RiskHistoryRow[],
  heldOut: readonly RiskHistoryRow[],
  scored: HeldOutScores,
): RiskOversight {
  const groups: GroupComparison[] = [];
  const bias: RiskOversight['bias'] = { judged: 0, flagged: [] };
  const by = (name: 'segment' | 'tier') => {
    const rows = (p: ArrayLike<number>): SegmentRow[] =>
      heldOut.map((r, i) => ({
        group: `${name} ${r.input[name] ?? 'none'}`,
        probability: p[i],
        label: scored.labels[i],
      }));
    const model = biasReport(rows(scored.model));
    const rules = performanceBySegment(rows(scored.rules));
    model.groups.forEach((g, i) => groups.push({ group: g.group, model: g, rules: rules.groups[i] }));
    bias.judged += model.groups.length - model.tooSmall.length;
    bias.flagged.push(...model.flagged);
  };
  by('segment');
  by('tier');
  const drift = featureDrift(
    train.map((r) => riskFeatures(r.input)),
    heldOut.map((r) => riskFeatures(r.input)),
    RISK_FEATURES,
  );
  return { groups, bias, drift, alerts: driftAlerts(drift) };
}

/** Oversight as tables: the groups, the bias flags, the `top` drifting features and the alerts. */
export function oversightTable(o: RiskOversight, top = 5): string {
  const auc = (g: SegmentPerformance) => (g.auc === null ? '—' : g.auc.toFixed(4));
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const widths = [20, 7, 7, 10, 10, 10, 12, 12];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('');
  const header = line([
    'group',
    'orders',
    'late',
    'predicted',
    'AUC model',
    'AUC rules',
    'Brier model',
    'Brier rules',
  ]);
  const rows = o.groups.map(({ group, model, rules }) =>
    line([
      group,
      model.count.toLocaleString('en'),
      percent(model.observedRate),
      percent(model.meanPredicted),
      auc(model),
      auc(rules),
      model.brier.toFixed(4),
      rules.brier.toFixed(4),
    ]),
  );
  const features = o.drift.features.slice(0, top);
  const { brierFactor, maxCalibrationGap, minRows } = DEFAULT_BIAS_OPTIONS;
  return [
    `by customer segment and tier (predicted: the model's mean probability)`,
    header,
    ...rows,
    o.bias.flagged.length === 0
      ? `bias: no group flagged of ${o.bias.judged} judged (a flag: Brier over ${brierFactor}× overall, or mean predicted over ${100 * maxCalibrationGap} points from observed, in groups of ${minRows} orders or more)`
      : [
          `bias: ${o.bias.flagged.length} of ${o.bias.judged} groups flagged`,
          ...o.bias.flagged.map((f) => `  ${f.message}`),
        ].join('\n'),
    '',
    `drift of the features, ${o.drift.referenceRows.toLocaleString('en')} training orders → ${o.drift.currentRows.toLocaleString('en')} held out (PSI, top ${features.length})`,
    `${'feature'.padEnd(36)} ${'PSI'.padStart(7)}  level`,
    ...features.map((f) => `${f.feature.padEnd(36)} ${f.psi.toFixed(4).padStart(7)}  ${f.level}`),
    o.alerts.length === 0
      ? `drift alerts: none (no feature over PSI ${DRIFT_THRESHOLDS.significant})`
      : [`drift alerts: ${o.alerts.length}`, ...o.alerts.map((a) => `  ${a.message}`)].join('\n'),
  ].join('\n');
}

/** Oversight in brief, for the JSON line: the flagged groups and the largest drift. */
export function oversightSummary(o: RiskOversight): {
  bias: { judged: number; flagged: { group: string; reasons: BiasFlag['reasons'] }[] };
  drift: { maxPsi: number; feature: string; alerts: number };
} {
  const worst = o.drift.features[0];
  return {
    bias: {
      judged: o.bias.judged,
      flagged: o.bias.flagged.map(({ group, reasons }) => ({ group, reasons })),
    },
    drift: { maxPsi: round(worst?.psi ?? 0), feature: worst?.feature ?? '', alerts: o.alerts.length },
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
