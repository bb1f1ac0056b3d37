import { ACTION_FEATURES, RISK_FEATURES, type LogisticModelArtifact } from '@ordex/decision';
import type { DataSource } from 'typeorm';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import { ModelStage } from './model-stage.enum';
import { ModelVersionEntity } from './model-version.entity';
import { ModelRegistryService } from './model-registry.service';

/** A trained model's artifact by hand: every weight 0, every input within range. */
function artifact(
  model: 'service-risk' | 'action-outcome',
  features: readonly string[],
): LogisticModelArtifact {
  return {
    model,
    version: `${model}-registry`,
    features: [...features],
    means: features.map(() => 0),
    stds: features.map(() => 1),
    weights: features.map(() => 0),
    bias: 0,
    trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
    rows: 500,
    positiveRate: 0.3,
    ranges: features.map(() => ({ min: -1e9, max: 1e9 })),
    dataFingerprint: 'a'.repeat(64),
    library: '@tensorflow/tfjs 4.22.0',
    hyperparameters: { epochs: 1, batchSize: 1, learningRate: 0.1, l2: 0 },
  };
}

/** The registry keeps every model ordex serves by the name its artifact gives, each with its own champion. */
describe('model registry (PostgreSQL)', () => {
  let db: DataSource;
  let close: () => Promise<void>;
  let registry: ModelRegistryService;

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    registry = new ModelRegistryService(db.getRepository(ModelVersionEntity), db);
  }, 60_000);

  afterAll(() => close?.());

  it('registers a service-risk and an action-outcome model, each under its own name, as SHADOW', async () => {
    const risk = await registry.register(JSON.stringify(artifact('service-risk', RISK_FEATURES)), 'it.ida');
    const action = await registry.register(
      JSON.stringify(artifact('action-outcome', ACTION_FEATURES)),
      'it.ida',
    );
    expect([risk.model, risk.version, risk.stage]).toEqual([
      'service-risk',
      'service-risk-registry',
      ModelStage.SHADOW,
    ]);
    expect([action.model, action.version, action.stage, action.featureList]).toEqual([
      'action-outcome',
      'action-outcome-registry',
      ModelStage.SHADOW,
      [...ACTION_FEATURES],
    ]);
    expect(action.metrics).toEqual({ rows: 500, positiveRate: 0.3 });
    expect((await registry.versionsOf('action-outcome')).map((v) => v.version)).toEqual([
      'action-outcome-registry',
    ]);
  });

  it("promotes the action-outcome model to champion without touching the service-risk model's", async () => {
    await registry.promote('service-risk', 'service-risk-registry', 'ops.admin');
    await registry.promote('action-outcome', 'action-outcome-registry', 'ops.admin');
    const champion = await registry.champion('action-outcome');
    expect(champion?.version).toBe('action-outcome-registry');
    expect(champion?.artifact).toMatchObject({ model: 'action-outcome', features: [...ACTION_FEATURES] });
    expect((await registry.champion('service-risk'))?.version).toBe('service-risk-registry');
  });

  it('refuses an artifact of a model ordex does not serve', async () => {
    await expect(
      registry.register(
        JSON.stringify({ ...artifact('action-outcome', ACTION_FEATURES), model: 'churn' }),
        'it.ida',
      ),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('not a model ordex knows'),
    });
  });
});
