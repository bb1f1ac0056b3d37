import type { LogisticModelArtifact } from '../logistic/logistic-model';
import { ACTION_FEATURES, actionFeatures, type ActionInput } from './action-input';
import {
  ActionModel,
  DEFAULT_RANKING_VALUES,
  expectedActionValue,
  parseActionModelArtifact,
  rankActions,
  ranksByScore,
  trainActionModel,
  type ActionExample,
  type RankingCandidate,
} from './action-ranking';

const base: ActionInput = {
  action: 'ALTERNATE_DC',
  category: 'STOCK_SHORTAGE',
  cost: 40,
  marginEffect: 0,
  dateEffectDays: 0,
  confidence: 0.9,
  automatable: true,
  orderValue: 2_000,
  lines: 3,
  segment: 'REGIONAL',
  tier: 'SILVER',
  monthEnd: false,
  recentExceptions: 0,
  exceptions: 1,
};

/** A hand-set model: `weights` by feature name, every input within range unless `ranges` says otherwise. */
function model(
  weights: Record<string, number>,
  bias = 0,
  ranges?: Record<string, [number, number]>,
): ActionModel {
  const artifact: LogisticModelArtifact<'action-outcome'> = {
    model: 'action-outcome',
    version: 'action-outcome-test',
    features: [...ACTION_FEATURES],
    means: ACTION_FEATURES.map(() => 0),
    stds: ACTION_FEATURES.map(() => 1),
    weights: ACTION_FEATURES.map((f) => weights[f] ?? 0),
    bias,
    trainingWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-06-30T00:00:00.000Z' },
    rows: 100,
    positiveRate: 0.5,
    ranges: ACTION_FEATURES.map((f) => {
      const [min, max] = ranges?.[f] ?? [-1e9, 1e9];
      return { min, max };
    }),
    dataFingerprint: 'a'.repeat(64),
    library: '@tensorflow/tfjs 4.22.0',
    hyperparameters: { epochs: 1, batchSize: 1, learningRate: 0.1, l2: 0 },
  };
  return new ActionModel(parseActionModelArtifact(artifact));
}

const candidate = (
  exception: string | null,
  rulesRank: number,
  input: Partial<ActionInput>,
): RankingCandidate => ({
  exception,
  rulesRank,
  input: { ...base, ...input },
});

/** A short line whose rules put a substitute (cheaper, not automatable) above another DC, plus the customer notice. */
const shortLine = [
  candidate('e1', 1, {
    action: 'SUBSTITUTE',
    cost: 0,
    marginEffect: 20,
    confidence: 0.6,
    automatable: false,
  }),
  candidate('e1', 2, { action: 'ALTERNATE_DC', cost: 40 }),
  candidate('e2', 3, { action: 'RESYNC_ERP', category: 'ERP_SYNC', cost: 0 }),
  candidate(null, 4, { action: 'NOTIFY_CUSTOMER', category: null }),
];

describe('action features', () => {
  it('writes one value per feature, crossing the action with customer, month end, cost and history', () => {
    const features = actionFeatures({
      ...base,
      segment: 'KEY_ACCOUNT',
      tier: 'GOLD',
      monthEnd: true,
      recentExceptions: 3,
    });
    expect(features).toHaveLength(ACTION_FEATURES.length);
    const value = (name: string) => features[ACTION_FEATURES.indexOf(name)];
    expect(value('action_ALTERNATE_DC')).toBe(1);
    expect(value('action_SUBSTITUTE')).toBe(0);
    expect(value('category_STOCK_SHORTAGE')).toBe(1);
    expect(value('action_ALTERNATE_DC_x_key_account')).toBe(1);
    expect(value('action_ALTERNATE_DC_x_premium_tier')).toBe(1);
    expect(value('action_ALTERNATE_DC_x_month_end')).toBe(1);
    expect(value('action_ALTERNATE_DC_x_log_cost')).toBeCloseTo(Math.log1p(40), 5);
    expect(value('action_SUBSTITUTE_x_log_cost')).toBe(0);
    expect(value('action_ALTERNATE_DC_x_log_recent_exceptions')).toBeCloseTo(Math.log1p(3), 5);
    expect(value('automatable')).toBe(1);
    expect(value('segment_KEY_ACCOUNT')).toBe(1);
    expect(value('segment_SMB')).toBe(0);
    expect(value('tier_GOLD')).toBe(1);
    expect(value('month_end')).toBe(1);
    expect(value('log_recent_exceptions')).toBeCloseTo(Math.log1p(3), 5);
    expect(value('case_exceptions')).toBe(1);
    expect(value('lines')).toBe(3);
    expect(value('log_order_value')).toBeCloseTo(Math.log1p(2_000), 4);
    // Every other feature is zero: one action, one category, its own crosses only.
    const named = new Set([
      'action_ALTERNATE_DC',
      'category_STOCK_SHORTAGE',
      'action_ALTERNATE_DC_x_key_account',
      'action_ALTERNATE_DC_x_premium_tier',
      'action_ALTERNATE_DC_x_month_end',
      'action_ALTERNATE_DC_x_log_cost',
      'action_ALTERNATE_DC_x_log_recent_exceptions',
      'automatable',
      'segment_KEY_ACCOUNT',
      'tier_GOLD',
      'month_end',
      'log_recent_exceptions',
      'case_exceptions',
      'lines',
      'log_order_value',
      'log_cost',
      'rules_confidence',
    ]);
    expect(ACTION_FEATURES.filter((f) => !named.has(f) && value(f) !== 0)).toEqual([]);
  });

  it('bounds what would otherwise run away: days late at 30, margin share within ±1', () => {
    const features = actionFeatures({ ...base, dateEffectDays: 90, marginEffect: -50_000 });
    expect(features[ACTION_FEATURES.indexOf('date_effect_days')]).toBe(30);
    expect(features[ACTION_FEATURES.indexOf('margin_share')]).toBe(-1);
  });
});

describe('expected action value', () => {
  it('weighs success against rework, cost, days late, margin and a person’s handling', () => {
    const v = DEFAULT_RANKING_VALUES;
    expect(expectedActionValue(0.8, { ...base, cost: 40 })).toBeCloseTo(
      0.8 * v.resolvedValue - 0.2 * v.reworkCost - 40,
      6,
    );
    expect(
      expectedActionValue(0.8, { ...base, cost: 0, marginEffect: 20, dateEffectDays: 2, automatable: false }),
    ).toBeCloseTo(0.8 * v.resolvedValue - 0.2 * v.reworkCost + 20 - 2 * v.dayCost - v.touchCost, 6);
  });
});

/** Cold code under jest can be slower than a budget: only the budget test times. */
const untimed = { budgetMs: Number.POSITIVE_INFINITY };

describe('rankActions', () => {
  it('without a model keeps the rules order and says so', () => {
    const decision = rankActions(null, shortLine);
    expect(decision).toMatchObject({ source: 'rules', modelVersion: null, fallbackReason: 'unavailable' });
    expect(decision.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(decision.ranked.every((r) => r.successProbability === null && r.explanation.length === 0)).toBe(
      true,
    );
  });

  it('with a model that knows substitutes fail, puts the other DC first and explains why', () => {
    const decision = rankActions(
      model({ action_SUBSTITUTE: -3, action_ALTERNATE_DC: 1.5 }),
      shortLine,
      untimed,
    );
    expect(decision).toMatchObject({
      source: 'model',
      modelVersion: 'action-outcome-test',
      fallbackReason: null,
    });
    expect(decision.ranked.map((r) => r.rank)).toEqual([2, 1, 3, 4]);
    const [substitute, alternate, resync, notice] = decision.ranked;
    expect(substitute.successProbability).toBeCloseTo(1 / (1 + Math.exp(3)), 6);
    expect(alternate.successProbability).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 6);
    expect(alternate.expectedValue).toBeGreaterThan(substitute.expectedValue as number);
    expect(substitute.explanation[0]).toEqual({ feature: 'action_SUBSTITUTE', contribution: -3 });
    expect(resync.successProbability).toBeCloseTo(0.5, 6);
    expect(notice).toEqual({ rank: 4, successProbability: null, expectedValue: null, explanation: [] });
  });

  it('keeps exceptions in the rules order whatever their values', () => {
    const candidates = [
      candidate('a', 1, { action: 'BACKORDER', dateEffectDays: 10, automatable: false }),
      candidate('b', 2, { action: 'RESYNC_ERP' }),
    ];
    expect(
      rankActions(model({ action_RESYNC_ERP: 5 }), candidates, untimed).ranked.map((r) => r.rank),
    ).toEqual([1, 2]);
  });

  it('falls back when an input lies outside the training range, naming it', () => {
    const decision = rankActions(model({}, 0, { log_cost: [0, 3] }), shortLine, untimed);
    expect(decision).toMatchObject({
      source: 'rules',
      fallbackReason: 'out-of-range',
      outOfRange: ['log_cost'],
    });
    expect(decision.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('falls back on an action the model has no feature for', () => {
    const decision = rankActions(model({}), [candidate('e1', 1, { action: 'TELEPORT' })], untimed);
    expect(decision).toMatchObject({ fallbackReason: 'out-of-range', outOfRange: ['action_TELEPORT'] });
  });

  it('falls back when scoring the case takes longer than its budget', () => {
    let now = 0;
    const clock = () => (now += 5);
    const decision = rankActions(model({ action_SUBSTITUTE: -3 }), shortLine, { budgetMs: 2, clock });
    expect(decision).toMatchObject({ source: 'rules', fallbackReason: 'slow' });
    expect(decision.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });
});

describe('explanations', () => {
  it('are the largest contributions of all, by size then name, as a full sort would give', () => {
    const weights = Object.fromEntries(ACTION_FEATURES.map((f, i) => [f, ((i * 7919) % 13) - 6]));
    const trained = model(weights);
    for (const input of [base, { ...base, action: 'SUBSTITUTE', monthEnd: true, cost: 900, tier: 'GOLD' }]) {
      const features = actionFeatures(input);
      const all = ACTION_FEATURES.map((feature, i) => ({
        feature,
        contribution: weights[feature] * features[i],
      })).sort(
        (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature),
      );
      expect(trained.explain(features, 3)).toEqual(all.slice(0, 3));
      expect(trained.explain(features, 5)).toEqual(all.slice(0, 5));
      expect(trained.explain(features, 0)).toEqual([]);
    }
  });
});

describe('ranksByScore', () => {
  it('ranks within each exception by score, ties by rules rank, the case-level action last', () => {
    const candidates = [
      candidate(null, 1, { action: 'NOTIFY_CUSTOMER', category: null }),
      candidate('x', 2, {}),
      candidate('x', 3, {}),
      candidate('y', 4, {}),
      candidate('x', 5, {}),
    ];
    const scores = [99, 1, 1, 0, 7];
    expect(ranksByScore(candidates, (i) => scores[i])).toEqual([5, 2, 3, 4, 1]);
  });
});

describe('trainActionModel', () => {
  it('learns which action works from the outcomes of the actions taken', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const examples: ActionExample[] = Array.from({ length: 2_000 }, (_, i) => {
      const substitute = next() < 0.5;
      const input = { ...base, action: substitute ? 'SUBSTITUTE' : 'ALTERNATE_DC' };
      return {
        input,
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        succeeded: next() < (substitute ? 0.2 : 0.85),
      };
    });
    const artifact = await trainActionModel(examples, ACTION_FEATURES, {
      epochs: 20,
      batchSize: 128,
      learningRate: 0.05,
      l2: 0,
    });
    expect(artifact).toMatchObject({ model: 'action-outcome', rows: 2_000 });
    expect(artifact.version).toMatch(/^action-outcome-[0-9a-f]{12}$/);
    const trained = new ActionModel(artifact);
    const p = (action: string) => trained.predict(actionFeatures({ ...base, action }));
    expect(p('SUBSTITUTE')).toBeLessThan(0.3);
    expect(p('ALTERNATE_DC')).toBeGreaterThan(0.75);
  }, 60_000);
});
