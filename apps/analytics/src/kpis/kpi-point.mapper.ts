import type { KpiPointEntity } from './kpi-point.entity';
import type { KpiPointObject } from './kpi-point.object';

export function toKpiPointObject(entity: KpiPointEntity): KpiPointObject {
  return {
    kpi: entity.kpi,
    bucketStart: entity.bucketStart,
    dimension: entity.dimension,
    value: entity.value,
  };
}
