import type { DistributionCenterEntity } from './distribution-center.entity';
import type { DistributionCenterObject } from './distribution-center.object';

export function toDistributionCenterObject(entity: DistributionCenterEntity): DistributionCenterObject {
  return { code: entity.code, name: entity.name, region: entity.region };
}
