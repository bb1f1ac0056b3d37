import type { Region } from '@ordex/contracts';
import {
  addDays,
  addWorkingDays,
  isCalendarDate,
  isoWeekday,
  workingDaysAfter,
} from '../../calendar/domain/calendar.util';
import { localDateTime, LocalDateTime, minuteOfDay } from '../../calendar/domain/local-time.util';
import { dayCapacity, SlotFigures } from '../../capacity/domain/day-capacity.util';
import { milligramsToKg, toMilligrams } from './order-weight.util';
import { shipmentCostCents } from './shipment-cost.util';

/** Why a ship date does not work, in the order they are reported. */
export const SHIPMENT_BLOCKERS = ['CAPACITY_FULL', 'CUTOFF_PASSED', 'NO_COLLECTION', 'IN_THE_PAST'] as const;
export type ShipmentBlocker = (typeof SHIPMENT_BLOCKERS)[number];

/** A carrier's lane from a DC into a region, with the carrier's depot at that DC. */
export interface NetworkLeg {
  carrierCode: string;
  dcCode: string;
  region: Region;
  transitDays: number;
  costPerKg: number;
  minimumCharge: number;
  dailyCapacityKg: number;
  cutoffLocalTime: string;
  timeZone: string;
}

export interface CapacitySlotDay extends SlotFigures {
  carrierCode: string;
  dcCode: string;
  shipDate: string;
}

export interface RoutingPolicy {
  allowedDcs: readonly string[];
  preferredDc: string | null;
  allowedCarriers: readonly string[];
  excludedCarriers: readonly string[];
  deliveryWindows: readonly { weekday: number }[];
}

export interface ShipmentRequest {
  /** The requested ship date, YYYY-MM-DD. */
  requestedDate: string;
  /** The ship-to's region; null when the order has no ship-to. */
  region: Region | null;
  weightMg: number;
  unknownSkus: string[];
  /** The instant that decides which cut-offs have passed. */
  asOfMs: number;
  /** Ship dates looked at: the requested date and up to this many calendar days after it. */
  horizonDays: number;
  rule: RoutingPolicy | null;
}

export interface ShipmentOptionPlan {
  dcCode: string;
  carrierCode: string;
  shipDate: string | null;
  onRequestedDate: boolean;
  delayDays: number | null;
  transitDays: number;
  deliveryDate: string | null;
  weightKg: number;
  cost: number;
  remainingKgOnShipDate: number | null;
  preferredDc: boolean;
  requestedDateBlockers: ShipmentBlocker[];
  deliveryWindowMet: boolean | null;
  unknownSkus: string[];
}

export function slotKey(carrierCode: string, dcCode: string, shipDate: string): string {
  return `${carrierCode}|${dcCode}|${shipDate}`;
}

/** The legs an order may ship on: into its region, from DCs and by carriers its rule allows. */
export function candidateLegs(
  legs: readonly NetworkLeg[],
  region: Region,
  rule: RoutingPolicy | null,
): NetworkLeg[] {
  return legs.filter(
    (leg) =>
      leg.region === region &&
      (!rule?.allowedDcs.length || rule.allowedDcs.includes(leg.dcCode)) &&
      !rule?.excludedCarriers.includes(leg.carrierCode) &&
      (!rule?.allowedCarriers.length || rule.allowedCarriers.includes(leg.carrierCode)),
  );
}

/**
 * Why `leg` cannot take the order on `shipDate` (empty: it can). A date before the DC's local
 * date of asOf is in the past; on that local date the order ships while the local minute is not
 * later than the cut-off (cut-off 15:00: 15:00 ships, 15:01 has passed). The carrier must collect
 * that day, and the remaining capacity must be above zero and at least the order's weight.
 */
export function blockersOn(
  shipDate: string,
  leg: NetworkLeg,
  now: LocalDateTime,
  weightMg: number,
  slot: SlotFigures | undefined,
): { blockers: ShipmentBlocker[]; remainingMg: number } {
  const found = new Set<ShipmentBlocker>();
  if (shipDate < now.date) found.add('IN_THE_PAST');
  else if (shipDate === now.date) {
    const cutoff = minuteOfDay(leg.cutoffLocalTime);
    // An unreadable cut-off never lets a same-day order through (the intake refuses them anyway).
    if (cutoff === null || now.minute > cutoff) found.add('CUTOFF_PASSED');
  }
  const day = dayCapacity(shipDate, leg.dailyCapacityKg, slot);
  const remainingMg = toMilligrams(day.remainingKg);
  if (!day.collects) found.add('NO_COLLECTION');
  else if (remainingMg === 0 || remainingMg < weightMg) found.add('CAPACITY_FULL');
  return { blockers: SHIPMENT_BLOCKERS.filter((b) => found.has(b)), remainingMg };
}

/**
 * Every way the order can ship: one option per allowed DC × carrier with a lane into the ship-to's
 * region, each on the earliest date from the requested date within the horizon that works
 * (null when none does), best first. An order without a ship-to has no options.
 */
export function planShipmentOptions(
  request: ShipmentRequest,
  legs: readonly NetworkLeg[],
  slots: ReadonlyMap<string, SlotFigures>,
): ShipmentOptionPlan[] {
  if (request.region === null || !isCalendarDate(request.requestedDate)) return [];
  const localNow = new Map<string, LocalDateTime>();
  const nowAt = (timeZone: string) => {
    let now = localNow.get(timeZone);
    if (!now) localNow.set(timeZone, (now = localDateTime(request.asOfMs, timeZone)));
    return now;
  };
  const options = candidateLegs(legs, request.region, request.rule).map((leg) =>
    planLeg(request, leg, nowAt(leg.timeZone), slots),
  );
  return options.sort(byPreference);
}

function planLeg(
  request: ShipmentRequest,
  leg: NetworkLeg,
  now: LocalDateTime,
  slots: ReadonlyMap<string, SlotFigures>,
): ShipmentOptionPlan {
  const check = (date: string) =>
    blockersOn(date, leg, now, request.weightMg, slots.get(slotKey(leg.carrierCode, leg.dcCode, date)));
  const onRequested = check(request.requestedDate);
  let shipDate: string | null = null;
  let remainingMg = 0;
  for (let offset = 0; offset <= request.horizonDays && shipDate === null; offset += 1) {
    const date = addDays(request.requestedDate, offset);
    const result = offset === 0 ? onRequested : check(date);
    if (result.blockers.length === 0) [shipDate, remainingMg] = [date, result.remainingMg];
  }
  const deliveryDate = shipDate === null ? null : addWorkingDays(shipDate, leg.transitDays);
  const windows = request.rule?.deliveryWindows ?? [];
  return {
    dcCode: leg.dcCode,
    carrierCode: leg.carrierCode,
    shipDate,
    onRequestedDate: shipDate === request.requestedDate,
    delayDays: shipDate === null ? null : workingDaysAfter(request.requestedDate, shipDate),
    transitDays: leg.transitDays,
    deliveryDate,
    weightKg: milligramsToKg(request.weightMg),
    cost: shipmentCostCents(request.weightMg, leg.costPerKg, leg.minimumCharge) / 100,
    remainingKgOnShipDate: shipDate === null ? null : milligramsToKg(remainingMg),
    preferredDc: request.rule?.preferredDc === leg.dcCode,
    requestedDateBlockers: onRequested.blockers,
    deliveryWindowMet:
      deliveryDate === null
        ? null
        : windows.length === 0 || windows.some((w) => w.weekday === isoWeekday(deliveryDate)),
    unknownSkus: request.unknownSkus,
  };
}

/** Options with a date first, then on the requested date, the preferred DC, earlier delivery, lower cost, codes. */
function byPreference(a: ShipmentOptionPlan, b: ShipmentOptionPlan): number {
  return (
    Number(a.shipDate === null) - Number(b.shipDate === null) ||
    Number(b.onRequestedDate) - Number(a.onRequestedDate) ||
    Number(b.preferredDc) - Number(a.preferredDc) ||
    compareDates(a.deliveryDate, b.deliveryDate) ||
    a.cost - b.cost ||
    compareText(a.dcCode, b.dcCode) ||
    compareText(a.carrierCode, b.carrierCode)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
