import type { CarrierDepotEntity } from './carrier-depot.entity';
import type { CarrierEntity } from './carrier.entity';
import type { CarrierDepotObject, CarrierObject, LaneObject } from './carrier.object';
import type { LaneEntity } from './lane.entity';

export function toCarrierObject(entity: CarrierEntity): CarrierObject {
  return { code: entity.code, name: entity.name };
}

export function toLaneObject(entity: LaneEntity): LaneObject {
  return {
    id: entity.id,
    carrierCode: entity.carrierCode,
    dcCode: entity.dcCode,
    region: entity.region,
    transitDays: entity.transitDays,
    costPerKg: entity.costPerKg,
    minimumCharge: entity.minimumCharge,
  };
}

export function toCarrierDepotObject(entity: CarrierDepotEntity): CarrierDepotObject {
  return {
    dcCode: entity.dcCode,
    dailyCapacityKg: entity.dailyCapacityKg,
    cutoffLocalTime: entity.cutoffLocalTime,
    timeZone: entity.timeZone,
  };
}
