import { RISK_FEATURES } from '../risk/risk-input';
import { parseModelArtifact, parseRiskModelArtifact } from './model-artifact.schema';

const valid = {
  model: 'service-risk',
  version: 'service-risk-abc',
  features: [...RISK_FEATURES],
  means: RISK_FEATURES.map(() => 0),
  stds: RISK_FEATURES.map(() => 1),
  weights: RISK_FEATURES.map(() => 0.1),
  bias: -1,
  trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-06-30T00:00:00.000Z' },
  rows: 100,
  positiveRate: 0.1,
  ranges: RISK_FEATURES.map(() => ({ min: 0, max: 1 })),
  dataFingerprint: 'a'.repeat(64),
  library: '@tensorflow/tfjs 4.22.0',
  hyperparameters: { epochs: 30, batchSize: 256, learningRate: 0.02, l2: 0.0001 },
  heldOut: { orders: 10 },
};

describe('parseRiskModelArtifact', () => {
  it('accepts a model npm run train writes, extra fields kept', () => {
    expect(parseRiskModelArtifact(valid)).toMatchObject({
      version: 'service-risk-abc',
      heldOut: { orders: 10 },
    });
  });

  it('names every problem by its path', () => {
    expect(() => parseRiskModelArtifact({ ...valid, weights: [1], stds: valid.stds.map(() => 0) })).toThrow(
      /stds\.0 Number must be greater than 0.*weights has 1 entries for 28 features/s,
    );
    expect(() => parseRiskModelArtifact({ ...valid, model: 'eta', dataFingerprint: 'x' })).toThrow(
      /model Invalid enum value.*dataFingerprint a SHA-256 in hex/,
    );
    expect(() => parseRiskModelArtifact('{}')).toThrow(/^not a service-risk model: \(root\) Expected object/);
  });

  it('tells one model from another', () => {
    const action = { ...valid, model: 'action-outcome', version: 'action-outcome-abc' };
    expect(parseModelArtifact(action).model).toBe('action-outcome');
    expect(parseModelArtifact(action, 'action-outcome').version).toBe('action-outcome-abc');
    expect(() => parseRiskModelArtifact(action)).toThrow('not a service-risk model: model is action-outcome');
  });
});
