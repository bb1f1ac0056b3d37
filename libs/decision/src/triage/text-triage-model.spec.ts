import { loadShippedTriage } from './shipped-triage';
import {
  parseTriageArtifact,
  predictTriageBatch,
  TextTriageModel,
  trainTextTriage,
  type TriageModelArtifact,
  type TriageTrainingOptions,
} from './text-triage-model';
import { NEUTRAL_NOTE, TRIAGE_CATEGORIES, TRIAGE_CLASSES, type TriageExample } from './triage';
import { DEFAULT_TRIAGE_FEATURIZER } from './triage-features';

/** Three categories and the neutral class, three notes each, with words no other class uses. */
const TINY: TriageExample[] = [
  { text: 'credit limit exceeded, hold', category: 'CREDIT_HOLD' },
  { text: 'invoices overdue, credit block', category: 'CREDIT_HOLD' },
  { text: 'Kreditlimit überschritten', category: 'CREDIT_HOLD' },
  { text: 'out of stock in Hamburg', category: 'STOCK_SHORTAGE' },
  { text: 'short 20 pcs, backorder', category: 'STOCK_SHORTAGE' },
  { text: 'nicht auf Lager', category: 'STOCK_SHORTAGE' },
  { text: 'price does not match contract', category: 'PRICE_MISMATCH' },
  { text: 'margin below floor', category: 'PRICE_MISMATCH' },
  { text: 'Preisdifferenz zum Vertrag', category: 'PRICE_MISMATCH' },
  { text: 'please call before delivery', category: NEUTRAL_NOTE },
  { text: 'gate 3, ask for Anna', category: NEUTRAL_NOTE },
  { text: 'thanks for the quick help', category: NEUTRAL_NOTE },
];

const TINY_TRAINING: TriageTrainingOptions = { epochs: 30, batchSize: 4, learningRate: 0.1, l2: 0 };

describe('text-triage model (TensorFlow.js softmax over hashed features)', () => {
  let artifact: TriageModelArtifact;
  const epochs: number[] = [];

  beforeAll(async () => {
    artifact = await trainTextTriage(TINY, {
      training: TINY_TRAINING,
      onEpoch: (epoch) => epochs.push(epoch),
    });
  }, 60_000);

  it('learns its training notes: every one classified right, with a falling loss reported per epoch', async () => {
    expect(epochs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(artifact.training.accuracy).toBe(1);
    const model = new TextTriageModel(artifact, { threshold: 0 });
    for (const e of TINY)
      expect((await model.classify(e.text)).category).toBe(e.category === NEUTRAL_NOTE ? null : e.category);
  });

  it('trains deterministically: the same notes give the same weights and version', async () => {
    const again = await trainTextTriage(TINY, { training: TINY_TRAINING });
    expect(again.weights).toEqual(artifact.weights);
    expect(again.biases).toEqual(artifact.biases);
    expect(again.version).toBe(artifact.version);
    const reordered = await trainTextTriage([...TINY].reverse(), {
      training: { ...TINY_TRAINING, epochs: 1 },
    });
    expect(reordered.version).not.toBe(artifact.version);
  }, 60_000);

  it('records what it was trained on', () => {
    expect(artifact).toMatchObject({
      model: 'text-triage',
      featurizer: DEFAULT_TRIAGE_FEATURIZER,
      classes: TRIAGE_CLASSES,
      examples: 12,
      library: '@tensorflow/tfjs 4.22.0',
      hyperparameters: TINY_TRAINING,
    });
    expect(artifact.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(artifact.version).toBe(`text-triage-${artifact.dataFingerprint.slice(0, 12)}`);
    expect(artifact.weights).toHaveLength(4096 * 8);
    expect(artifact.biases).toHaveLength(8);
    for (const w of artifact.weights) expect(Number(w.toPrecision(6))).toBe(w);
  });

  it('scores without TensorFlow.js what TensorFlow.js scores', async () => {
    const shipped = loadShippedTriage();
    const notes = [
      'cust over limit, hold until payment received',
      'pls ship from Hamburg, Munich out of stock',
      "price on line 2 doesn't match agreement",
      'thanks, see you tomorrow',
      '',
    ];
    for (const model of [new TextTriageModel(artifact), shipped]) {
      const batch = await predictTriageBatch(model.artifact, notes);
      notes.forEach((note, i) => {
        const own = model.probabilities(note);
        expect(own).toHaveLength(8);
        own.forEach((p, c) => expect(p).toBeCloseTo(batch[i][c], 6));
      });
    }
    expect(await predictTriageBatch(shipped.artifact, [])).toEqual([]);
  });

  it('answers with every category’s probability, and null below the threshold', async () => {
    const note = 'credit limit exceeded';
    const model = new TextTriageModel(artifact);
    const confident = await model.classify(note);
    expect(confident.category).toBe('CREDIT_HOLD');
    expect(confident.source).toBe('model');
    expect(confident.modelVersion).toBe(artifact.version);
    expect(Object.keys(confident.scores)).toEqual(TRIAGE_CATEGORIES);
    const neutral = model.probabilities(note)[TRIAGE_CLASSES.indexOf(NEUTRAL_NOTE)];
    expect(Object.values(confident.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1 - neutral, 12);
    expect(confident.confidence).toBe(Math.max(...Object.values(confident.scores)));
    const strict = await new TextTriageModel(artifact, { threshold: 1 }).classify(note);
    expect(strict).toEqual({ ...confident, category: null });
  });

  it('answers null for a note of the neutral class, whatever the threshold', async () => {
    const note = 'pls call before delivery, thanks';
    const eager = await new TextTriageModel(artifact, { threshold: 0 }).classify(note);
    expect(eager.category).toBeNull();
    expect(Object.keys(eager.scores)).toEqual(TRIAGE_CATEGORIES);
    expect(eager.confidence).toBe(Math.max(...Object.values(eager.scores)));
    const probabilities = new TextTriageModel(artifact).probabilities(note);
    expect(eager.confidence).toBeLessThan(probabilities[TRIAGE_CLASSES.indexOf(NEUTRAL_NOTE)]);
  });

  it('reads an artifact trained before the neutral class: its classes are the categories alone', async () => {
    const neutral = TRIAGE_CLASSES.indexOf(NEUTRAL_NOTE);
    const older = parseTriageArtifact(
      JSON.parse(
        JSON.stringify({
          ...artifact,
          classes: TRIAGE_CATEGORIES,
          weights: artifact.weights.filter((_, i) => i % TRIAGE_CLASSES.length !== neutral),
          biases: artifact.biases.filter((_, c) => c !== neutral),
        }),
      ),
    );
    const result = await new TextTriageModel(older).classify('credit limit exceeded');
    expect(result.category).toBe('CREDIT_HOLD');
    expect(Object.keys(result.scores)).toEqual(TRIAGE_CATEGORIES);
    expect(Object.values(result.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses notes it cannot learn from and artifacts it cannot read', async () => {
    await expect(trainTextTriage([])).rejects.toThrow('no notes to train on');
    await expect(trainTextTriage([{ text: 'x', category: 'LATE' }])).rejects.toThrow(
      '"LATE" is not a triage category',
    );
    expect(() => new TextTriageModel({ ...artifact, biases: [0] })).toThrow(
      `model ${artifact.version} is inconsistent: 32768 weights and 1 biases for 4096 × 8`,
    );
    expect(() => new TextTriageModel(artifact, { threshold: 1.5 })).toThrow(
      'the threshold must be between 0 and 1, not 1.5',
    );
    expect(parseTriageArtifact(JSON.parse(JSON.stringify(artifact)))).toEqual(artifact);
    expect(() => parseTriageArtifact({ ...artifact, model: 'service-risk' })).toThrow();
    expect(() => parseTriageArtifact({ ...artifact, weights: 'none' })).toThrow();
  });
});
