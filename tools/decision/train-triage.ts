import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_TRIAGE_TRAINING,
  evaluateTriage,
  NEUTRAL_NOTE,
  TextTriageModel,
  trainTextTriage,
  TRIAGE_CATEGORIES,
  type TriageEvaluation,
} from '@ordex/decision';
import { progress } from './risk-examples';
import { DEFAULT_TRIAGE_CORPUS, triageCorpus } from './triage-corpus';

const SHIPPED = 'libs/decision/src/triage/triage-model.json';

const USAGE = `npm run train:triage -- [--out FILE] [--seed N] [--epochs N]

Trains the text-triage model (free-text order and hold notes → exception category, or none) on
the generated corpus, scores it on notes from templates it never trained on, and writes the model
(weights, classes, data fingerprint, training and held-out metrics) as JSON.
  --out FILE   where the model goes (default ${SHIPPED}, the model ordex ships)
  --seed N     the corpus generator's seed (default ${DEFAULT_TRIAGE_CORPUS.seed})
  --epochs N   training epochs (default ${DEFAULT_TRIAGE_TRAINING.epochs})`;

function parse(argv: string[]): { out: string; seed: number; epochs: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: SHIPPED },
      seed: { type: 'string', default: String(DEFAULT_TRIAGE_CORPUS.seed) },
      epochs: { type: 'string', default: String(DEFAULT_TRIAGE_TRAINING.epochs) },
    },
  });
  const whole = (name: 'seed' | 'epochs', min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}`);
    return n;
  };
  return { out: values.out, seed: whole('seed', 0), epochs: whole('epochs', 1) };
}

/** Per category precision, recall, F1 and support, then the macro-F1. */
function table(e: TriageEvaluation): string {
  const pad = (s: string) => s.padStart(9);
  const figure = (x: number) => pad(x.toFixed(3));
  return [
    `${'category'.padEnd(20)}${pad('precision')}${pad('recall')}${pad('F1')}${pad('notes')}`,
    ...TRIAGE_CATEGORIES.map((c) => {
      const s = e.perClass[c];
      return `${c.padEnd(20)}${figure(s.precision)}${figure(s.recall)}${figure(s.f1)}${pad(String(s.support))}`;
    }),
    `${'macro-F1'.padEnd(20)}${''.padStart(18)}${figure(e.macroF1)}${pad(String(e.examples))}`,
    `accuracy ${e.accuracy.toFixed(3)}, left null (below the threshold) ${(100 * e.abstained).toFixed(1)}%`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { out, seed, epochs } = parse(process.argv.slice(2));
  const corpus = triageCorpus({ ...DEFAULT_TRIAGE_CORPUS, seed });
  progress(
    `corpus: ${corpus.train.length} training notes from ${corpus.templates.train} templates, ${corpus.heldOut.length} held-out notes from ${corpus.templates.heldOut} other templates`,
  );
  const started = Date.now();
  const artifact = await trainTextTriage(corpus.train, {
    training: { ...DEFAULT_TRIAGE_TRAINING, epochs },
    onEpoch: (epoch, loss, accuracy) =>
      progress(
        `training: epoch ${epoch}/${epochs}, loss ${loss.toFixed(4)}, accuracy ${accuracy.toFixed(4)}`,
      ),
  });
  progress(`training: ${corpus.train.length} notes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const model = new TextTriageModel(artifact);
  const answer = async (text: string) => (await model.classify(text)).category;
  // The notes about a category are scored over the categories, as before the neutral class, so the
  // figures compare; the neutral notes are scored by how many are left without a category.
  const about = corpus.heldOut.filter((e) => e.category !== NEUTRAL_NOTE);
  const neutral = corpus.heldOut.filter((e) => e.category === NEUTRAL_NOTE);
  const heldOut = evaluateTriage(
    about,
    await Promise.all(about.map((e) => answer(e.text))),
    TRIAGE_CATEGORIES,
  );
  const neutralAnswers = await Promise.all(neutral.map((e) => answer(e.text)));
  const heldOutNeutral = {
    notes: neutral.length,
    leftAlone: neutral.length ? neutralAnswers.filter((a) => a === null).length / neutral.length : 0,
  };
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify({ ...artifact, heldOut, heldOutNeutral });
  writeFileSync(out, `${json}\n`);
  const bytes = statSync(out).size;
  process.stdout.write(
    `held out: ${heldOut.examples} notes about a category from templates never trained on\n${table(heldOut)}\n` +
      `held out: ${heldOutNeutral.notes} neutral notes, ${(100 * heldOutNeutral.leftAlone).toFixed(1)}% left without a category\n` +
      `wrote ${artifact.version} to ${out} (${(bytes / 1024).toFixed(0)} KiB)\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      version: artifact.version,
      out,
      bytes,
      trainingNotes: artifact.examples,
      training: artifact.training,
      heldOut,
      heldOutNeutral,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
