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
    adjustedPValue: entity.adjustedPValue,
    rank: entity.rank,
    units: entity.units,
    count: entity.count,
    baseline: entity.baseline,
    owner: entity.owner,
    addressedTo: entity.addressedTo,
    summary: entity.summary,
    detectedAt: entity.detectedAt,
  };
}
