import {
  DEFAULT_LOGISTIC_TRAINING,
  LogisticModel,
  trainLogisticModel,
  type FeatureContribution,
  type LogisticModelArtifact,
  type LogisticTrainingOptions,
} from '../logistic/logistic-model';
import { parseModelArtifact } from '../logistic/model-artifact.schema';
import { actionFeatures, isKnownAction, type ActionInput } from './action-input';

/** Everything a trained action-outcome model is: what the model registry records and inference loads. */
export type ActionModelArtifact = LogisticModelArtifact<'action-outcome'>;

/** A trained action-outcome model: `predict` is the probability that the action succeeds. */
export class ActionModel extends LogisticModel<'action-outcome'> {}

/** One action taken on a past case, and whether it succeeded (neither refused nor reworked, and on time). */
export interface ActionExample {
  input: ActionInput;
  at: Date;
  succeeded: boolean;
}

const FAILED_FATES: ReadonlySet<string> = new Set(['rejected', 'refused', 'reworked']);

/**
 * Whether an action taken succeeded, from its fate (analytics' actionOutcomes: rejected, refused,
 * reworked, settled or pending) and whether its order shipped late: it succeeded when it settled
 * its exception and the order shipped on the date last asked for; it failed when its approval was
 * rejected, the ERP refused it, rework undid it or the order shipped late. Null while its fate is
 * open, or it settled and the order has not shipped: not known yet.
 */
export function actionSucceeded(fate: string, orderLate: boolean | null): boolean | null {
  if (FAILED_FATES.has(fate)) return false;
  if (fate !== 'settled' || orderLate === null) return null;
  return !orderLate;
}

/** Trains the action-outcome model: a logistic regression over {@link actionFeatures}. */
export function trainActionModel(
  examples: readonly ActionExample[],
  features: readonly string[],
  options: LogisticTrainingOptions = DEFAULT_LOGISTIC_TRAINING,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<ActionModelArtifact> {
  return trainLogisticModel(
    'action-outcome',
    examples.map((e) => ({ features: actionFeatures(e.input), at: e.at, positive: e.succeeded })),
    features,
    options,
    onEpoch,
  );
}

/** {@link parseModelArtifact} for the action-outcome model. */
export function parseActionModelArtifact(value: unknown): ActionModelArtifact {
  return parseModelArtifact(value, 'action-outcome');
}

/**
 * What the ranking weighs besides an action's own cost, margin effect and date, in the order's
 * currency. Operators set them to what their people's time and their customers' patience cost.
 */
export interface RankingValues {
  /** What settling an exception at the first attempt is worth (no follow-up, the service kept). */
  resolvedValue: number;
  /** What an action that is refused or reworked costs on top (a person picks it up again). */
  reworkCost: number;
  /** What each day later than the customer asked costs. */
  dayCost: number;
  /** What a person's handling costs when the automation policy does not let ordex take the action alone. */
  touchCost: number;
}

export const DEFAULT_RANKING_VALUES: RankingValues = Object.freeze({
  resolvedValue: 120,
  reworkCost: 60,
  dayCost: 15,
  touchCost: 25,
});

/** One recommendation to rank: the exception it answers, its place under the rules, its facts. */
export interface RankingCandidate {
  /** The exception it answers (any stable key); null for an action on the whole case. */
  exception: string | null;
  /** Its rank under the rules (1 = best): the order when the rules rank, and the tie-break when the model does. */
  rulesRank: number;
  input: ActionInput;
}

/** A candidate's place in the ranking decided. */
export interface RankedAction {
  rank: number;
  /** The model's probability that the action succeeds; null when the rules ranked it. */
  successProbability: number | null;
  /** Its expected net value (see {@link expectedActionValue}); null when the rules ranked it. */
  expectedValue: number | null;
  /** The features that moved its success probability most, largest first; empty when the rules ranked it. */
  explanation: FeatureContribution[];
}

export type RankingFallbackReason = 'unavailable' | 'out-of-range' | 'slow';

/** How a case's recommendations were ordered, and by what — recorded on the case. */
export interface ActionRankingDecision {
  source: 'model' | 'rules';
  /** The model used, or consulted before the rules took over (null when there was none). */
  modelVersion: string | null;
  fallbackReason: RankingFallbackReason | null;
  /** The features outside the model's training range, when that was the reason. */
  outOfRange: string[];
  /** One entry per candidate, in the order the candidates were given. */
  ranked: RankedAction[];
}

/**
 * An action's expected net value: what a first-time settlement is worth times its chance, less
 * the rework its failure brings, its cost, the days it moves the customer's date and — when a
 * person must take it — their handling; plus its margin effect.
 */
export function expectedActionValue(
  successProbability: number,
  input: ActionInput,
  values: RankingValues = DEFAULT_RANKING_VALUES,
): number {
  return (
    successProbability * values.resolvedValue -
    (1 - successProbability) * values.reworkCost -
    input.cost +
    input.marginEffect -
    values.dayCost * Math.max(0, input.dateEffectDays) -
    (input.automatable ? 0 : values.touchCost)
  );
}

/**
 * Orders candidates by a score, best first within each exception: exceptions keep the order of
 * their best rules-ranked candidate, actions on the whole case come last in their rules order,
 * ties go by rules rank. Returns each candidate's 1-based rank, in the candidates' order.
 */
export function ranksByScore(
  candidates: readonly RankingCandidate[],
  score: (index: number) => number,
): number[] {
  const indices = candidates.map((_, i) => i);
  const exceptionOrder = new Map<string, number>();
  for (const i of [...indices].sort((a, b) => candidates[a].rulesRank - candidates[b].rulesRank)) {
    const key = candidates[i].exception;
    if (key !== null && !exceptionOrder.has(key)) exceptionOrder.set(key, exceptionOrder.size);
  }
  const group = (i: number) => {
    const key = candidates[i].exception;
    return key === null ? Number.MAX_SAFE_INTEGER : (exceptionOrder.get(key) as number);
  };
  const scores = indices.map((i) => (candidates[i].exception === null ? 0 : score(i)));
  const ordered = indices.sort(
    (a, b) =>
      group(a) - group(b) || scores[b] - scores[a] || candidates[a].rulesRank - candidates[b].rulesRank,
  );
  const ranks = new Array<number>(candidates.length);
  ordered.forEach((index, position) => (ranks[index] = position + 1));
  return ranks;
}

/**
 * Ranks a case's recommendations: by the learned model's expected net value when it may, else in
 * the rules' order — when no model is loaded, when an action or a figure lies outside what it was
 * trained on, or when scoring the case took longer than its budget. Actions on the whole case
 * (the customer notice) stay last in the rules' order either way. `clock` is injectable for tests.
 */
export function rankActions(
  model: ActionModel | null,
  candidates: readonly RankingCandidate[],
  options: { values?: RankingValues; budgetMs?: number; clock?: () => number } = {},
): ActionRankingDecision {
  const values = options.values ?? DEFAULT_RANKING_VALUES;
  const budgetMs = options.budgetMs ?? 2;
  const clock = options.clock ?? (() => performance.now());
  const rules = (reason: RankingFallbackReason, outOfRange: string[] = []): ActionRankingDecision => {
    const ranks = ranksByScore(candidates, (i) => -candidates[i].rulesRank);
    return {
      source: 'rules',
      modelVersion: model?.artifact.version ?? null,
      fallbackReason: reason,
      outOfRange,
      ranked: ranks.map((rank) => ({ rank, successProbability: null, expectedValue: null, explanation: [] })),
    };
  };
  if (!model) return rules('unavailable');
  const started = clock();
  const outside = new Set<string>();
  const valued: ({ p: number; value: number; explanation: FeatureContribution[] } | null)[] = [];
  for (const candidate of candidates) {
    if (candidate.exception === null) {
      valued.push(null);
      continue;
    }
    if (!isKnownAction(candidate.input.action)) {
      outside.add(`action_${candidate.input.action}`);
      continue;
    }
    const features = actionFeatures(candidate.input);
    const beyond = model.outOfRange(features);
    beyond.forEach((feature) => outside.add(feature));
    if (beyond.length > 0) continue;
    const p = model.predict(features);
    valued.push({
      p,
      value: expectedActionValue(p, candidate.input, values),
      explanation: model.explain(features, 3),
    });
  }
  if (outside.size > 0) return rules('out-of-range', [...outside]);
  if (clock() - started > budgetMs) return rules('slow');
  const ranks = ranksByScore(candidates, (i) => valued[i]?.value ?? 0);
  return {
    source: 'model',
    modelVersion: model.artifact.version,
    fallbackReason: null,
    outOfRange: [],
    ranked: ranks.map((rank, i) => ({
      rank,
      successProbability: valued[i]?.p ?? null,
      expectedValue: valued[i] ? Math.round((valued[i]?.value ?? 0) * 100) / 100 : null,
      explanation: valued[i]?.explanation ?? [],
    })),
  };
}
