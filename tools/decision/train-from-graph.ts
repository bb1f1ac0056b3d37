import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SeededRandom, shuffled } from '@ordex/demo-data';
import {
  ACTION_FEATURES,
  actionFeatures,
  brierScore,
  DEFAULT_LOGISTIC_TRAINING,
  predictLogisticBatch,
  rocAuc,
  trainActionModel,
} from '@ordex/decision';
import { examplesFromOutcomes, fetchOutcomes } from './outcome-examples';
import { progress } from './risk-examples';

export const FROM_GRAPH_USAGE = `npm run train -- --from-graph [--graphql URL] [--token T] [--from ISO] [--to ISO]
                 [--action-out FILE] [--train-share F] [--epochs N] [--seed N]

Trains the action-outcome model on a deployment's own history: every action taken on a case in
[from, to) as actionOutcomes answers it through the gateway, with what ordex ranked it on and its
fate (succeeded: settled its exception and the order shipped on time; failed: rejected, refused by
the ERP, undone by rework, or the order shipped late). The earlier share is learned from, the later
actions held out and scored against the recommender's own confidence. Writes the model as JSON for
npm run register-model. Needs a token with analytics access (ORDEX_TOKEN).`;

/** At least this many examples, of both outcomes, before a model is worth training. */
const MIN_EXAMPLES = 50;

/** `npm run train -- --from-graph`: the action-outcome model from the graph's actionOutcomes. */
export async function trainFromGraph(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'from-graph': { type: 'boolean' },
      graphql: { type: 'string' },
      token: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'action-out': { type: 'string', default: 'tmp/models/action-outcome.json' },
      'train-share': { type: 'string', default: '0.7' },
      epochs: { type: 'string', default: String(DEFAULT_LOGISTIC_TRAINING.epochs) },
      seed: { type: 'string', default: '11' },
    },
  });
  const share = Number(values['train-share']);
  if (!(share > 0 && share < 1)) throw new Error('--train-share must be between 0 and 1');
  const epochs = Number(values.epochs);
  const seed = Number(values.seed);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error('--epochs must be a whole number from 1');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number from 0');

  const records = await fetchOutcomes(
    { graphql: values.graphql, token: values.token },
    { from: values.from, to: values.to },
    (count) => progress(`outcomes: ${count.toLocaleString('en')} actions read`),
  );
  const { examples, skipped } = examplesFromOutcomes(records);
  progress(
    `outcomes: ${examples.length.toLocaleString('en')} examples; waiting: ${skipped.pending} open, ` +
      `${skipped.unshipped} not shipped; left out: ${skipped.noInput} without a ranking input, ${skipped.invalid} unreadable` +
      (skipped.firstInvalid ? ` (${skipped.firstInvalid})` : ''),
  );
  const successes = examples.filter((e) => e.succeeded).length;
  if (examples.length < MIN_EXAMPLES || successes === 0 || successes === examples.length)
    throw new Error(
      `${examples.length} examples (${successes} succeeded): a model needs at least ${MIN_EXAMPLES}, with both outcomes`,
    );

  const cut = Math.round(examples.length * share);
  const train = shuffled(new SeededRandom(seed), examples.slice(0, cut));
  const heldOut = examples.slice(cut);
  const artifact = await trainActionModel(
    train,
    ACTION_FEATURES,
    { ...DEFAULT_LOGISTIC_TRAINING, epochs },
    (epoch, loss) => progress(`training actions: epoch ${epoch}/${epochs}, loss ${loss.toFixed(4)}`),
  );
  const labels = heldOut.map((e) => (e.succeeded ? 1 : 0) as 0 | 1);
  const model = await predictLogisticBatch(
    artifact,
    heldOut.map((e) => actionFeatures(e.input)),
  );
  const rules = heldOut.map((e) => e.input.confidence);
  const both = labels.includes(0) && labels.includes(1);
  const scores = (p: ArrayLike<number>) => ({
    auc: both ? round(rocAuc(p, labels)) : null,
    brier: heldOut.length ? round(brierScore(p, labels)) : null,
  });
  const evaluation = { actions: heldOut.length, model: scores(model), rules: scores(rules) };
  const out = values['action-out'] as string;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ ...artifact, source: 'graph', skipped, heldOut: evaluation }, null, 2)}\n`,
  );
  const figure = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  process.stdout.write(
    [
      `trained on ${train.length.toLocaleString('en')} actions taken, ${heldOut.length.toLocaleString('en')} later ones held out`,
      `${''.padEnd(8)} ${'AUC'.padStart(8)} ${'Brier'.padStart(8)}`,
      `${'model'.padEnd(8)} ${figure(evaluation.model.auc).padStart(8)} ${figure(evaluation.model.brier).padStart(8)}`,
      `${'rules'.padEnd(8)} ${figure(evaluation.rules.auc).padStart(8)} ${figure(evaluation.rules.brier).padStart(8)}   (the recommender's confidence)`,
      `wrote ${artifact.version} to ${out}`,
      JSON.stringify({ version: artifact.version, out, rows: artifact.rows, skipped, heldOut: evaluation }),
    ].join('\n') + '\n',
  );
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
