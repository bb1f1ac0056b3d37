import { rocAuc } from '../metrics/classification-metrics';
import { predictRiskBatch, RiskModel, trainRiskModel, type RiskExample } from './risk-model';

/** A seeded generator (mulberry32), so the data and the training are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Orders whose lateness follows a known logistic rule: `shortage` raises it a lot, `slack` lowers it. */
function examples(count: number, seed: number): RiskExample[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const shortage = rnd() < 0.3 ? 1 : 0;
    const slack = Math.floor(rnd() * 10);
    const noise = rnd();
    const z = -2 + 3 * shortage - 0.3 * slack;
    const late = rnd() < 1 / (1 + Math.exp(-z));
    return {
      features: Float32Array.from([shortage, slack, noise]),
      orderedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      late,
    };
  });
}

const FEATURES = ['shortage', 'slack', 'noise'];

describe('service-risk model (TensorFlow.js logistic regression)', () => {
  let artifact: Awaited<ReturnType<typeof trainRiskModel>>;
  const train = examples(4000, 1);
  const test = examples(2000, 2);

  beforeAll(async () => {
    const epochs: number[] = [];
    artifact = await trainRiskModel(
      train,
      FEATURES,
      { epochs: 15, batchSize: 128, learningRate: 0.05, l2: 0 },
      (e) => epochs.push(e),
    );
    expect(epochs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  }, 60_000);

  it('learns the rule: the right signs, the irrelevant feature near zero, and ranks held-out orders well', async () => {
    const [shortage, slack, noise] = artifact.weights;
    expect(shortage).toBeGreaterThan(0.8);
    expect(slack).toBeLessThan(-0.5);
    expect(Math.abs(noise)).toBeLessThan(0.15);
    const scores = await predictRiskBatch(
      artifact,
      test.map((e) => e.features),
    );
    expect(
      rocAuc(
        scores,
        test.map((e) => (e.late ? 1 : 0)),
      ),
    ).toBeGreaterThan(0.75);
  });

  it('records what it was trained on', () => {
    expect(artifact).toMatchObject({
      model: 'service-risk',
      features: FEATURES,
      rows: 4000,
      trainingWindow: {
        from: '2026-01-01T00:00:00.000Z',
        to: new Date(Date.UTC(2026, 0, 1) + 3999 * 60_000).toISOString(),
      },
      library: '@tensorflow/tfjs 4.22.0',
    });
    expect(artifact.version).toBe(`service-risk-${artifact.dataFingerprint.slice(0, 12)}`);
    expect(artifact.positiveRate).toBeCloseTo(train.filter((e) => e.late).length / 4000, 12);
    expect(artifact.ranges[1]).toEqual({ min: 0, max: 9 });
  });

  it('is deterministic: the same data trains the same weights', async () => {
    const again = await trainRiskModel(train, FEATURES, artifact.hyperparameters);
    expect(again.weights).toEqual(artifact.weights);
    expect(again.dataFingerprint).toBe(artifact.dataFingerprint);
  }, 60_000);

  it('scores one order without TensorFlow.js exactly as TensorFlow.js does, and explains it', async () => {
    const model = new RiskModel(artifact);
    const rows = test.slice(0, 50).map((e) => e.features);
    const batch = await predictRiskBatch(artifact, rows);
    rows.forEach((row, i) => expect(model.predict(row)).toBeCloseTo(batch[i], 5));
    const [first] = model.explain(Float32Array.from([1, 0, 0.5]), 1);
    expect(first.feature).toBe('shortage');
    expect(first.contribution).toBeGreaterThan(0);
  });

  it('says which inputs lie outside what it was trained on, and refuses a wrong width', () => {
    const model = new RiskModel(artifact);
    expect(model.outOfRange(Float32Array.from([1, 25, 0.5]))).toEqual(['slack']);
    expect(model.outOfRange(Float32Array.from([0, 3, 0.5]))).toEqual([]);
    expect(() => model.predict(Float32Array.from([1, 2]))).toThrow(
      `model ${artifact.version} takes 3 features, not 2`,
    );
    expect(() => new RiskModel({ ...artifact, weights: [1] })).toThrow('is inconsistent: 1 ≠ 3');
  });
});
