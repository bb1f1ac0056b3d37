import {
  DEFAULT_LOGISTIC_TRAINING,
  LogisticModel,
  predictLogisticBatch,
  trainLogisticModel,
  type LogisticModelArtifact,
  type LogisticTrainingOptions,
} from '../logistic/logistic-model';

/** Everything a trained service-risk model is: what the model registry records and inference loads. */
export type RiskModelArtifact = LogisticModelArtifact<'service-risk'>;

export type RiskTrainingOptions = LogisticTrainingOptions;

export const DEFAULT_RISK_TRAINING: RiskTrainingOptions = DEFAULT_LOGISTIC_TRAINING;

/** One example: an order's features (see RISK_FEATURES), when it arrived, and whether it was late. */
export interface RiskExample {
  features: Float32Array;
  orderedAt: Date;
  late: boolean;
}

/**
 * Trains the service-risk model: a logistic regression over the order's features (see
 * {@link trainLogisticModel}); the positive label is "shipped after the promised date".
 */
export function trainRiskModel(
  examples: readonly RiskExample[],
  features: readonly string[],
  options: RiskTrainingOptions = DEFAULT_RISK_TRAINING,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<RiskModelArtifact> {
  return trainLogisticModel(
    'service-risk',
    examples.map((e) => ({ features: e.features, at: e.orderedAt, positive: e.late })),
    features,
    options,
    onEpoch,
  );
}

/** A trained service-risk model: `predict` is the probability that the order misses its promised date. */
export class RiskModel extends LogisticModel<'service-risk'> {}

/** Scores many orders at once with TensorFlow.js (evaluation, backtests). */
export function predictRiskBatch(
  artifact: RiskModelArtifact,
  rows: readonly Float32Array[],
): Promise<Float32Array> {
  return predictLogisticBatch(artifact, rows);
}
