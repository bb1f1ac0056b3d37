import { CarrierCapacity, CarrierChanged } from '@ordex/contracts';
import { workingDaysBetween } from './domain/calendar.util';
import { SeededRandom } from './random.util';

/** A DC and ship date on which every carrier with a depot there is fully booked. */
export interface FullDay {
  dcCode: string;
  shipDate: string;
}

/** SO-1001's ship date at its preferred DC: every carrier there is full (DOMAIN.md). */
export const REFERENCE_FULL_DAY: FullDay = { dcCode: 'DC-NORTH', shipDate: '2026-12-02' };

/** The week after the demo's "today", which the carriers have already partly booked. */
const BOOKED_WEEK = workingDaysBetween('2026-11-30', '2026-12-04');
/** The rest of December, where only a few depot-days deviate (a truck off the road). */
const LATER = workingDaysBetween('2026-12-07', '2026-12-31');

const roundTo10 = (kg: number) => Math.round(kg / 10) * 10;

/**
 * Capacity events, only for the depot-days that differ from a depot's standard daily capacity
 * with nothing booked: in the week from 30 November every depot is 35–75 % booked (so at least a
 * quarter of its capacity is free); later, about 3 % of depot-days run at 60–80 % of the standard
 * capacity and are 20–50 % booked; on each full day every carrier with a depot at that DC reports
 * its capacity as booked (bookedKg = capacityKg). Sorted by date, carrier and DC.
 */
export function buildCapacity(
  rnd: SeededRandom,
  carriers: CarrierChanged[],
  fullDays: FullDay[],
): CarrierCapacity[] {
  const slots = new Map<string, CarrierCapacity>();
  const put = (slot: CarrierCapacity) =>
    slots.set(`${slot.shipDate}|${slot.carrierCode}|${slot.dcCode}`, slot);
  for (const { carrier, depots } of carriers) {
    for (const depot of depots) {
      const base = { carrierCode: carrier.code, dcCode: depot.dcCode };
      for (const shipDate of BOOKED_WEEK) {
        const capacityKg = depot.dailyCapacityKg;
        put({ ...base, shipDate, capacityKg, bookedKg: roundTo10(capacityKg * (0.35 + rnd.next() * 0.4)) });
      }
      for (const shipDate of LATER) {
        if (rnd.next() >= 0.03) continue;
        const capacityKg = roundTo10(depot.dailyCapacityKg * (0.6 + rnd.next() * 0.2));
        put({ ...base, shipDate, capacityKg, bookedKg: roundTo10(capacityKg * (0.2 + rnd.next() * 0.3)) });
      }
    }
  }
  for (const { dcCode, shipDate } of fullDays) {
    for (const { carrier, depots } of carriers) {
      const depot = depots.find((d) => d.dcCode === dcCode);
      if (!depot) continue;
      const reported = slots.get(`${shipDate}|${carrier.code}|${dcCode}`);
      const capacityKg = reported?.capacityKg ?? depot.dailyCapacityKg;
      put({ carrierCode: carrier.code, dcCode, shipDate, capacityKg, bookedKg: capacityKg });
    }
  }
  return [...slots.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, slot]) => slot);
}
