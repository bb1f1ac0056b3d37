/**
 * Builders of the OrderContext that detection and recommendation specs feed their pure functions.
 * Each builder's defaults describe one clean order, so a spec only spells out the facts its case
 * is about; overrides replace whole fields.
 */
import type {
  CreditCheckContext,
  DcAvailabilityContext,
  OrderContext,
  OrderLineContext,
  PriceCheckContext,
  RoutingRuleContext,
  ShipmentOptionContext,
} from '../order-context';

/** The date the default order asks for: a Wednesday, so the working-day arithmetic in specs is plain. */
export const REQUESTED_DATE = '2026-12-02';

/** A DC's stock of a line's SKU, all of it available by the requested date. */
export function stock(
  dcCode: string,
  availableByRequestedDate: number,
  earliestFillDate: string | null = null,
): DcAvailabilityContext {
  return { dcCode, available: availableByRequestedDate, availableByRequestedDate, earliestFillDate };
}

/** A line priced at its contract price (50.00 on CTR-0001) with a healthy 30 % margin. */
export function priceCheck(overrides: Partial<PriceCheckContext> = {}): PriceCheckContext {
  return {
    skuKnown: true,
    hasContract: true,
    contractId: 'CTR-0001',
    contractPrice: 50,
    deviationPct: 0,
    tolerancePct: 3,
    withinTolerance: true,
    marginPct: 30,
    marginFloorPct: 8,
    aboveMarginFloor: true,
    lastContractEndedOn: null,
    ...overrides,
  };
}

/** Line 1: 10 × SKU-00001 at 50.00, stocked at DC-NORTH (100) and DC-SOUTH (50). */
export function line(overrides: Partial<OrderLineContext> = {}): OrderLineContext {
  return {
    lineNo: 1,
    sku: 'SKU-00001',
    quantity: 10,
    unitPrice: 50,
    availability: { skuKnown: true, byDc: [stock('DC-NORTH', 100), stock('DC-SOUTH', 50)] },
    priceCheck: priceCheck(),
    ...overrides,
  };
}

/** CAR-A collecting at the preferred DC-NORTH on the requested date, delivering the next day for 180.00. */
export function option(overrides: Partial<ShipmentOptionContext> = {}): ShipmentOptionContext {
  return {
    dcCode: 'DC-NORTH',
    carrierCode: 'CAR-A',
    shipDate: REQUESTED_DATE,
    onRequestedDate: true,
    delayDays: 0,
    deliveryDate: '2026-12-03',
    cost: 180,
    preferredDc: true,
    requestedDateBlockers: [],
    deliveryWindowMet: null,
    ...overrides,
  };
}

/** An account within its 10,000.00 limit (4,000.00 exposure) with nothing overdue. */
export function credit(overrides: Partial<CreditCheckContext> = {}): CreditCheckContext {
  return {
    hasAccount: true,
    creditLimit: 10_000,
    exposure: 4_000,
    headroom: 6_000,
    withinLimit: true,
    overLimitBy: null,
    overdue: false,
    overdueDays: 0,
    overdueAmount: 0,
    ...overrides,
  };
}

/** Routing rules that restrict nothing. */
function rules(overrides: Partial<RoutingRuleContext> = {}): RoutingRuleContext {
  return {
    shipComplete: false,
    allowedDcs: [],
    preferredDc: null,
    allowedCarriers: [],
    excludedCarriers: [],
    ...overrides,
  };
}

/**
 * A clean order that raises nothing: one 10 × 50.00 line shipping from DC-NORTH (the ship-to's
 * region) on the requested date with CAR-A at 180.00.
 */
export function order(overrides: Partial<OrderContext> = {}): OrderContext {
  return {
    orderNumber: 'SO-2001',
    erpVersion: 1,
    status: 'VALIDATING',
    customerId: 'CUST-001',
    shipToId: 'ST-001',
    requestedDate: REQUESTED_DATE,
    orderValue: 500,
    currency: 'EUR',
    notes: null,
    shipTo: { id: 'ST-001', region: 'NORTH' },
    customer: {
      id: 'CUST-001',
      name: 'Kessler Elektro GmbH',
      segment: 'KEY_ACCOUNT',
      tier: 'GOLD',
      routingRules: null,
    },
    creditCheck: credit(),
    shipmentOptions: [option()],
    erpCommands: [],
    lines: [line()],
    ...overrides,
  };
}

/** The default order for a customer with the given routing rules (the rest unrestricted). */
export function withRules(
  routing: Partial<RoutingRuleContext>,
  overrides: Partial<OrderContext> = {},
): OrderContext {
  return order({
    customer: {
      id: 'CUST-001',
      name: 'Kessler Elektro GmbH',
      segment: 'KEY_ACCOUNT',
      tier: 'GOLD',
      routingRules: rules(routing),
    },
    ...overrides,
  });
}

/**
 * The reference order SO-1001 both detection and recommendation specs reason about, with the
 * shipment options each spec needs. Line 1: 120 × SKU-00001 at 12.40, short at DC-NORTH (20 by the
 * requested date, all by 2026-12-09) with 500 at DC-SOUTH. Line 2: 40 × SKU-00002 at 45.50, 9 % under
 * the 50.00 contract price of CTR-0042. The customer prefers DC-NORTH, allows DC-SOUTH, and accepts
 * partial shipments. Order value 120 × 12.40 + 40 × 45.50 = 1488.00 + 1820.00 = 3308.00.
 */
export function so1001Order(shipmentOptions: ShipmentOptionContext[]): OrderContext {
  return withRules(
    { preferredDc: 'DC-NORTH', allowedDcs: ['DC-NORTH', 'DC-SOUTH'], shipComplete: false },
    {
      orderNumber: 'SO-1001',
      orderValue: 3_308,
      lines: [
        line({
          lineNo: 1,
          sku: 'SKU-00001',
          quantity: 120,
          unitPrice: 12.4,
          availability: {
            skuKnown: true,
            byDc: [stock('DC-NORTH', 20, '2026-12-09'), stock('DC-SOUTH', 500, '2026-11-30')],
          },
        }),
        line({
          lineNo: 2,
          sku: 'SKU-00002',
          quantity: 40,
          unitPrice: 45.5,
          availability: { skuKnown: true, byDc: [stock('DC-NORTH', 200), stock('DC-SOUTH', 80)] },
          priceCheck: priceCheck({
            contractId: 'CTR-0042',
            contractPrice: 50,
            deviationPct: -9,
            tolerancePct: 3,
            withinTolerance: false,
            marginPct: 34.07,
            marginFloorPct: 8,
            aboveMarginFloor: true,
          }),
        }),
      ],
      shipmentOptions,
    },
  );
}
