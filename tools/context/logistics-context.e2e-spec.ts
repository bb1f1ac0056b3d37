import {
  CarrierChanged,
  CarrierDepot,
  CarrierLane,
  CustomerSegment,
  CustomerTier,
  EventEnvelope,
  OrderStatus,
  Region,
  RoutingRule,
  UnitOfMeasure,
} from '@ordex/contracts';
import { ContextStack, erp, startContextStack } from './context-stack.test-support';

/**
 * Logistics through the gateway on real PostgreSQL: carriers with depots and lanes, capacity,
 * routing rules and orders' shipment options, from ERP events. Every test has its own DCs,
 * carriers, customers and SKUs and a routing rule keeping it to its DCs (regions are shared).
 * 2026-12-07 is a Monday; Berlin is UTC+1 in December.
 */
const MONDAY = '2026-12-07';
const FRIDAY = '2026-12-11';
const SATURDAY = '2026-12-12';
const WEEK_BEFORE = '2026-12-01T09:00:00Z';

const OPTION_FIELDS = `dcCode carrierCode shipDate onRequestedDate delayDays transitDays deliveryDate weightKg cost
  remainingKgOnShipDate preferredDc requestedDateBlockers deliveryWindowMet unknownSkus`;

interface Option {
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
  requestedDateBlockers: string[];
  deliveryWindowMet: boolean | null;
  unknownSkus: string[];
}

let ctx: ContextStack;

beforeAll(async () => {
  ctx = await startContextStack();
}, 60_000);

afterAll(async () => {
  await ctx?.stop();
});

function depot(dcCode: string, overrides: Partial<CarrierDepot> = {}): CarrierDepot {
  return {
    dcCode,
    dailyCapacityKg: 10_000,
    cutoffLocalTime: '15:00',
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

function lane(dcCode: string, overrides: Partial<CarrierLane> = {}): CarrierLane {
  return { dcCode, region: Region.NORTH, transitDays: 1, costPerKg: 0.4, minimumCharge: 50, ...overrides };
}

function carrier(code: string, depots: CarrierDepot[], lanes: CarrierLane[]): EventEnvelope<unknown> {
  const change: CarrierChanged = { carrier: { code, name: `${code} Freight` }, depots, lanes };
  return erp('erp.carrier.changed.v2', change);
}

function capacity(
  carrierCode: string,
  dcCode: string,
  shipDate: string,
  capacityKg: number,
  bookedKg: number,
) {
  return erp('erp.carrier.capacity-changed.v1', { carrierCode, dcCode, shipDate, capacityKg, bookedKg });
}

function product(sku: string, weightKg: number) {
  return erp('erp.product.changed.v1', {
    sku,
    name: sku,
    family: 'TEST',
    unitOfMeasure: UnitOfMeasure.EA,
    weightKg,
    volumeM3: null,
    unitCost: 1,
    listPrice: 2,
    substitutes: [],
  });
}

/** A customer with one ship-to `${id}-ST` in the region. */
function customer(id: string, region = Region.NORTH) {
  return erp('erp.customer.changed.v1', {
    customer: {
      id,
      name: id,
      segment: CustomerSegment.REGIONAL,
      tier: CustomerTier.SILVER,
      paymentTermsDays: 30,
    },
    shipTos: [{ id: `${id}-ST`, customerId: id, name: `${id} warehouse`, region }],
  });
}

function rule(customerId: string, overrides: Partial<RoutingRule> = {}) {
  return erp('erp.routing-rule.changed.v1', {
    customerId,
    shipComplete: false,
    allowedDcs: [],
    preferredDc: null,
    deliveryWindows: [],
    allowedCarriers: [],
    excludedCarriers: [],
    ...overrides,
  });
}

function order(
  orderNumber: string,
  customerId: string,
  requestedDate: string,
  lines: [sku: string, quantity: number][],
  shipToId: string | null = `${customerId}-ST`,
) {
  return erp('erp.order.created.v1', {
    orderNumber,
    erpVersion: 1,
    customerId,
    shipToId,
    orderedOn: '2026-11-30',
    requestedDate,
    currency: 'EUR',
    status: OrderStatus.RECEIVED,
    lines: lines.map(([sku, quantity], i) => ({ lineNo: i + 1, sku, quantity, unitPrice: 10 })),
  });
}

async function options(orderNumber: string, asOf = WEEK_BEFORE, horizonDays?: number): Promise<Option[]> {
  const response = await ctx.ask<{ order: { shipmentOptions: Option[] } }>(
    `query ($n: ID!, $asOf: String, $h: Int) {
       order(orderNumber: $n) { shipmentOptions(asOf: $asOf, horizonDays: $h) { ${OPTION_FIELDS} } }
     }`,
    { n: orderNumber, asOf, ...(horizonDays === undefined ? {} : { h: horizonDays }) },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.order.shipmentOptions;
}

const brief = (o: Option) => `${o.dcCode}/${o.carrierCode}@${o.shipDate}`;

describe('capacity', () => {
  it("offers the next working day when the requested day's slot is booked to capacity", async () => {
    await ctx.load([
      carrier('FULL-C', [depot('FULL-DC')], [lane('FULL-DC')]),
      capacity('FULL-C', 'FULL-DC', MONDAY, 6_000, 6_000),
      product('FULL-SKU', 25),
      customer('FULL-CU'),
      rule('FULL-CU', { allowedDcs: ['FULL-DC'] }),
      order('FULL-SO', 'FULL-CU', MONDAY, [['FULL-SKU', 40]]),
    ]);
    // 40 × 25 kg = 1,000 kg; Tuesday takes the depot's 10,000 kg; cost 1,000 × 0.40 = 400.
    expect(await options('FULL-SO')).toEqual([
      {
        dcCode: 'FULL-DC',
        carrierCode: 'FULL-C',
        shipDate: '2026-12-08',
        onRequestedDate: false,
        delayDays: 1,
        transitDays: 1,
        deliveryDate: '2026-12-09',
        weightKg: 1000,
        cost: 400,
        remainingKgOnShipDate: 10_000,
        preferredDc: false,
        requestedDateBlockers: ['CAPACITY_FULL'],
        deliveryWindowMet: true,
        unknownSkus: [],
      },
    ]);
  });

  it('answers every carrier with a depot at the DC, defaults included', async () => {
    await ctx.load([
      carrier('CAP-A', [depot('CAP-DC', { dailyCapacityKg: 8_000 })], []),
      carrier('CAP-B', [depot('CAP-DC', { dailyCapacityKg: 3_000 })], []),
      capacity('CAP-A', 'CAP-DC', MONDAY, 5_000, 5_250.5),
      capacity('CAP-B', 'CAP-DC', SATURDAY, 1_200, 200),
      // A carrier the TMS reports capacity for without a depot known at the DC.
      capacity('CAP-TMS', 'CAP-DC', MONDAY, 700, 100),
    ]);
    const ask = async (shipDate: string) =>
      (
        await ctx.ask<{ capacity: unknown[] }>(
          `query ($d: String!) {
             capacity(dcCode: "CAP-DC", shipDate: $d) {
               carrierCode dcCode shipDate capacityKg bookedKg remainingKg defaulted collects
             }
           }`,
          { d: shipDate },
        )
      ).data!.capacity;
    expect(await ask(MONDAY)).toEqual([
      {
        carrierCode: 'CAP-A',
        dcCode: 'CAP-DC',
        shipDate: MONDAY,
        capacityKg: 5000,
        bookedKg: 5250.5,
        remainingKg: 0,
        defaulted: false,
        collects: true,
      },
      {
        carrierCode: 'CAP-B',
        dcCode: 'CAP-DC',
        shipDate: MONDAY,
        capacityKg: 3000,
        bookedKg: 0,
        remainingKg: 3000,
        defaulted: true,
        collects: true,
      },
      {
        carrierCode: 'CAP-TMS',
        dcCode: 'CAP-DC',
        shipDate: MONDAY,
        capacityKg: 700,
        bookedKg: 100,
        remainingKg: 600,
        defaulted: false,
        collects: true,
      },
    ]);
    expect(await ask(SATURDAY)).toEqual([
      expect.objectContaining({
        carrierCode: 'CAP-A',
        capacityKg: 0,
        remainingKg: 0,
        defaulted: true,
        collects: false,
      }),
      expect.objectContaining({
        carrierCode: 'CAP-B',
        capacityKg: 1200,
        remainingKg: 1000,
        defaulted: false,
        collects: true,
      }),
    ]);
  });

  it('ships an order exactly as heavy as the remaining capacity, and not one unit more', async () => {
    await ctx.load([
      carrier('EXACT-C', [depot('EXACT-DC')], [lane('EXACT-DC')]),
      capacity('EXACT-C', 'EXACT-DC', MONDAY, 5_000, 4_000.5),
      product('EXACT-SKU', 0.5),
      customer('EXACT-CU'),
      rule('EXACT-CU', { allowedDcs: ['EXACT-DC'] }),
      order('EXACT-SO-1', 'EXACT-CU', MONDAY, [['EXACT-SKU', 1999]]),
      order('EXACT-SO-2', 'EXACT-CU', MONDAY, [['EXACT-SKU', 2000]]),
    ]);
    // 5,000 − 4,000.5 = 999.5 kg free; 1,999 × 0.5 kg = 999.5 kg fits, 2,000 × 0.5 kg does not.
    expect(await options('EXACT-SO-1')).toEqual([
      expect.objectContaining({
        shipDate: MONDAY,
        onRequestedDate: true,
        weightKg: 999.5,
        remainingKgOnShipDate: 999.5,
        cost: 399.8,
        requestedDateBlockers: [],
      }),
    ]);
    expect(await options('EXACT-SO-2')).toEqual([
      expect.objectContaining({
        shipDate: '2026-12-08',
        weightKg: 1000,
        requestedDateBlockers: ['CAPACITY_FULL'],
      }),
    ]);
  });

  it('gives a null ship date when no day in the horizon has capacity, after the options that have one', async () => {
    const full = ['07', '08', '09', '10', '11'].map((d) =>
      capacity('NONE-C', 'NONE-DC', `2026-12-${d}`, 800, 800),
    );
    await ctx.load([
      carrier('NONE-C', [depot('NONE-DC')], [lane('NONE-DC', { transitDays: 1 })]),
      carrier(
        'NONE-SLOW',
        [depot('NONE-DC')],
        [lane('NONE-DC', { transitDays: 4, costPerKg: 0.2, minimumCharge: 0 })],
      ),
      ...full,
      product('NONE-SKU', 10),
      customer('NONE-CU'),
      rule('NONE-CU', { allowedDcs: ['NONE-DC'] }),
      order('NONE-SO', 'NONE-CU', MONDAY, [['NONE-SKU', 10]]),
    ]);
    // Horizon 5: Monday 7th to Saturday 12th; NONE-C is full all week and does not collect on Saturday.
    const within = await options('NONE-SO');
    expect(within.map(brief)).toEqual(['NONE-DC/NONE-SLOW@2026-12-07', 'NONE-DC/NONE-C@null']);
    expect(within[1]).toEqual({
      dcCode: 'NONE-DC',
      carrierCode: 'NONE-C',
      shipDate: null,
      onRequestedDate: false,
      delayDays: null,
      transitDays: 1,
      deliveryDate: null,
      weightKg: 100,
      cost: 50,
      remainingKgOnShipDate: null,
      preferredDc: false,
      requestedDateBlockers: ['CAPACITY_FULL'],
      deliveryWindowMet: null,
      unknownSkus: [],
    });
    // Horizon 7 reaches Monday 14th.
    const wider = await options('NONE-SO', WEEK_BEFORE, 7);
    expect(wider.map(brief)).toEqual(['NONE-DC/NONE-SLOW@2026-12-07', 'NONE-DC/NONE-C@2026-12-14']);
    expect(wider[1]).toMatchObject({ delayDays: 5, deliveryDate: '2026-12-15' });
  });
});

describe('cut-off in the depot time zone', () => {
  beforeAll(() =>
    ctx.load([
      carrier(
        'CUT-C',
        [depot('CUT-DC', { cutoffLocalTime: '15:00', timeZone: 'Europe/Berlin' })],
        [lane('CUT-DC')],
      ),
      product('CUT-SKU', 5),
      customer('CUT-CU'),
      rule('CUT-CU', { allowedDcs: ['CUT-DC'] }),
      order('CUT-SO', 'CUT-CU', MONDAY, [['CUT-SKU', 20]]),
    ]),
  );

  it('has passed one minute after the cut-off: next working day', async () => {
    // 14:01 UTC is 15:01 in Berlin.
    expect(await options('CUT-SO', '2026-12-07T14:01:00Z')).toEqual([
      expect.objectContaining({
        shipDate: '2026-12-08',
        onRequestedDate: false,
        delayDays: 1,
        deliveryDate: '2026-12-09',
        requestedDateBlockers: ['CUTOFF_PASSED'],
      }),
    ]);
  });

  it('ships the same day one minute before the cut-off and at the cut-off minute itself', async () => {
    for (const asOf of ['2026-12-07T13:59:00Z', '2026-12-07T14:00:00Z', '2026-12-07T15:00:00+01:00']) {
      expect(await options('CUT-SO', asOf)).toEqual([
        expect.objectContaining({
          shipDate: MONDAY,
          onRequestedDate: true,
          delayDays: 0,
          requestedDateBlockers: [],
        }),
      ]);
    }
  });

  it('reports a requested date already past at the DC and ships from today', async () => {
    // Wednesday 9th, 10:00 in Berlin.
    expect(await options('CUT-SO', '2026-12-09T09:00:00Z')).toEqual([
      expect.objectContaining({
        shipDate: '2026-12-09',
        delayDays: 2,
        requestedDateBlockers: ['IN_THE_PAST'],
      }),
    ]);
  });

  it('refuses a malformed asOf or horizon with a clear error', async () => {
    const bad = async (variables: Record<string, unknown>) =>
      ctx.ask(
        `query ($asOf: String, $h: Int) { order(orderNumber: "CUT-SO") { shipmentOptions(asOf: $asOf, horizonDays: $h) { dcCode } } }`,
        variables,
      );
    const noOffset = await bad({ asOf: '2026-12-07T14:00:00' });
    expect(noOffset.errors?.[0]).toMatchObject({
      message: 'asOf must be an ISO 8601 instant with an offset, e.g. 2026-12-07T14:00:00Z',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const horizon = await bad({ asOf: WEEK_BEFORE, h: -1 });
    expect(horizon.errors?.[0]).toMatchObject({
      message: 'horizonDays must be from 0 to 31',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('calendar', () => {
  beforeAll(() =>
    ctx.load([
      carrier('CAL-C', [depot('CAL-DC')], [lane('CAL-DC', { transitDays: 2 })]),
      carrier('CAL-SAT', [depot('CAL-DC')], [lane('CAL-DC', { transitDays: 2, costPerKg: 0.5 })]),
      capacity('CAL-SAT', 'CAL-DC', SATURDAY, 2_000, 0),
      product('CAL-SKU', 1),
      customer('CAL-CU'),
      rule('CAL-CU', {
        allowedDcs: ['CAL-DC'],
        deliveryWindows: [{ weekday: 2, opensAt: '08:00', closesAt: '16:00' }],
      }),
      order('CAL-FRI', 'CAL-CU', FRIDAY, [['CAL-SKU', 100]]),
      order('CAL-SAT', 'CAL-CU', SATURDAY, [['CAL-SKU', 100]]),
    ]),
  );

  it('delivers a Friday shipment with two transit days on Tuesday', async () => {
    const friday = await options('CAL-FRI');
    // Both ship Friday and arrive Tuesday (a delivery window day); 100 kg × 0.40 = 40 < 50 minimum.
    expect(
      friday.map((o) => [o.carrierCode, o.shipDate, o.deliveryDate, o.deliveryWindowMet, o.cost]),
    ).toEqual([
      ['CAL-C', FRIDAY, '2026-12-15', true, 50],
      ['CAL-SAT', FRIDAY, '2026-12-15', true, 50],
    ]);
  });

  it('moves a Saturday request to Monday unless a capacity event opens the Saturday', async () => {
    expect(await options('CAL-SAT')).toEqual([
      expect.objectContaining({
        carrierCode: 'CAL-SAT',
        shipDate: SATURDAY,
        onRequestedDate: true,
        delayDays: 0,
        deliveryDate: '2026-12-15',
        deliveryWindowMet: true,
        remainingKgOnShipDate: 2000,
        requestedDateBlockers: [],
      }),
      expect.objectContaining({
        carrierCode: 'CAL-C',
        shipDate: '2026-12-14',
        onRequestedDate: false,
        delayDays: 1,
        deliveryDate: '2026-12-16',
        deliveryWindowMet: false,
        remainingKgOnShipDate: 10_000,
        requestedDateBlockers: ['NO_COLLECTION'],
      }),
    ]);
  });
});

describe('routing rules', () => {
  // WEST belongs to this block alone, so a customer without a rule sees exactly these lanes.
  beforeAll(() =>
    ctx.load([
      carrier(
        'RR-X',
        [depot('RR-A'), depot('RR-B'), depot('RR-C')],
        [
          lane('RR-A', { region: Region.WEST, transitDays: 2 }),
          lane('RR-B', { region: Region.WEST, transitDays: 2 }),
          lane('RR-C', { region: Region.WEST, transitDays: 1 }),
        ],
      ),
      carrier(
        'RR-Y',
        [depot('RR-A')],
        [lane('RR-A', { region: Region.WEST, transitDays: 2, costPerKg: 0.3 })],
      ),
      carrier('RR-Z', [depot('RR-B')], [lane('RR-B', { region: Region.WEST, transitDays: 1 })]),
      // A lane without a depot at its DC is no option.
      carrier('RR-NODEPOT', [depot('RR-A')], [lane('RR-C', { region: Region.WEST })]),
      product('RR-SKU', 10),
      customer('RR-RULED', Region.WEST),
      rule('RR-RULED', { allowedDcs: ['RR-A', 'RR-B'], excludedCarriers: ['RR-Z'], preferredDc: 'RR-B' }),
      customer('RR-ONLY-Y', Region.WEST),
      rule('RR-ONLY-Y', { allowedCarriers: ['RR-Y'] }),
      customer('RR-FREE', Region.WEST),
      order('RR-SO-RULED', 'RR-RULED', MONDAY, [['RR-SKU', 100]]),
      order('RR-SO-ONLY-Y', 'RR-ONLY-Y', MONDAY, [['RR-SKU', 100]]),
      order('RR-SO-FREE', 'RR-FREE', MONDAY, [
        ['RR-SKU', 100],
        ['RR-UNKNOWN', 3],
      ]),
    ]),
  );

  it('keeps to allowed DCs, leaves out excluded carriers and puts the preferred DC first', async () => {
    const ruled = await options('RR-SO-RULED');
    // 1,000 kg: RR-X 400, RR-Y 300; all deliver Wednesday; RR-B preferred.
    expect(ruled.map((o) => [brief(o), o.preferredDc, o.deliveryDate, o.cost])).toEqual([
      ['RR-B/RR-X@2026-12-07', true, '2026-12-09', 400],
      ['RR-A/RR-Y@2026-12-07', false, '2026-12-09', 300],
      ['RR-A/RR-X@2026-12-07', false, '2026-12-09', 400],
    ]);
  });

  it('answers only the best options with first, and refuses a first outside 1–100', async () => {
    const best = await ctx.ask<{ order: { shipmentOptions: { dcCode: string; carrierCode: string }[] } }>(
      `query ($asOf: String) { order(orderNumber: "RR-SO-RULED") { shipmentOptions(asOf: $asOf, first: 2) { dcCode carrierCode } } }`,
      { asOf: WEEK_BEFORE },
    );
    expect(best.data!.order.shipmentOptions).toEqual([
      { dcCode: 'RR-B', carrierCode: 'RR-X' },
      { dcCode: 'RR-A', carrierCode: 'RR-Y' },
    ]);
    const none = await ctx.ask(
      `{ order(orderNumber: "RR-SO-RULED") { shipmentOptions(first: 0) { dcCode } } }`,
    );
    expect(none.errors?.[0]).toMatchObject({
      message: 'first must be from 1 to 100',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('keeps to the allowed carriers', async () => {
    expect((await options('RR-SO-ONLY-Y')).map(brief)).toEqual(['RR-A/RR-Y@2026-12-07']);
  });

  it('offers every DC with a depot and a lane when the customer has no rule, and lists unknown SKUs', async () => {
    const free = await options('RR-SO-FREE');
    expect(free.map(brief)).toEqual([
      'RR-B/RR-Z@2026-12-07',
      'RR-C/RR-X@2026-12-07',
      'RR-A/RR-Y@2026-12-07',
      'RR-A/RR-X@2026-12-07',
      'RR-B/RR-X@2026-12-07',
    ]);
    expect(free.every((o) => o.weightKg === 1000 && o.unknownSkus.join() === 'RR-UNKNOWN')).toBe(true);
  });

  it("answers the customer's routing rules", async () => {
    const response = await ctx.ask<{ customer: unknown }>(`{
      customer(id: "RR-RULED") {
        id
        routingRules {
          customerId shipComplete allowedDcs preferredDc allowedCarriers excludedCarriers
          deliveryWindows { weekday opensAt closesAt }
        }
      }
    }`);
    expect(response.data!.customer).toEqual({
      id: 'RR-RULED',
      routingRules: {
        customerId: 'RR-RULED',
        shipComplete: false,
        allowedDcs: ['RR-A', 'RR-B'],
        preferredDc: 'RR-B',
        allowedCarriers: [],
        excludedCarriers: ['RR-Z'],
        deliveryWindows: [],
      },
    });
    const none = await ctx.ask<{ customer: { routingRules: unknown } }>(
      `{ customer(id: "RR-FREE") { routingRules { customerId } } }`,
    );
    expect(none.data!.customer.routingRules).toBeNull();
  });
});

describe('cost', () => {
  it('charges the minimum or weight × cost per kg, whichever is more, rounded half up to cents', async () => {
    await ctx.load([
      carrier('COST-MIN', [depot('COST-DC')], [lane('COST-DC', { costPerKg: 0.1, minimumCharge: 150 })]),
      carrier('COST-KG', [depot('COST-DC')], [lane('COST-DC', { costPerKg: 0.35, minimumCharge: 20 })]),
      product('COST-SKU', 3.333),
      customer('COST-CU'),
      rule('COST-CU', { allowedDcs: ['COST-DC'] }),
      order('COST-SO', 'COST-CU', MONDAY, [['COST-SKU', 100]]),
    ]);
    // 100 × 3.333 kg = 333.3 kg. COST-KG: 333.3 × 0.35 = 116.655 → 116.66 (a float product gives 116.65).
    // COST-MIN: 333.3 × 0.10 = 33.33 < 150.
    const cost = await options('COST-SO');
    expect(cost.map((o) => [o.carrierCode, o.weightKg, o.cost])).toEqual([
      ['COST-KG', 333.3, 116.66],
      ['COST-MIN', 333.3, 150],
    ]);
  });
});

describe('carrier master', () => {
  it('replaces depots and lanes with each v2 event, and a v1 event (upcast) clears them', async () => {
    await ctx.load([
      carrier('V1-C', [depot('V1-DC', { dailyCapacityKg: 4_000 })], [lane('V1-DC', { minimumCharge: 45.5 })]),
      product('V1-SKU', 1),
      customer('V1-CU'),
      rule('V1-CU', { allowedDcs: ['V1-DC'] }),
      order('V1-SO', 'V1-CU', MONDAY, [['V1-SKU', 10]]),
    ]);
    const query = `{
      carrier(code: "V1-C") {
        code name
        depots { dcCode dailyCapacityKg cutoffLocalTime timeZone }
        lanes { id carrierCode dcCode region transitDays costPerKg minimumCharge }
      }
    }`;
    expect((await ctx.ask<{ carrier: unknown }>(query)).data!.carrier).toEqual({
      code: 'V1-C',
      name: 'V1-C Freight',
      depots: [
        { dcCode: 'V1-DC', dailyCapacityKg: 4000, cutoffLocalTime: '15:00', timeZone: 'Europe/Berlin' },
      ],
      lanes: [
        {
          id: 'V1-C:V1-DC:NORTH',
          carrierCode: 'V1-C',
          dcCode: 'V1-DC',
          region: 'NORTH',
          transitDays: 1,
          costPerKg: 0.4,
          minimumCharge: 45.5,
        },
      ],
    });
    expect((await options('V1-SO')).map((o) => [brief(o), o.cost])).toEqual([
      ['V1-DC/V1-C@2026-12-07', 45.5],
    ]);

    await ctx.load([erp('erp.carrier.changed.v1', { code: 'V1-C', name: 'V1 Carrier (renamed)' })]);
    expect((await ctx.ask<{ carrier: unknown }>(query)).data!.carrier).toEqual({
      code: 'V1-C',
      name: 'V1 Carrier (renamed)',
      depots: [],
      lanes: [],
    });
    expect(await options('V1-SO')).toEqual([]);
    const capacityAfter = await ctx.ask<{ capacity: unknown[] }>(
      `{ capacity(dcCode: "V1-DC", shipDate: "${MONDAY}") { carrierCode } }`,
    );
    expect(capacityAfter.data!.capacity).toEqual([]);
  });

  it('dead-letters a carrier whose depot has no valid time zone, keeping what it had', async () => {
    await ctx.load([carrier('TZ-C', [depot('TZ-DC')], [])]);
    await ctx.load([carrier('TZ-C', [depot('TZ-DC', { timeZone: 'Berlin' })], [])]);
    const letters = await ctx.stack.deadLetters();
    expect(letters.map((l) => JSON.stringify(l))).toContainEqual(
      expect.stringContaining('carrier TZ-C: depot TZ-DC time zone \\"Berlin\\" is not an IANA zone'),
    );
    const response = await ctx.ask<{ carrier: { depots: unknown[] } }>(
      `{ carrier(code: "TZ-C") { depots { timeZone } } }`,
    );
    expect(response.data!.carrier.depots).toEqual([{ timeZone: 'Europe/Berlin' }]);
  });
});

describe('orders without a ship-to', () => {
  it('have no shipment options', async () => {
    await ctx.load([
      carrier('NOST-C', [depot('NOST-DC')], [lane('NOST-DC')]),
      customer('NOST-CU'),
      order('NOST-SO', 'NOST-CU', MONDAY, [['NOST-SKU', 1]], null),
    ]);
    expect(await options('NOST-SO')).toEqual([]);
  });
});

describe('statements', () => {
  it('answers the shipment options of every order with a constant number of statements', async () => {
    await ctx.load([
      carrier(
        'STMT-C',
        [depot('STMT-DC1'), depot('STMT-DC2')],
        [
          lane('STMT-DC1', { region: Region.EAST }),
          lane('STMT-DC2', { region: Region.EAST, transitDays: 2 }),
        ],
      ),
      capacity('STMT-C', 'STMT-DC1', MONDAY, 100, 100),
      product('STMT-SKU-1', 2),
      product('STMT-SKU-2', 3),
      customer('STMT-RULED', Region.EAST),
      rule('STMT-RULED', { preferredDc: 'STMT-DC2' }),
      customer('STMT-FREE', Region.EAST),
      ...Array.from({ length: 30 }, (_, i) =>
        order(
          `STMT-SO-${String(i).padStart(2, '0')}`,
          i % 2 ? 'STMT-RULED' : 'STMT-FREE',
          i % 3 ? MONDAY : FRIDAY,
          [
            [`STMT-SKU-${1 + (i % 2)}`, 1 + i],
            ['STMT-UNKNOWN', 2],
          ],
        ),
      ),
    ]);
    const measure = async (first: number) => {
      const before = (await ctx.graphqlStatements()).logistics;
      const response = await ctx.ask<{ orders: { shipmentOptions: Option[] }[] }>(
        `query ($first: Int!) {
           orders(first: $first) {
             orderNumber
             customer { routingRules { preferredDc } }
             shipmentOptions(asOf: "${WEEK_BEFORE}") { dcCode carrierCode shipDate cost requestedDateBlockers }
           }
         }`,
        { first },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.orders.length).toBe(first);
      return (await ctx.graphqlStatements()).logistics - before;
    };
    const few = await measure(5);
    const many = await measure(30);
    // Customer.routingRules (a fetch of its own), then rules, weights, lanes and slots: one each.
    expect([few, many]).toEqual([5, 5]);
  });
});
