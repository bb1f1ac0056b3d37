import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';

/** Everything a trained service-risk model is: what the model registry records and inference loads. */
export interface RiskModelArtifact {
  model: 'service-risk';
  /** `service-risk-` and the first 12 hex digits of the data fingerprint. */
  version: string;
  features: string[];
  /** Standardisation the weights expect: (x − mean) / std, a std of 0 read as 1. */
  means: number[];
  stds: number[];
  weights: number[];
  bias: number;
  /** The orders trained on: their arrival window, count and share that missed their date. */
  trainingWindow: { from: string; to: string };
  rows: number;
  positiveRate: number;
  /** Per feature, the range seen in training: inputs outside it are outside the model's knowledge. */
  ranges: { min: number; max: number }[];
  /** SHA-256 of the training rows and labels, in order. */
  dataFingerprint: string;
  library: string;
  hyperparameters: RiskTrainingOptions;
}

export interface RiskTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights. */
  l2: number;
}

export const DEFAULT_RISK_TRAINING: RiskTrainingOptions = {
  epochs: 30,
  batchSize: 256,
  learningRate: 0.02,
  l2: 1e-4,
};

/** One example: an order's features (see RISK_FEATURES), when it arrived, and whether it was late. */
export interface RiskExample {
  features: Float32Array;
  orderedAt: Date;
  late: boolean;
}

/** One feature's share of a prediction: its weight times its standardised value, in log-odds. */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/**
 * Trains the service-risk model: a logistic regression (one sigmoid unit, binary cross-entropy,
 * Adam, L2) in TensorFlow.js on standardised features. Deterministic: weights start at zero and
 * the examples are taken in the order given (callers shuffle with a seed when they want to).
 * `onEpoch` hears each epoch's loss, for progress.
 */
export async function trainRiskModel(
  examples: readonly RiskExample[],
  features: readonly string[],
  options: RiskTrainingOptions = DEFAULT_RISK_TRAINING,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<RiskModelArtifact> {
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
    examples.map((e) => (e.late ? 1 : 0)),
    [examples.length, 1],
  );
  const { mean, variance } = tf.moments(raw, 0);
  const std = tf.sqrt(variance);
  const safeStd = tf.where(tf.equal(std, 0), tf.onesLike(std), std);
  const x = raw.sub(mean).div(safeStd);
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      inputShape: [width],
      kernelInitializer: 'zeros',
      biasInitializer: 'zeros',
      kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  await model.fit(x, labels, {
    epochs: options.epochs,
    batchSize: options.batchSize,
    shuffle: false,
    verbose: 0,
    callbacks: { onEpochEnd: (epoch, logs) => onEpoch?.(epoch + 1, logs?.loss ?? NaN) },
  });
  const [kernel, bias] = model.getWeights();
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
  model.dispose();

  const fingerprint = dataFingerprint(examples);
  const times = examples.map((e) => e.orderedAt.getTime());
  const late = examples.filter((e) => e.late).length;
  return {
    model: 'service-risk',
    version: `service-risk-${fingerprint.slice(0, 12)}`,
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
    positiveRate: late / examples.length,
    ranges: Array.from(minValues, (min, i) => ({ min, max: maxValues[i] })),
    dataFingerprint: fingerprint,
    library: `@tensorflow/tfjs ${tf.version.tfjs}`,
    hyperparameters: { ...options },
  };
}

/**
 * A trained service-risk model, scoring one order at a time without the training library: the
 * logistic regression's arithmetic on the stored weights (the same TensorFlow.js computes; a test
 * holds the two together), which keeps a decision well inside its latency budget.
 */
export class RiskModel {
  constructor(readonly artifact: RiskModelArtifact) {
    const width = artifact.features.length;
    for (const list of [artifact.means, artifact.stds, artifact.weights, artifact.ranges])
      if (list.length !== width)
        throw new Error(`model ${artifact.version} is inconsistent: ${list.length} ≠ ${width}`);
  }

  /** The probability that the order misses its promised date. */
  predict(features: Float32Array): number {
    return sigmoid(this.logit(features));
  }

  /** The features that moved this prediction most, largest effect first. */
  explain(features: Float32Array, top = 3): FeatureContribution[] {
    return this.contributions(features)
      .sort(
        (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature),
      )
      .slice(0, top);
  }

  /** The features outside the range the model was trained on (it has not learned what they do there). */
  outOfRange(features: Float32Array): string[] {
    return this.artifact.ranges.flatMap(({ min, max }, i) =>
      features[i] < min || features[i] > max ? [this.artifact.features[i]] : [],
    );
  }

  private logit(features: Float32Array): number {
    this.check(features);
    const { means, stds, weights, bias } = this.artifact;
    let z = bias;
    for (let i = 0; i < weights.length; i++) z += weights[i] * ((features[i] - means[i]) / stds[i]);
    return z;
  }

  private contributions(features: Float32Array): FeatureContribution[] {
    this.check(features);
    const { means, stds, weights, features: names } = this.artifact;
    return names.map((feature, i) => ({
      feature,
      contribution: weights[i] * ((features[i] - means[i]) / stds[i]),
    }));
  }

  private check(features: Float32Array): void {
    if (features.length !== this.artifact.features.length)
      throw new Error(
        `model ${this.artifact.version} takes ${this.artifact.features.length} features, not ${features.length}`,
      );
  }
}

/** Scores many orders at once with TensorFlow.js (evaluation, backtests). */
export async function predictRiskBatch(
  artifact: RiskModelArtifact,
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

function dataFingerprint(examples: readonly RiskExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    hash.update(Buffer.from(e.features.buffer, e.features.byteOffset, e.features.byteLength));
    hash.update(e.late ? '1' : '0');
  }
  return hash.digest('hex');
}
