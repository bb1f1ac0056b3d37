import { Region } from '@ordex/contracts';
import type { SlotFigures } from '../../capacity/domain/day-capacity.util';
import {
  blockersOn,
  NetworkLeg,
  planShipmentOptions,
  RoutingPolicy,
  ShipmentRequest,
  slotKey,
} from './shipment-options.util';

// 2026-12-07 is a Monday; Berlin is UTC+1 and London UTC+0 in December.
const NORTH_FAST: NetworkLeg = {
  carrierCode: 'FAST',
  dcCode: 'DC-N',
  region: Region.NORTH,
  transitDays: 1,
  costPerKg: 0.4,
  minimumCharge: 50,
  dailyCapacityKg: 10_000,
  cutoffLocalTime: '15:00',
  timeZone: 'Europe/Berlin',
};
const NORTH_SLOW: NetworkLeg = {
  ...NORTH_FAST,
  carrierCode: 'SLOW',
  transitDays: 3,
  costPerKg: 0.2,
  minimumCharge: 80,
  dailyCapacityKg: 5_000,
  cutoffLocalTime: '17:00',
};
const SOUTH_FAST: NetworkLeg = {
  ...NORTH_FAST,
  dcCode: 'DC-S',
  transitDays: 2,
  costPerKg: 0.3,
  minimumCharge: 0,
  dailyCapacityKg: 2_000,
  cutoffLocalTime: '12:00',
  timeZone: 'Europe/London',
};
const INTO_SOUTH: NetworkLeg = { ...NORTH_FAST, region: Region.SOUTH };
const LEGS = [NORTH_FAST, NORTH_SLOW, SOUTH_FAST, INTO_SOUTH];

const kg = (value: number) => value * 1_000_000;

function request(overrides: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    requestedDate: '2026-12-07',
    region: Region.NORTH,
    weightMg: kg(1_000),
    unknownSkus: [],
    asOfMs: Date.parse('2026-12-01T09:00:00Z'),
    horizonDays: 5,
    rule: null,
    ...overrides,
  };
}

function rule(overrides: Partial<RoutingPolicy> = {}): RoutingPolicy {
  return {
    allowedDcs: [],
    preferredDc: null,
    allowedCarriers: [],
    excludedCarriers: [],
    deliveryWindows: [],
    ...overrides,
  };
}

function slots(...rows: [string, string, string, number, number][]): Map<string, SlotFigures> {
  return new Map(
    rows.map(([carrier, dc, date, capacityKg, bookedKg]) => [
      slotKey(carrier, dc, date),
      { capacityKg, bookedKg },
    ]),
  );
}

const summary = (o: { dcCode: string; carrierCode: string; shipDate: string | null }) =>
  `${o.dcCode}/${o.carrierCode}@${o.shipDate}`;

describe('planShipmentOptions', () => {
  it('offers every lane into the region on the requested date, earliest delivery first', () => {
    const options = planShipmentOptions(request(), LEGS, new Map());
    // Delivery: FAST Mon+1 = Tue, DC-S Mon+2 = Wed, SLOW Mon+3 = Thu.
    // Cost: 1,000 kg × 0.40 = 400; × 0.30 = 300; × 0.20 = 200 (over the 80 minimum).
    expect(options).toEqual([
      {
        dcCode: 'DC-N',
        carrierCode: 'FAST',
        shipDate: '2026-12-07',
        onRequestedDate: true,
        delayDays: 0,
        transitDays: 1,
        deliveryDate: '2026-12-08',
        weightKg: 1000,
        cost: 400,
        remainingKgOnShipDate: 10_000,
        preferredDc: false,
        requestedDateBlockers: [],
        deliveryWindowMet: true,
        unknownSkus: [],
      },
      expect.objectContaining({ dcCode: 'DC-S', carrierCode: 'FAST', deliveryDate: '2026-12-09', cost: 300 }),
      expect.objectContaining({ dcCode: 'DC-N', carrierCode: 'SLOW', deliveryDate: '2026-12-10', cost: 200 }),
    ]);
  });

  it('moves to the next working day when the requested day is full', () => {
    // Friday 11th booked to the last kilo: Monday 14th, one working day late.
    const options = planShipmentOptions(
      request({ requestedDate: '2026-12-11' }),
      [NORTH_FAST],
      slots(['FAST', 'DC-N', '2026-12-11', 6_000, 6_000]),
    );
    expect(options).toEqual([
      expect.objectContaining({
        shipDate: '2026-12-14',
        onRequestedDate: false,
        delayDays: 1,
        deliveryDate: '2026-12-15',
        remainingKgOnShipDate: 10_000,
        requestedDateBlockers: ['CAPACITY_FULL'],
      }),
    ]);
  });

  it('ships an order exactly as heavy as the remaining capacity', () => {
    // 5,000 − 4,000.5 = 999.5 kg left; the order weighs 999.5 kg.
    const options = planShipmentOptions(
      request({ weightMg: 999_500_000 }),
      [NORTH_FAST],
      slots(['FAST', 'DC-N', '2026-12-07', 5_000, 4_000.5]),
    );
    expect(options[0]).toMatchObject({
      shipDate: '2026-12-07',
      remainingKgOnShipDate: 999.5,
      requestedDateBlockers: [],
    });
  });

  it('does not ship a gram over the remaining capacity', () => {
    const options = planShipmentOptions(
      request({ weightMg: 999_500_001 }),
      [NORTH_FAST],
      slots(['FAST', 'DC-N', '2026-12-07', 5_000, 4_000.5]),
    );
    expect(options[0]).toMatchObject({ shipDate: '2026-12-08', requestedDateBlockers: ['CAPACITY_FULL'] });
  });

  it('lets nothing into a full slot, not even a weightless order', () => {
    const options = planShipmentOptions(
      request({ weightMg: 0, unknownSkus: ['NEW-1'] }),
      [NORTH_FAST],
      slots(['FAST', 'DC-N', '2026-12-07', 5_000, 5_000]),
    );
    expect(options[0]).toMatchObject({
      shipDate: '2026-12-08',
      weightKg: 0,
      cost: 50,
      requestedDateBlockers: ['CAPACITY_FULL'],
      unknownSkus: ['NEW-1'],
    });
  });

  describe('cut-off in the depot time zone', () => {
    // Berlin 15:00 in December is 14:00 UTC.
    it('still ships at the cut-off minute', () => {
      const options = planShipmentOptions(
        request({ asOfMs: Date.parse('2026-12-07T14:00:59Z') }),
        [NORTH_FAST],
        new Map(),
      );
      expect(options[0]).toMatchObject({ shipDate: '2026-12-07', requestedDateBlockers: [] });
    });

    it('ships one minute before the cut-off', () => {
      const options = planShipmentOptions(
        request({ asOfMs: Date.parse('2026-12-07T13:59:00Z') }),
        [NORTH_FAST],
        new Map(),
      );
      expect(options[0]).toMatchObject({ shipDate: '2026-12-07', onRequestedDate: true });
    });

    it('moves to the next working day one minute after the cut-off', () => {
      const options = planShipmentOptions(
        request({ asOfMs: Date.parse('2026-12-07T14:01:00Z') }),
        [NORTH_FAST, NORTH_SLOW],
        new Map(),
      );
      // SLOW's cut-off is 17:00: it still ships today and comes first.
      expect(options.map(summary)).toEqual(['DC-N/SLOW@2026-12-07', 'DC-N/FAST@2026-12-08']);
      expect(options[1]).toMatchObject({ delayDays: 1, requestedDateBlockers: ['CUTOFF_PASSED'] });
    });

    it("takes each depot's own local date", () => {
      // 23:30 UTC Monday: Tuesday 00:30 in Berlin (Monday is past), Monday 23:30 in London (cut-off passed).
      const options = planShipmentOptions(
        request({ asOfMs: Date.parse('2026-12-07T23:30:00Z') }),
        [NORTH_FAST, SOUTH_FAST],
        new Map(),
      );
      expect(options.map((o) => [o.dcCode, o.shipDate, o.requestedDateBlockers])).toEqual([
        ['DC-N', '2026-12-08', ['IN_THE_PAST']],
        ['DC-S', '2026-12-08', ['CUTOFF_PASSED']],
      ]);
    });
  });

  it('delivers a Friday shipment with two transit days on Tuesday', () => {
    const options = planShipmentOptions(request({ requestedDate: '2026-12-11' }), [SOUTH_FAST], new Map());
    expect(options[0]).toMatchObject({ shipDate: '2026-12-11', deliveryDate: '2026-12-15', delayDays: 0 });
  });

  it('moves a weekend request to Monday, unless a slot opens the weekend day', () => {
    const saturday = request({ requestedDate: '2026-12-12' });
    expect(planShipmentOptions(saturday, [NORTH_FAST], new Map())[0]).toMatchObject({
      shipDate: '2026-12-14',
      delayDays: 1,
      deliveryDate: '2026-12-15',
      requestedDateBlockers: ['NO_COLLECTION'],
    });
    const opened = slots(['FAST', 'DC-N', '2026-12-12', 3_000, 0]);
    expect(planShipmentOptions(saturday, [NORTH_FAST], opened)[0]).toMatchObject({
      shipDate: '2026-12-12',
      onRequestedDate: true,
      delayDays: 0,
      deliveryDate: '2026-12-14',
      remainingKgOnShipDate: 3_000,
    });
  });

  it('reports a requested date in the past and ships from today', () => {
    // Wednesday 9th, 09:00 in Berlin.
    const options = planShipmentOptions(
      request({ asOfMs: Date.parse('2026-12-09T08:00:00Z') }),
      [NORTH_FAST],
      new Map(),
    );
    expect(options[0]).toMatchObject({
      shipDate: '2026-12-09',
      delayDays: 2,
      requestedDateBlockers: ['IN_THE_PAST'],
    });
  });

  it('reports every reason the requested date fails', () => {
    const now = { date: '2026-12-12', minute: 600 };
    expect(blockersOn('2026-12-11', NORTH_FAST, now, kg(1), undefined).blockers).toEqual(['IN_THE_PAST']);
    expect(blockersOn('2026-12-12', NORTH_FAST, now, kg(1), undefined).blockers).toEqual(['NO_COLLECTION']);
    const late = { date: '2026-12-07', minute: 15 * 60 + 1 };
    expect(
      blockersOn('2026-12-07', NORTH_FAST, late, kg(1), { capacityKg: 100, bookedKg: 100 }).blockers,
    ).toEqual(['CAPACITY_FULL', 'CUTOFF_PASSED']);
  });

  it('gives a null ship date when nothing in the horizon works, and sorts it last', () => {
    const full = slots(
      ...['07', '08', '09', '10', '11'].map((d): [string, string, string, number, number] => [
        'FAST',
        'DC-N',
        `2026-12-${d}`,
        800,
        800,
      ]),
    );
    const options = planShipmentOptions(request(), [NORTH_FAST, NORTH_SLOW], full);
    // The horizon is the 7th to the 12th; the 12th is a Saturday without a slot.
    expect(options.map(summary)).toEqual(['DC-N/SLOW@2026-12-07', 'DC-N/FAST@null']);
    expect(options[1]).toMatchObject({
      onRequestedDate: false,
      delayDays: null,
      deliveryDate: null,
      remainingKgOnShipDate: null,
      deliveryWindowMet: null,
      cost: 400,
      requestedDateBlockers: ['CAPACITY_FULL'],
    });
  });

  it('looks only at the requested date with a horizon of 0', () => {
    const options = planShipmentOptions(
      request({ horizonDays: 0, asOfMs: Date.parse('2026-12-07T14:01:00Z') }),
      [NORTH_FAST],
      new Map(),
    );
    expect(options[0].shipDate).toBeNull();
  });

  describe('routing rules', () => {
    it('keeps to the allowed DCs', () => {
      const options = planShipmentOptions(request({ rule: rule({ allowedDcs: ['DC-S'] }) }), LEGS, new Map());
      expect(options.map(summary)).toEqual(['DC-S/FAST@2026-12-07']);
    });

    it('leaves out excluded carriers and keeps to allowed ones', () => {
      const excluded = planShipmentOptions(
        request({ rule: rule({ excludedCarriers: ['FAST'] }) }),
        LEGS,
        new Map(),
      );
      expect(excluded.map(summary)).toEqual(['DC-N/SLOW@2026-12-07']);
      const allowed = planShipmentOptions(
        request({ rule: rule({ allowedCarriers: ['FAST', 'SLOW'], excludedCarriers: ['SLOW'] }) }),
        LEGS,
        new Map(),
      );
      expect(allowed.map(summary)).toEqual(['DC-N/FAST@2026-12-07', 'DC-S/FAST@2026-12-07']);
    });

    it('puts the preferred DC first among options on the requested date', () => {
      const options = planShipmentOptions(request({ rule: rule({ preferredDc: 'DC-S' }) }), LEGS, new Map());
      expect(options.map(summary)).toEqual([
        'DC-S/FAST@2026-12-07',
        'DC-N/FAST@2026-12-07',
        'DC-N/SLOW@2026-12-07',
      ]);
      expect(options.map((o) => o.preferredDc)).toEqual([true, false, false]);
    });

    it('prefers the requested date over the preferred DC', () => {
      const options = planShipmentOptions(
        request({ rule: rule({ preferredDc: 'DC-S' }) }),
        [NORTH_FAST, SOUTH_FAST],
        slots(['FAST', 'DC-S', '2026-12-07', 100, 100]),
      );
      expect(options.map(summary)).toEqual(['DC-N/FAST@2026-12-07', 'DC-S/FAST@2026-12-08']);
    });

    it("checks the delivery date's weekday against the delivery windows", () => {
      const tuesdays = rule({ deliveryWindows: [{ weekday: 2 }] });
      const options = planShipmentOptions(request({ rule: tuesdays }), [NORTH_FAST, SOUTH_FAST], new Map());
      expect(options.map((o) => [o.deliveryDate, o.deliveryWindowMet])).toEqual([
        ['2026-12-08', true],
        ['2026-12-09', false],
      ]);
    });
  });

  it('orders equal deliveries by cost, then codes', () => {
    const cheap = { ...NORTH_FAST, carrierCode: 'CHEAP', costPerKg: 0.1 };
    const twin = { ...NORTH_FAST, carrierCode: 'AAA' };
    const options = planShipmentOptions(request(), [NORTH_FAST, cheap, twin], new Map());
    expect(options.map(summary)).toEqual([
      'DC-N/CHEAP@2026-12-07',
      'DC-N/AAA@2026-12-07',
      'DC-N/FAST@2026-12-07',
    ]);
  });

  it('charges the minimum when the weight costs less', () => {
    // 100 kg × 0.20 = 20 < 80 minimum; × 0.40 = 40 < 50 minimum.
    const options = planShipmentOptions(request({ weightMg: kg(100) }), [NORTH_FAST, NORTH_SLOW], new Map());
    expect(options.map((o) => o.cost)).toEqual([50, 80]);
  });

  it('has no options without a ship-to region or a readable requested date', () => {
    expect(planShipmentOptions(request({ region: null }), LEGS, new Map())).toEqual([]);
    expect(planShipmentOptions(request({ requestedDate: '2026-02-30' }), LEGS, new Map())).toEqual([]);
  });
});
