import {
  ACTION_FEATURES,
  type ActionInput,
  type ActionModelArtifact,
  type RankingCandidate,
} from '@ordex/decision';
import { GraphClient, type GraphResponse } from '@ordex/platform';
import { ActionRankingService } from './action-ranking.service';

/** A model by hand: escalating adds 6 to the log-odds; every input is within its range. */
const artifact: ActionModelArtifact = {
  model: 'action-outcome',
  version: 'action-outcome-hand',
  features: [...ACTION_FEATURES],
  means: ACTION_FEATURES.map(() => 0),
  stds: ACTION_FEATURES.map(() => 1),
  weights: ACTION_FEATURES.map((f) => (f === 'action_ESCALATE' ? 6 : 0)),
  bias: -3,
  trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
  rows: 1000,
  positiveRate: 0.4,
  ranges: ACTION_FEATURES.map(() => ({ min: -1e9, max: 1e9 })),
  dataFingerprint: '0'.repeat(64),
  library: '@tensorflow/tfjs 4.22.0',
  hyperparameters: { epochs: 1, batchSize: 1, learningRate: 0.1, l2: 0 },
};

const action = (name: string, cost: number): ActionInput => ({
  action: name,
  category: 'STOCK_SHORTAGE',
  cost,
  marginEffect: 0,
  dateEffectDays: 0,
  confidence: 0.8,
  automatable: true,
  orderValue: 900,
  lines: 2,
  segment: 'SMB',
  tier: 'SILVER',
  monthEnd: false,
  recentExceptions: 0,
  exceptions: 1,
});

/** One stock shortage: the rules prefer the cheaper transfer; the customer notice comes last. */
const candidates: RankingCandidate[] = [
  { exception: 'E1', rulesRank: 1, input: action('ALTERNATE_DC', 10) },
  { exception: 'E1', rulesRank: 2, input: action('ESCALATE', 20) },
  { exception: null, rulesRank: 3, input: { ...action('NOTIFY_CUSTOMER', 0), category: null } },
];

/** The model registry answering with its champion (or none). */
class Registry extends GraphClient {
  constructor(public champion: ActionModelArtifact | null) {
    super({ url: () => undefined, token: async () => '' });
  }

  override async request<T>(): Promise<GraphResponse<T>> {
    const championModel = this.champion && {
      version: this.champion.version,
      artifact: JSON.stringify(this.champion),
    };
    return { data: { championModel } as T, errors: [] };
  }
}

describe('ActionRankingService', () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });

  it("ranks by the model while it serves, and in the rules' order once it is stopped, saying why", () => {
    process.env = { ...env, ACTION_RANKING_BUDGET_MS: '1000' };
    const service = new ActionRankingService();
    service.use(artifact);
    const ranked = service.rank(candidates);
    expect([ranked.source, ranked.modelVersion, ranked.fallbackReason]).toEqual([
      'model',
      'action-outcome-hand',
      null,
    ]);
    expect(ranked.ranked.map((r) => r.rank)).toEqual([2, 1, 3]);
    expect(ranked.ranked[1].successProbability).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(ranked.ranked[1].explanation[0]).toEqual({ feature: 'action_ESCALATE', contribution: 6 });
    expect(ranked.ranked[2]).toEqual({
      rank: 3,
      successProbability: null,
      expectedValue: null,
      explanation: [],
    });

    service.use(null);
    expect(service.modelVersion).toBeNull();
    const rules = service.rank(candidates);
    expect([rules.source, rules.modelVersion, rules.fallbackReason]).toEqual(['rules', null, 'unavailable']);
    expect(rules.ranked.map((r) => [r.rank, r.successProbability, r.explanation])).toEqual([
      [1, null, []],
      [2, null, []],
      [3, null, []],
    ]);
  });

  it("keeps the rules' order when an action's figures lie outside what the model was trained on", () => {
    process.env = { ...env, ACTION_RANKING_BUDGET_MS: '1000' };
    const service = new ActionRankingService();
    service.use({
      ...artifact,
      ranges: ACTION_FEATURES.map((f) => (f === 'log_cost' ? { min: 0, max: 1 } : { min: -1e9, max: 1e9 })),
    });
    expect(service.rank(candidates)).toMatchObject({
      source: 'rules',
      modelVersion: 'action-outcome-hand',
      fallbackReason: 'out-of-range',
      outOfRange: ['log_cost'],
    });
  });

  it("serves the registry's champion and stops the model when the registry has none", async () => {
    process.env = { ...env, ACTION_MODEL_REFRESH_MS: '0' };
    const registry = new Registry(artifact);
    const service = new ActionRankingService(registry);
    await service.refresh();
    expect(service.modelVersion).toBe('action-outcome-hand');
    registry.champion = null;
    await service.refresh();
    expect(service.modelVersion).toBeNull();
  });

  it('refuses a registry champion that is not an action-outcome model', async () => {
    process.env = { ...env, ACTION_MODEL_REFRESH_MS: '0' };
    const service = new ActionRankingService(
      new Registry({ ...artifact, model: 'service-risk' } as unknown as ActionModelArtifact),
    );
    await expect(service.refresh()).rejects.toThrow(/model is service-risk/);
    expect(service.modelVersion).toBeNull();
  });

  it('starts without a model when none is configured or the file does not load', () => {
    process.env = { ...env, ACTION_MODEL_PATH: '/nonexistent/action-outcome.json' };
    const service = new ActionRankingService();
    service.onModuleInit();
    expect(service.rank(candidates)).toMatchObject({ source: 'rules', fallbackReason: 'unavailable' });
  });

  it('refuses a bad setting with a clear error', () => {
    process.env = { ...env, ACTION_RANKING_BUDGET_MS: '0' };
    expect(() => new ActionRankingService()).toThrow(/ACTION_RANKING_BUDGET_MS/);
  });
});
