import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import {
  DEFAULT_TRIAGE_THRESHOLD,
  NEUTRAL_NOTE,
  TRIAGE_CLASSES,
  type TextTriage,
  type TriageExample,
  type TriageResult,
} from './triage';
import type { TriageEvaluation } from './triage-evaluation';
import {
  checkFeaturizer,
  DEFAULT_TRIAGE_FEATURIZER,
  denseTriageFeatures,
  TRIAGE_FEATURE_SCHEME,
  triageFeatures,
  type TriageFeaturizerConfig,
} from './triage-features';

export interface TriageTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights: keeps a rare word from deciding a note alone. */
  l2: number;
}

export const DEFAULT_TRIAGE_TRAINING: TriageTrainingOptions = {
  epochs: 8,
  batchSize: 64,
  learningRate: 0.02,
  l2: 1e-5,
};

/** Everything a trained text-triage model is: what the repository ships and inference loads. */
export interface TriageModelArtifact {
  model: 'text-triage';
  /** `text-triage-` and the first 12 hex digits of the data fingerprint. */
  version: string;
  featurizer: TriageFeaturizerConfig;
  /**
   * The classes, in the order of the weights' columns and the biases: the categories, then
   * `NEUTRAL_NOTE` (an artifact trained before the neutral class has only the categories).
   */
  classes: string[];
  /**
   * `dimension × classes` weights, row by row: bucket i's weight for class c is at
   * `i · classes.length + c`. Rounded to 6 significant digits (float32 holds about 7), which keeps
   * the file small and moves no probability by more than about 1e-5.
   */
  weights: number[];
  biases: number[];
  /** The notes trained on. */
  examples: number;
  /** SHA-256 of the training notes and their labels, in order. */
  dataFingerprint: string;
  library: string;
  hyperparameters: TriageTrainingOptions;
  /** The last epoch's loss (cross-entropy plus the L2 penalty) and the accuracy on the notes trained on. */
  training: { loss: number; accuracy: number };
  /**
   * Scores on notes about a category from templates the model never saw, when the trainer had
   * them; over the categories only, so the figures compare with a model without the neutral class.
   */
  heldOut?: TriageEvaluation;
  /** Neutral notes from templates the model never saw: how many, and the share answered null. */
  heldOutNeutral?: { notes: number; leftAlone: number };
}

export interface TriageTrainingRun {
  training?: TriageTrainingOptions;
  featurizer?: TriageFeaturizerConfig;
  /** Hears each epoch's loss and training accuracy, for progress. */
  onEpoch?: (epoch: number, loss: number, accuracy: number) => void;
}

/**
 * Trains the text-triage model: a softmax over the hashed features (multinomial logistic
 * regression: one dense layer, categorical cross-entropy, Adam, L2) in TensorFlow.js.
 * Deterministic: weights start at zero and the notes are taken in the order given (callers
 * shuffle with a seed when they want to), so the same notes give the same weights.
 */
export async function trainTextTriage(
  examples: readonly TriageExample[],
  run: TriageTrainingRun = {},
): Promise<TriageModelArtifact> {
  const options = run.training ?? DEFAULT_TRIAGE_TRAINING;
  const featurizer = run.featurizer ?? DEFAULT_TRIAGE_FEATURIZER;
  checkFeaturizer(featurizer);
  if (examples.length === 0) throw new Error('no notes to train on');
  const classes = [...TRIAGE_CLASSES];
  const labels = examples.map((e) => {
    const label = classes.indexOf(e.category);
    if (label < 0) throw new Error(`"${e.category}" is not a triage category`);
    return label;
  });
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const { dimension } = featurizer;
  const x = tf.tensor2d(
    concat(
      examples.map((e) => denseTriageFeatures(e.text, featurizer)),
      dimension,
    ),
    [examples.length, dimension],
  );
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes.length);
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: classes.length,
      activation: 'softmax',
      inputShape: [dimension],
      kernelInitializer: 'zeros',
      biasInitializer: 'zeros',
      kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
    }),
  );
  model.compile({
    optimizer: tf.train.adam(options.learningRate),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  let loss = NaN;
  await model.fit(x, y, {
    epochs: options.epochs,
    batchSize: options.batchSize,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        loss = logs?.loss ?? NaN;
        run.onEpoch?.(epoch + 1, loss, logs?.acc ?? NaN);
      },
    },
  });
  const [kernel, bias] = model.getWeights();
  const [weights, biases] = await Promise.all([kernel.data(), bias.data()]);
  tf.dispose([x, y]);
  model.dispose();

  const fingerprint = dataFingerprint(examples);
  const artifact: TriageModelArtifact = {
    model: 'text-triage',
    version: `text-triage-${fingerprint.slice(0, 12)}`,
    featurizer: { ...featurizer },
    classes,
    weights: Array.from(weights, significant),
    biases: Array.from(biases, significant),
    examples: examples.length,
    dataFingerprint: fingerprint,
    library: `@tensorflow/tfjs ${tf.version.tfjs}`,
    hyperparameters: { ...options },
    training: { loss, accuracy: 0 },
  };
  const trained = new TextTriageModel(artifact);
  const right = examples.filter((e) => trained.top(e.text).category === e.category).length;
  artifact.training.accuracy = right / examples.length;
  return artifact;
}

/**
 * A trained text-triage model, scoring a note without the training library: the note's few
 * non-zero hashed features times their rows of weights (a sparse dot product; a test holds it to
 * what TensorFlow.js computes), then the softmax. Answers null when the neutral class is more
 * probable than every category, or the best category is below the threshold.
 */
export class TextTriageModel implements TextTriage {
  readonly threshold: number;

  constructor(
    readonly artifact: TriageModelArtifact,
    options: { threshold?: number } = {},
  ) {
    checkFeaturizer(artifact.featurizer);
    const classes = artifact.classes.length;
    if (
      artifact.weights.length !== artifact.featurizer.dimension * classes ||
      artifact.biases.length !== classes
    )
      throw new Error(
        `model ${artifact.version} is inconsistent: ${artifact.weights.length} weights and ${artifact.biases.length} biases for ${artifact.featurizer.dimension} × ${classes}`,
      );
    this.threshold = options.threshold ?? DEFAULT_TRIAGE_THRESHOLD;
    if (!(this.threshold >= 0 && this.threshold <= 1))
      throw new Error(`the threshold must be between 0 and 1, not ${this.threshold}`);
  }

  async classify(text: string): Promise<TriageResult> {
    const probabilities = this.probabilities(text);
    const { classes } = this.artifact;
    const neutral = classes.indexOf(NEUTRAL_NOTE);
    const categories = classes.map((_, i) => i).filter((i) => i !== neutral);
    const best = categories.reduce((b, c) => (probabilities[c] > probabilities[b] ? c : b));
    const confidence = probabilities[best];
    const aboutNothing = neutral >= 0 && probabilities[neutral] > confidence;
    return {
      category: !aboutNothing && confidence >= this.threshold ? classes[best] : null,
      confidence,
      scores: Object.fromEntries(categories.map((c) => [classes[c], probabilities[c]])),
      source: 'model',
      modelVersion: this.artifact.version,
    };
  }

  /** Per class (in `artifact.classes` order), the probability that the note is of it. */
  probabilities(text: string): number[] {
    const { classes, weights, biases, featurizer } = this.artifact;
    const width = classes.length;
    const logits = [...biases];
    const { indices, values } = triageFeatures(text, featurizer);
    indices.forEach((index, k) => {
      for (let c = 0; c < width; c++) logits[c] += values[k] * weights[index * width + c];
    });
    return softmax(logits);
  }

  /**
   * The most probable class (`NEUTRAL_NOTE` included), whatever the threshold (the first in class
   * order on a tie): what the training accuracy counts.
   */
  top(text: string, probabilities = this.probabilities(text)): { category: string; confidence: number } {
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
    return { category: this.artifact.classes[best], confidence: probabilities[best] };
  }
}

/** Scores many notes at once with TensorFlow.js: per note, the probability of each class. */
export async function predictTriageBatch(
  artifact: TriageModelArtifact,
  texts: readonly string[],
): Promise<number[][]> {
  if (texts.length === 0) return [];
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const { dimension } = artifact.featurizer;
  const width = artifact.classes.length;
  const result = tf.tidy(() => {
    const x = tf.tensor2d(
      concat(
        texts.map((t) => denseTriageFeatures(t, artifact.featurizer)),
        dimension,
      ),
      [texts.length, dimension],
    );
    return tf.softmax(
      x.matMul(tf.tensor2d(artifact.weights, [dimension, width])).add(tf.tensor1d(artifact.biases)),
    );
  });
  const rows = (await result.array()) as number[][];
  result.dispose();
  return rows;
}

const classScores = z.object({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number().int(),
});

const artifactSchema = z.object({
  model: z.literal('text-triage'),
  version: z.string(),
  featurizer: z.object({
    scheme: z.literal(TRIAGE_FEATURE_SCHEME),
    dimension: z.number().int(),
    charNgramMin: z.number().int(),
    charNgramMax: z.number().int(),
  }),
  classes: z.array(z.string()),
  weights: z.array(z.number()),
  biases: z.array(z.number()),
  examples: z.number().int(),
  dataFingerprint: z.string(),
  library: z.string(),
  hyperparameters: z.object({
    epochs: z.number().int(),
    batchSize: z.number().int(),
    learningRate: z.number(),
    l2: z.number(),
  }),
  training: z.object({ loss: z.number(), accuracy: z.number() }),
  heldOut: z
    .object({
      examples: z.number().int(),
      accuracy: z.number(),
      abstained: z.number(),
      macroF1: z.number(),
      perClass: z.record(classScores),
    })
    .optional(),
  heldOutNeutral: z.object({ notes: z.number().int(), leftAlone: z.number() }).optional(),
});

/** A model artifact read from JSON, checked field by field (a file is not trusted to be one). */
export function parseTriageArtifact(json: unknown): TriageModelArtifact {
  return artifactSchema.parse(json);
}

function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function significant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

function concat(rows: readonly Float32Array[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}

function dataFingerprint(examples: readonly TriageExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.category}\u0000${e.text}\u0000`);
  return hash.digest('hex');
}
