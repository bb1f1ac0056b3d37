import type { RootCauseFindingEntity } from './root-cause-finding.entity';
import type { RootCauseFindingObject } from './root-cause-finding.object';

export function toRootCauseFindingObject(entity: RootCauseFindingEntity): RootCauseFindingObject {
  return {
    id: entity.id,
    category: entity.category,
    dimensions: JSON.stringify(entity.dimensions),
    support: entity.support,
    lift: entity.lift,
    pValue: entity.pValue,
    addressedTo: entity.addressedTo,
    summary: entity.summary,
    detectedAt: entity.detectedAt,
  };
}
