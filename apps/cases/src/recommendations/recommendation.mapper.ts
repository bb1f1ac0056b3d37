import type { RecommendationEntity } from './recommendation.entity';
import type { RecommendationObject, RecommendationParameterObject } from './recommendation.object';

export function toRecommendationObject(entity: RecommendationEntity): RecommendationObject {
  return {
    id: entity.id,
    exceptionId: entity.exceptionId,
    action: entity.action,
    cost: entity.cost,
    marginEffect: entity.marginEffect,
    dateEffectDays: entity.dateEffectDays,
    confidence: entity.confidence,
    reason: entity.reason,
    automatable: entity.automatable,
    policyRule: entity.policyRule,
    parameters: toParameterObjects(entity.parameters),
    rank: entity.rank,
    successProbability: entity.successProbability,
    rankingExplanation: entity.rankingExplanation,
    createdAt: entity.createdAt,
  };
}

/** Parameters as name/value pairs in name order, values as text. */
export function toParameterObjects(
  parameters: Record<string, string | number | boolean | null>,
): RecommendationParameterObject[] {
  return Object.entries(parameters)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => ({ name, value: value === null ? null : String(value) }));
}
