import { toParameterObjects } from '../recommendations/recommendation.mapper';
import type { CaseActionEntity } from './case-action.entity';
import type { CaseActionObject } from './case-action.object';

export function toCaseActionObject(entity: CaseActionEntity): CaseActionObject {
  return {
    id: entity.id,
    exceptionId: entity.exceptionId,
    recommendationId: entity.recommendationId,
    action: entity.action,
    parameters: toParameterObjects(entity.parameters),
    cost: entity.cost,
    origin: entity.origin,
    takenBy: entity.takenBy,
    takenAt: entity.takenAt,
    policyRule: entity.policyRule,
    note: entity.note,
    state: entity.state,
    outcome: entity.outcome,
    settledAt: entity.settledAt,
  };
}
