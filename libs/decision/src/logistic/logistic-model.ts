import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';

/** The learned models ordex trains and serves, by their registry name. */
export const MODEL_NAMES = ['service-risk', 'action-outcome'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/**
 * Everything a trained logistic model is: what the model registry records and inference loads.
 * Both of ordex's learned models (service risk, action outcome) have this shape.
 */
export interface LogisticModelArtifact<M extends ModelName = ModelName> {
  model: M;
  /** The model's name, `-` and the first 12 hex digits of the data fingerprint. */
  version: string;
  features: string[];
  /** Standardisation the weights expect: (x − mean) / std, a std of 0 read as 1. */
  means: number[];
  stds: number[];
  weights: number[];
  bias: number;
  /** The examples trained on: their time window, count and share of positive labels. */
  trainingWindow: { from: string; to: string };
  rows: number;
  positiveRate: number;
  /** Per feature, the range seen in training: inputs outside it are outside the model's knowledge. */
  ranges: { min: number; max: number }[];
  /** SHA-256 of the training rows and labels, in order. */
  dataFingerprint: string;
  library: string;
  hyperparameters: LogisticTrainingOptions;
}

export interface LogisticTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights. */
  l2: number;
}

export const DEFAULT_LOGISTIC_TRAINING: LogisticTrainingOptions = {
  epochs: 30,
  batchSize: 256,
  learningRate: 0.02,
  l2: 1e-4,
};

/** One training example: its features, when it happened, and its label. */
export interface LabelledExample {
  features: Float32Array;
  at: Date;
  positive: boolean;
}

/** One feature's share of a prediction: its weight times its standardised value, in log-odds. */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/**
 * Trains a logistic regression (one sigmoid unit, binary cross-entropy,
 * Adam, L2) in TensorFlow.js on standardised features. Deterministic: weights start at zero and
 * the examples are taken in the order given (callers shuffle with a seed when they want to).
 * `onEpoch` hears each epoch's loss, for progress.
 */
export async function trainLogisticModel<M extends ModelName>(
  model: M,
  examples: readonly LabelledExample[],
  features: readonly string[],
  options: LogisticTrainingOptions = DEFAULT_LOGISTIC_TRAINING,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<LogisticModelArtifact<M>> {
  if (examples.length === 0) throw new Error('no examples to train on');
  const width = features.length;
  for (const e of examples)
    if (e.features.length !== width)
      throw new Error(`an example has ${e.features.length} features, not ${width}`);
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const raw = tf.tensor2d(
    concat(
      examples.map((e) => e.features),
      width,
    ),
    [examples.length, width],
  );
  const labels = tf.tensor2d(
    examples.map((e) => (e.positive ? 1 : 0)),
    [examples.length, 1],
  );
  const { mean, variance } = tf.moments(raw, 0);
  const std = tf.sqrt(variance);
  const safeStd = tf.where(tf.equal(std, 0), tf.onesLike(std), std);
  const x = raw.sub(mean).div(safeStd);
  const network = tf.sequential();
  network.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      inputShape: [width],
      kernelInitializer: 'zeros',
      biasInitializer: 'zeros',
      kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
    }),
  );
  network.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  await network.fit(x, labels, {
    epochs: options.epochs,
    batchSize: options.batchSize,
    shuffle: false,
    verbose: 0,
    callbacks: { onEpochEnd: (epoch, logs) => onEpoch?.(epoch + 1, logs?.loss ?? NaN) },
  });
  const [kernel, bias] = network.getWeights();
  const mins = raw.min(0);
  const maxs = raw.max(0);
  const [weights, biasValue, means, stds, minValues, maxValues] = await Promise.all([
    kernel.data(),
    bias.data(),
    mean.data(),
    safeStd.data(),
    mins.data(),
    maxs.data(),
  ]);
  tf.dispose([raw, labels, mean, variance, std, safeStd, x, mins, maxs]);
  network.dispose();

  const fingerprint = dataFingerprint(examples);
  const times = examples.map((e) => e.at.getTime());
  const positives = examples.filter((e) => e.positive).length;
  return {
    model,
    version: `${model}-${fingerprint.slice(0, 12)}`,
    features: [...features],
    means: Array.from(means),
    stds: Array.from(stds),
    weights: Array.from(weights),
    bias: biasValue[0],
    trainingWindow: {
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
    },
    rows: examples.length,
    positiveRate: positives / examples.length,
    ranges: Array.from(minValues, (min, i) => ({ min, max: maxValues[i] })),
    dataFingerprint: fingerprint,
    library: `@tensorflow/tfjs ${tf.version.tfjs}`,
    hyperparameters: { ...options },
  };
}

/**
 * A trained logistic model, scoring one example at a time without the training library: the
 * logistic regression's arithmetic on the stored weights (the same TensorFlow.js computes; a test
 * holds the two together), which keeps a decision well inside its latency budget.
 */
export class LogisticModel<M extends ModelName = ModelName> {
  constructor(readonly artifact: LogisticModelArtifact<M>) {
    const width = artifact.features.length;
    for (const list of [artifact.means, artifact.stds, artifact.weights, artifact.ranges])
      if (list.length !== width)
        throw new Error(`model ${artifact.version} is inconsistent: ${list.length} ≠ ${width}`);
  }

  /** The probability of the positive label. */
  predict(features: Float32Array): number {
    return sigmoid(this.logit(features));
  }

  /**
   * The features that moved this prediction most, largest effect first (ties by name). Kept to a
   * top-k insertion, without sorting every feature: it runs on every decision.
   */
  explain(features: Float32Array, top = 3): FeatureContribution[] {
    this.check(features);
    if (top <= 0) return [];
    const { means, stds, weights, features: names } = this.artifact;
    const best: FeatureContribution[] = [];
    const before = (a: FeatureContribution, b: FeatureContribution) =>
      Math.abs(a.contribution) > Math.abs(b.contribution) ||
      (Math.abs(a.contribution) === Math.abs(b.contribution) && a.feature.localeCompare(b.feature) < 0);
    for (let i = 0; i < weights.length; i++) {
      const entry = { feature: names[i], contribution: weights[i] * ((features[i] - means[i]) / stds[i]) };
      if (best.length === top && !before(entry, best[top - 1])) continue;
      let at = Math.min(best.length, top - 1);
      if (best.length < top) best.push(entry);
      else best[at] = entry;
      while (at > 0 && before(best[at], best[at - 1])) {
        [best[at - 1], best[at]] = [best[at], best[at - 1]];
        at--;
      }
    }
    return best;
  }

  /** The features outside the range the model was trained on (it has not learned what they do there). */
  outOfRange(features: Float32Array): string[] {
    const outside: string[] = [];
    const { ranges } = this.artifact;
    for (let i = 0; i < ranges.length; i++)
      if (features[i] < ranges[i].min || features[i] > ranges[i].max) outside.push(this.artifact.features[i]);
    return outside;
  }

  private logit(features: Float32Array): number {
    this.check(features);
    const { means, stds, weights, bias } = this.artifact;
    let z = bias;
    for (let i = 0; i < weights.length; i++) z += weights[i] * ((features[i] - means[i]) / stds[i]);
    return z;
  }

  private check(features: Float32Array): void {
    if (features.length !== this.artifact.features.length)
      throw new Error(
        `model ${this.artifact.version} takes ${this.artifact.features.length} features, not ${features.length}`,
      );
  }
}

/** Scores many examples at once with TensorFlow.js (evaluation, backtests). */
export async function predictLogisticBatch(
  artifact: LogisticModelArtifact,
  rows: readonly Float32Array[],
): Promise<Float32Array> {
  if (rows.length === 0) return new Float32Array();
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const width = artifact.features.length;
  const result = tf.tidy(() => {
    const x = tf.tensor2d(concat(rows, width), [rows.length, width]);
    const z = x.sub(tf.tensor1d(artifact.means)).div(tf.tensor1d(artifact.stds));
    return tf
      .sigmoid(z.matMul(tf.tensor2d(artifact.weights, [width, 1])).add(artifact.bias))
      .reshape([rows.length]);
  });
  const data = (await result.data()) as Float32Array;
  result.dispose();
  return data;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function concat(rows: readonly Float32Array[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}

function dataFingerprint(examples: readonly LabelledExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    hash.update(Buffer.from(e.features.buffer, e.features.byteOffset, e.features.byteLength));
    hash.update(e.positive ? '1' : '0');
  }
  return hash.digest('hex');
}
