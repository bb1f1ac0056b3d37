import type { DecisionTableEntity } from './decision-table.entity';
import type { DecisionTableObject } from './decision-table.object';

export function toDecisionTableObject(entity: DecisionTableEntity): DecisionTableObject {
  return {
    key: entity.key,
    version: entity.version,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt,
    comment: entity.comment,
    content: JSON.stringify(entity.content),
  };
}
