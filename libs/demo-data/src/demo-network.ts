import { CarrierChanged, CarrierLane, DistributionCenter, Region } from '@ordex/contracts';
import { fromCents } from './domain/money.util';

/** Four DCs, one per region, each in its own IANA time zone (cut-offs are local to the DC). */
export const DCS: DistributionCenter[] = [
  { code: 'DC-NORTH', name: 'North distribution centre', region: Region.NORTH },
  { code: 'DC-SOUTH', name: 'South distribution centre', region: Region.SOUTH },
  { code: 'DC-EAST', name: 'East distribution centre', region: Region.EAST },
  { code: 'DC-WEST', name: 'West distribution centre', region: Region.WEST },
];

export const DC_TIME_ZONES: Record<string, string> = {
  'DC-NORTH': 'Europe/Berlin',
  'DC-SOUTH': 'Europe/Rome',
  'DC-EAST': 'Europe/Bucharest',
  'DC-WEST': 'Europe/Lisbon',
};

export const DC_BY_REGION: Record<Region, string> = Object.fromEntries(
  DCS.map((dc) => [dc.region, dc.code]),
) as Record<Region, string>;

/** Opposite regions are the farthest apart; every other pair of different regions is adjacent. */
const OPPOSITE: Record<Region, Region> = {
  [Region.NORTH]: Region.SOUTH,
  [Region.SOUTH]: Region.NORTH,
  [Region.EAST]: Region.WEST,
  [Region.WEST]: Region.EAST,
};

/** 0 within a region, 1 to an adjacent one, 2 to the opposite one. */
export function regionDistance(from: Region, to: Region): number {
  return from === to ? 0 : OPPOSITE[from] === to ? 2 : 1;
}

interface CarrierPlan {
  code: string;
  name: string;
  /** DC → [standard daily capacity in kg, cut-off local time]. */
  depots: Record<string, [number, string]>;
  /** Regions the carrier delivers to from each of its depots. */
  serves: (from: Region) => Region[];
  /** Working days added to the distance-based transit (1 / 2 / 3), kept within 1–4. */
  transitBias: number;
  costPerKgCents: number;
  minimumChargeCents: number;
}

const ALL_REGIONS = [Region.NORTH, Region.SOUTH, Region.EAST, Region.WEST];

const CARRIER_PLANS: CarrierPlan[] = [
  {
    code: 'CAR-SWIFT',
    name: 'Swift Freight',
    depots: { 'DC-NORTH': [18_000, '16:00'], 'DC-SOUTH': [16_000, '16:30'], 'DC-WEST': [12_000, '16:00'] },
    serves: () => ALL_REGIONS,
    transitBias: 0,
    costPerKgCents: 14,
    minimumChargeCents: 4_500,
  },
  {
    code: 'CAR-NORDIC',
    name: 'Nordic Haulage',
    depots: { 'DC-NORTH': [12_000, '15:00'], 'DC-EAST': [10_000, '15:30'] },
    serves: (from) => ALL_REGIONS.filter((r) => regionDistance(from, r) < 2),
    transitBias: 0,
    costPerKgCents: 12,
    minimumChargeCents: 4_000,
  },
  {
    code: 'CAR-EXPRESS',
    name: 'Express Parcel',
    depots: { 'DC-SOUTH': [4_000, '17:00'], 'DC-EAST': [3_500, '17:00'], 'DC-WEST': [3_000, '17:00'] },
    serves: () => ALL_REGIONS,
    transitBias: -1,
    costPerKgCents: 38,
    minimumChargeCents: 1_800,
  },
  {
    code: 'CAR-LTL',
    name: 'Regional LTL',
    depots: { 'DC-NORTH': [24_000, '14:00'], 'DC-SOUTH': [22_000, '14:30'] },
    serves: (from) => ALL_REGIONS.filter((r) => regionDistance(from, r) < 2),
    transitBias: 1,
    costPerKgCents: 9,
    minimumChargeCents: 5_500,
  },
];

/**
 * The carrier master: four carriers with depots at two or three DCs each (every DC has at least
 * two) and a lane from each depot to every region the carrier serves from there. Transit is 1
 * working day within a region, 2 to an adjacent and 3 to the opposite one, plus the carrier's
 * bias (express −1, LTL +1), within 1–4; cost per kg rises 3 cents and the minimum charge 10.00
 * per step of distance.
 */
export function buildCarriers(): CarrierChanged[] {
  const regions = new Map(DCS.map((dc) => [dc.code, dc.region]));
  const regionOf = (dcCode: string) => regions.get(dcCode) ?? Region.NORTH;
  return CARRIER_PLANS.map((plan) => ({
    carrier: { code: plan.code, name: plan.name },
    depots: Object.entries(plan.depots).map(([dcCode, [dailyCapacityKg, cutoffLocalTime]]) => ({
      dcCode,
      dailyCapacityKg,
      cutoffLocalTime,
      timeZone: DC_TIME_ZONES[dcCode],
    })),
    lanes: Object.keys(plan.depots).flatMap((dcCode) =>
      plan.serves(regionOf(dcCode)).map((region): CarrierLane => {
        const distance = regionDistance(regionOf(dcCode), region);
        return {
          dcCode,
          region,
          transitDays: Math.min(4, Math.max(1, 1 + distance + plan.transitBias)),
          costPerKg: fromCents(plan.costPerKgCents + 3 * distance),
          minimumCharge: fromCents(plan.minimumChargeCents + 1_000 * distance),
        };
      }),
    ),
  }));
}

/** The carriers with a depot at a DC, in carrier order. */
export function carriersAt(carriers: readonly CarrierChanged[], dcCode: string): CarrierChanged[] {
  return carriers.filter((c) => c.depots.some((d) => d.dcCode === dcCode));
}
