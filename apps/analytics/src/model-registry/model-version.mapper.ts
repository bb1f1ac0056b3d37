import type { ModelVersionEntity } from './model-version.entity';
import type { ModelVersionObject } from './model-version.object';

export function toModelVersionObject(entity: ModelVersionEntity): ModelVersionObject {
  return {
    model: entity.model,
    version: entity.version,
    stage: entity.stage,
    trainingWindowFrom: entity.trainingWindowFrom,
    trainingWindowTo: entity.trainingWindowTo,
    metrics: JSON.stringify(entity.metrics),
    featureList: entity.featureList,
    dataFingerprint: entity.dataFingerprint,
    createdAt: entity.createdAt,
    registeredBy: entity.registeredBy,
    promotedBy: entity.promotedBy,
    promotedAt: entity.promotedAt,
    retiredAt: entity.retiredAt,
  };
}
