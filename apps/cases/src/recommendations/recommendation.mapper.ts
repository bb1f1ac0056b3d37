import type { RecommendationEntity } from './recommendation.entity';
import type { RecommendationObject } from './recommendation.object';

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
    rank: entity.rank,
    createdAt: entity.createdAt,
  };
}
