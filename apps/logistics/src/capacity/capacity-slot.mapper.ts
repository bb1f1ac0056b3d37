import type { CapacitySlotEntity } from './capacity-slot.entity';
import type { CapacitySlotObject } from './capacity-slot.object';
import { remainingKg } from './domain/remaining-capacity.util';

export function toCapacitySlotObject(entity: CapacitySlotEntity): CapacitySlotObject {
  return {
    carrierCode: entity.carrierCode,
    dcCode: entity.dcCode,
    shipDate: entity.shipDate,
    capacityKg: entity.capacityKg,
    bookedKg: entity.bookedKg,
    remainingKg: remainingKg(entity.capacityKg, entity.bookedKg),
  };
}
