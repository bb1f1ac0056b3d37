import { RISK_FEATURES, type RiskInput, type RiskModelArtifact } from '@ordex/decision';
import { ServiceRiskService } from './service-risk.service';

/** A model by hand: a stock shortage adds 3 to the log-odds; every input is within its range. */
const artifact: RiskModelArtifact = {
  model: 'service-risk',
  version: 'service-risk-hand',
  features: [...RISK_FEATURES],
  means: RISK_FEATURES.map(() => 0),
  stds: RISK_FEATURES.map(() => 1),
  weights: RISK_FEATURES.map((f) => (f === 'category_STOCK_SHORTAGE' ? 3 : 0)),
  bias: -2,
  trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
  rows: 1000,
  positiveRate: 0.1,
  ranges: RISK_FEATURES.map(() => ({ min: -1e9, max: 1e9 })),
  dataFingerprint: '0'.repeat(64),
  library: '@tensorflow/tfjs 4.22.0',
  hyperparameters: { epochs: 1, batchSize: 1, learningRate: 0.1, l2: 0 },
};

const orders: RiskInput[] = ['STOCK_SHORTAGE', 'PRICE_MISMATCH', 'CREDIT_HOLD'].map((category, i) => ({
  orderedAt: new Date(`2026-11-0${i + 2}T09:00:00Z`),
  requestedDate: '2026-11-12',
  lines: 2,
  orderValue: 900,
  segment: 'SMB',
  tier: 'SILVER',
  monthEnd: false,
  categories: [category],
  recentExceptions: 0,
}));

describe('ServiceRiskService', () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });

  it('serves the model, and once the model is stopped every decision falls back to the rules, saying so', () => {
    process.env = { ...env, SERVICE_RISK_BUDGET_MS: '1000' };
    const service = new ServiceRiskService();
    service.use(artifact);
    expect(
      orders.map((o) => service.decide(o)).map((d) => [d.source, d.modelVersion, d.fallbackReason]),
    ).toEqual([
      ['model', 'service-risk-hand', null],
      ['model', 'service-risk-hand', null],
      ['model', 'service-risk-hand', null],
    ]);
    service.use(null);
    expect(service.modelVersion).toBeNull();
    const decisions = orders.map((o) => service.decide(o));
    expect(decisions.map((d) => [d.source, d.modelVersion, d.fallbackReason])).toEqual([
      ['rules', null, 'unavailable'],
      ['rules', null, 'unavailable'],
      ['rules', null, 'unavailable'],
    ]);
    expect(decisions.map((d) => d.rulesVersion)).toEqual(new Array(3).fill('service-risk-rules-1'));
  });

  it('starts without a model when none is configured or the file does not load', () => {
    process.env = { ...env, SERVICE_RISK_MODEL_PATH: '/nonexistent/service-risk.json' };
    const service = new ServiceRiskService();
    service.onModuleInit();
    expect(service.decide(orders[0])).toMatchObject({ source: 'rules', fallbackReason: 'unavailable' });
  });

  it('refuses a bad setting with a clear error', () => {
    process.env = { ...env, SERVICE_RISK_UNSURE_BAND: '0.9' };
    expect(() => new ServiceRiskService()).toThrow(/SERVICE_RISK_UNSURE_BAND/);
  });
});
