import type { CapacitySlotObject } from './capacity-slot.object';
import type { CarrierDayCapacity } from './capacity.service';

export function toCapacitySlotObject(day: CarrierDayCapacity): CapacitySlotObject {
  return {
    carrierCode: day.carrierCode,
    dcCode: day.dcCode,
    shipDate: day.shipDate,
    capacityKg: day.capacityKg,
    bookedKg: day.bookedKg,
    remainingKg: day.remainingKg,
    defaulted: day.defaulted,
    collects: day.collects,
  };
}
