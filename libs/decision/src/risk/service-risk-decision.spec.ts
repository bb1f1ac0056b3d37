import { RISK_FEATURES, riskFeatures, type RiskInput } from './risk-input';
import { RiskModel, type RiskModelArtifact } from './risk-model';
import { RISK_RULES, rulesRisk } from './rules-risk';
import { decideServiceRisk } from './service-risk-decision';

const input: RiskInput = {
  orderedAt: new Date('2026-11-02T09:00:00Z'),
  requestedDate: '2026-11-05',
  lines: 2,
  orderValue: 1200,
  segment: 'REGIONAL',
  tier: 'GOLD',
  monthEnd: false,
  categories: ['STOCK_SHORTAGE'],
  recentExceptions: 1,
};

/** A model by hand: only the stock-shortage indicator counts, with `weight`; every input in range. */
function model(weight: number, bias = -2, ranges?: RiskModelArtifact['ranges']): RiskModel {
  const width = RISK_FEATURES.length;
  const weights = RISK_FEATURES.map((f) => (f === 'category_STOCK_SHORTAGE' ? weight : 0));
  return new RiskModel({
    model: 'service-risk',
    version: 'service-risk-test',
    features: [...RISK_FEATURES],
    means: new Array(width).fill(0),
    stds: new Array(width).fill(1),
    weights,
    bias,
    trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
    rows: 1000,
    positiveRate: 0.1,
    ranges: ranges ?? new Array(width).fill(0).map(() => ({ min: -1e9, max: 1e9 })),
    dataFingerprint: 'f'.repeat(64),
    library: '@tensorflow/tfjs 4.22.0',
    hyperparameters: { epochs: 1, batchSize: 1, learningRate: 0.1, l2: 0 },
  });
}

describe('decideServiceRisk', () => {
  const rulesProbability = rulesRisk(input, 3);

  it('uses the model when it may, with its version and top contributions', () => {
    const frozen = () => 0; // a first call in a cold process may take longer than the budget
    const decision = decideServiceRisk(model(3), input, undefined, frozen);
    expect(decision).toMatchObject({
      source: 'model',
      modelVersion: 'service-risk-test',
      rulesVersion: RISK_RULES.version,
      fallbackReason: null,
    });
    expect(decision.probability).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(decision.explanation[0]).toEqual({ feature: 'category_STOCK_SHORTAGE', contribution: 3 });
  });

  it('falls back to the rules, saying why: no model, outside its range, too slow, too close to call', () => {
    expect(decideServiceRisk(null, input)).toEqual({
      probability: rulesProbability,
      source: 'rules',
      modelVersion: null,
      rulesVersion: RISK_RULES.version,
      fallbackReason: 'unavailable',
      explanation: [{ feature: 'category_STOCK_SHORTAGE', contribution: 0.6 }],
      outOfRange: [],
    });
    const features = riskFeatures(input);
    const narrow = RISK_FEATURES.map((f, i) =>
      f === 'lines' ? { min: 3, max: 5 } : { min: features[i], max: features[i] },
    );
    expect(decideServiceRisk(model(3, -2, narrow), input)).toMatchObject({
      source: 'rules',
      modelVersion: 'service-risk-test',
      fallbackReason: 'out-of-range',
      outOfRange: ['lines'],
    });
    let t = 0;
    const slowClock = () => (t += 5);
    expect(decideServiceRisk(model(3), input, { budgetMs: 2, unsureBand: 0.02 }, slowClock)).toMatchObject({
      source: 'rules',
      fallbackReason: 'slow',
      probability: rulesProbability,
    });
    // weight 2, bias −2: exactly 0.5.
    expect(decideServiceRisk(model(2), input, undefined, () => 0)).toMatchObject({
      source: 'rules',
      fallbackReason: 'unsure',
    });
  });
});
