import { riskFeatures, workingDaysBetween, type RiskInput } from './risk-input';
import type { FeatureContribution } from '../logistic/logistic-model';
import type { RiskModel } from './risk-model';
import { RISK_RULES, rulesRisk } from './rules-risk';

/** Why the rules decided instead of the model. */
export type RiskFallbackReason = 'unavailable' | 'out-of-range' | 'slow' | 'unsure';

/** When the model may decide. */
export interface RiskDecisionPolicy {
  /** The most one model call may take; a slower answer is not used. */
  budgetMs: number;
  /** Probabilities within this distance of 0.5 are too close to call: the rules decide them. */
  unsureBand: number;
}

export const DEFAULT_RISK_DECISION_POLICY: RiskDecisionPolicy = { budgetMs: 2, unsureBand: 0.02 };

/** One order's service risk as decided, with what decided it — recorded on the case. */
export interface ServiceRiskDecision {
  probability: number;
  source: 'model' | 'rules';
  /** The model version used, or consulted before the rules took over (null when there was none). */
  modelVersion: string | null;
  rulesVersion: string;
  fallbackReason: RiskFallbackReason | null;
  /** Model: its top feature contributions; rules: the categories that drove them. */
  explanation: FeatureContribution[];
  /** The features outside the model's training range, when that was the reason. */
  outOfRange: string[];
}

/**
 * Decides an order's service risk: the learned model when it may, the rules otherwise — when no
 * model is loaded, when an input lies outside what it was trained on, when it answers slower than
 * its budget, or when its answer is too close to call. `clock` is injectable for tests.
 */
export function decideServiceRisk(
  model: RiskModel | null,
  input: RiskInput,
  policy: RiskDecisionPolicy = DEFAULT_RISK_DECISION_POLICY,
  clock: () => number = () => performance.now(),
): ServiceRiskDecision {
  const slack = workingDaysBetween(input.orderedAt, input.requestedDate);
  const rules = (reason: RiskFallbackReason, outOfRange: string[] = []): ServiceRiskDecision => ({
    probability: rulesRisk(input, slack),
    source: 'rules',
    modelVersion: model?.artifact.version ?? null,
    rulesVersion: RISK_RULES.version,
    fallbackReason: reason,
    explanation: [...new Set(input.categories)]
      .map((c) => ({ feature: `category_${c}`, contribution: RISK_RULES.byCategory[c] ?? 0 }))
      .sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature)),
    outOfRange,
  });
  if (!model) return rules('unavailable');
  const features = riskFeatures(input);
  const outside = model.outOfRange(features);
  if (outside.length > 0) return rules('out-of-range', outside);
  const started = clock();
  const probability = model.predict(features);
  const explanation = model.explain(features, 3);
  if (clock() - started > policy.budgetMs) return rules('slow');
  if (Math.abs(probability - 0.5) < policy.unsureBand) return rules('unsure');
  return {
    probability,
    source: 'model',
    modelVersion: model.artifact.version,
    rulesVersion: RISK_RULES.version,
    fallbackReason: null,
    explanation,
    outOfRange: [],
  };
}
