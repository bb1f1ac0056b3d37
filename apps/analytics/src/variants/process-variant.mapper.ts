import type { ProcessVariantEntity } from './process-variant.entity';
import type { ProcessVariantObject } from './process-variant.object';

export function toProcessVariantObject(entity: ProcessVariantEntity): ProcessVariantObject {
  return {
    id: entity.id,
    objectType: entity.objectType,
    activities: entity.activities,
    caseCount: entity.caseCount,
    medianDurationSeconds: entity.medianDurationSeconds,
    updatedAt: entity.updatedAt,
  };
}
