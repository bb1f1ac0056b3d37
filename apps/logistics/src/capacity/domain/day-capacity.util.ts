import { isWorkingDay } from '../../calendar/domain/calendar.util';
import { remainingKg } from './remaining-capacity.util';

export interface SlotFigures {
  capacityKg: number;
  bookedKg: number;
}

export interface DayCapacity extends SlotFigures {
  remainingKg: number;
  /** No capacity event set the day: the depot's standard applies. */
  defaulted: boolean;
  /** The carrier comes to the DC that day at all (its capacity is above zero). */
  collects: boolean;
}

/**
 * What a carrier takes from a DC on a ship date. A capacity event (slot) decides the day,
 * weekends included; without one the carrier collects the depot's daily capacity Monday to
 * Friday with nothing booked, and nothing on Saturday and Sunday.
 */
export function dayCapacity(
  shipDate: string,
  dailyCapacityKg: number,
  slot?: SlotFigures | null,
): DayCapacity {
  const figures = slot
    ? { capacityKg: slot.capacityKg, bookedKg: slot.bookedKg }
    : { capacityKg: isWorkingDay(shipDate) ? dailyCapacityKg : 0, bookedKg: 0 };
  return {
    ...figures,
    remainingKg: remainingKg(figures.capacityKg, figures.bookedKg),
    defaulted: !slot,
    collects: figures.capacityKg > 0,
  };
}
