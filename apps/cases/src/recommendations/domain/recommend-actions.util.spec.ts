import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, ShipmentBlocker, ShipmentOptionContext } from '../../detection/order-context';
import { detectExceptions } from '../../detection/domain/detect-exceptions.util';
import {
  line,
  option,
  order,
  REQUESTED_DATE as REQUESTED,
  so1001Order,
  withRules,
} from '../../detection/domain/order-context.test-support';
import { RecommendedAction } from '../recommended-action.enum';
import {
  DEFAULT_RECOMMENDATION_SETTINGS,
  recommendActions,
  type ExceptionRef,
  type ProductContext,
  type RecommendationCandidate,
  type RecommendationSettings,
} from './recommend-actions.util';

const AS_OF = '2026-11-30'; // a Monday; the requested date 2026-12-02 is the Wednesday after

// ---------------------------------------------------------------------------------------------
// Context builders of this spec (the shared ones are in order-context.test-support)

/**
 * An option blocked on the requested date (by default because the carrier is full), offering
 * `shipDate` instead, `delayDays` working days later.
 */
function later(
  carrierCode: string,
  shipDate: string,
  delayDays: number,
  cost: number,
  dcCode = 'DC-NORTH',
  blockers: ShipmentBlocker[] = ['CAPACITY_FULL'],
): ShipmentOptionContext {
  return option({
    dcCode,
    carrierCode,
    shipDate,
    onRequestedDate: false,
    delayDays,
    cost,
    requestedDateBlockers: blockers,
  });
}

// ---------------------------------------------------------------------------------------------
// Exception builders (the facts detection writes)

function shortage(
  lineNo: number,
  facts: {
    availableByRequestedDate?: number;
    earliestFillDate?: string | null;
    alternateDc?: string | null;
    quantity?: number;
  } = {},
): ExceptionRef {
  return {
    category: ExceptionCategory.STOCK_SHORTAGE,
    lineNo,
    reason: `line ${lineNo} is short`,
    facts: {
      dcCode: 'DC-NORTH',
      quantity: 10,
      availableByRequestedDate: 0,
      earliestFillDate: null,
      alternateDc: null,
      ...facts,
    },
  };
}

function priceMismatch(lineNo: number, facts: Record<string, unknown> = {}): ExceptionRef {
  return {
    category: ExceptionCategory.PRICE_MISMATCH,
    lineNo,
    reason: `line ${lineNo} is off contract`,
    facts: {
      contractId: 'CTR-0001',
      contractPrice: 50,
      unitPrice: 50,
      deviationPct: 0,
      tolerancePct: 3,
      marginPct: 30,
      marginFloorPct: 8,
      ...facts,
    },
  };
}

function creditHold(facts: Record<string, unknown>): ExceptionRef {
  return {
    category: ExceptionCategory.CREDIT_HOLD,
    lineNo: null,
    reason: 'customer CUST-001 is on credit hold',
    facts: {
      currency: 'EUR',
      creditLimit: 10_000,
      exposure: 4_000,
      withinLimit: true,
      overLimitBy: null,
      overdue: false,
      overdueDays: 0,
      overdueAmount: 0,
      ...facts,
    },
  };
}

/** What detection says about each blocker in a SHIPMENT_CONSTRAINT's reason. */
const BLOCKER_TEXT: Readonly<Record<ShipmentBlocker, string>> = {
  CAPACITY_FULL: 'every carrier is full',
  CUTOFF_PASSED: 'the cut-off has passed',
  NO_COLLECTION: 'no carrier collects that day',
  IN_THE_PAST: 'the requested date has passed',
};

/** Nothing ships from DC-NORTH on the requested date, for `blockers` (sorted, as detection writes them). */
function shipmentConstraint(blockers: ShipmentBlocker[] = ['CAPACITY_FULL']): ExceptionRef {
  const why =
    blockers.length > 0
      ? blockers.map((blocker) => BLOCKER_TEXT[blocker]).join(', ')
      : 'no carrier can take it';
  return {
    category: ExceptionCategory.SHIPMENT_CONSTRAINT,
    lineNo: null,
    reason: `nothing can ship from DC-NORTH on 2026-12-02: ${why}`,
    facts: {
      dcCode: 'DC-NORTH',
      requestedDate: REQUESTED,
      blockers,
      nextShipDate: null,
      nextCarrier: null,
    },
  };
}

function routingRule(broken: string[], facts: Record<string, unknown> = {}): ExceptionRef {
  return {
    category: ExceptionCategory.ROUTING_RULE,
    lineNo: null,
    reason: 'the plan breaks a customer rule',
    facts: {
      broken,
      dcCode: 'DC-NORTH',
      allowedDcs: [],
      shipComplete: false,
      shortLines: [],
      allowedCarriers: [],
      excludedCarriers: [],
      ...facts,
    },
  };
}

function product(
  sku: string,
  unitCost: number,
  substitutes: ProductContext['substitutes'] = [],
): ProductContext {
  return { sku, unitCost, substitutes };
}

function substitute(
  sku: string,
  unitCost: number,
  stockAt: [string, number][],
): ProductContext['substitutes'][0] {
  return {
    sku,
    unitCost,
    listPrice: unitCost * 1.5,
    stock: stockAt.map(([dcCode, available]) => ({ dcCode, available })),
  };
}

// ---------------------------------------------------------------------------------------------
// Running and reading

interface Run {
  order?: OrderContext;
  exceptions: ExceptionRef[];
  products?: ProductContext[];
  assignedDc?: string | null;
  asOf?: string;
  settings?: RecommendationSettings;
}

function recommend(run: Run): RecommendationCandidate[] {
  return recommendActions({
    order: run.order ?? order(),
    exceptions: run.exceptions,
    products: run.products ?? [],
    assignedDc: run.assignedDc === undefined ? 'DC-NORTH' : run.assignedDc,
    asOf: run.asOf ?? AS_OF,
    settings: run.settings,
  });
}

/** The figures of each candidate, in rank order, one line each: "rank EXCEPTION:line ACTION cost= margin= days= conf=". */
function rows(candidates: RecommendationCandidate[]): string[] {
  return candidates.map((c) => {
    const on = c.exception === null ? 'CASE' : `${c.exception.category}:${c.exception.lineNo ?? '-'}`;
    return (
      `${c.rank} ${on} ${c.action} cost=${c.cost} margin=${c.marginEffect} ` +
      `days=${c.dateEffectDays} conf=${c.confidence}`
    );
  });
}

/** The candidates' figures by field, for the tests that look at a few of them. */
function figures(candidates: RecommendationCandidate[]) {
  return candidates.map((c) => ({
    action: c.action,
    cost: c.cost,
    marginEffect: c.marginEffect,
    days: c.dateEffectDays,
  }));
}

function actions(candidates: RecommendationCandidate[]): string[] {
  return candidates.map((c) => c.action);
}

function find(candidates: RecommendationCandidate[], action: RecommendedAction): RecommendationCandidate {
  const found = candidates.filter((c) => c.action === action);
  expect(found).toHaveLength(1);
  return found[0];
}

// ---------------------------------------------------------------------------------------------

describe('recommendActions', () => {
  it('proposes nothing for a case without exceptions', () => {
    expect(recommend({ exceptions: [] })).toEqual([]);
  });

  it('defaults to the documented settings', () => {
    expect(DEFAULT_RECOMMENDATION_SETTINGS).toEqual({
      expediteInboundFee: 150,
      expediteTransportPremium: 0.6,
      transferCostPerLine: 40,
      creditRiskRate: 0.02,
    });
  });

  it('refuses a "today" that is not a YYYY-MM-DD date', () => {
    expect(() => recommend({ exceptions: [], asOf: '30/11/2026' })).toThrow(RangeError);
  });

  describe('reference scenario SO-1001', () => {
    // Line 1: 120 × 12.40 = 1488.00, short at DC-NORTH (20 by the requested date, all by 2026-12-09),
    // 500 at DC-SOUTH. Line 2: 40 × 45.50 = 1820.00, 9 % under the 50.00 contract price.
    // Order value 1488.00 + 1820.00 = 3308.00. Every carrier at DC-NORTH is full on 2026-12-02:
    // CAR-A can take it on 2026-12-03 (180.00), CAR-B on 2026-12-04 (150.00). DC-SOUTH ships on the
    // date with CAR-A (210.00) or CAR-C (190.00).
    const so1001 = so1001Order([
      later('CAR-B', '2026-12-04', 2, 150),
      later('CAR-A', '2026-12-03', 1, 180),
      option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-A', cost: 210, preferredDc: false }),
      option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-C', cost: 190, preferredDc: false }),
    ]);
    // As detection raises them: sorted by category, then line.
    const exceptions: ExceptionRef[] = [
      priceMismatch(2, {
        contractId: 'CTR-0042',
        contractPrice: 50,
        unitPrice: 45.5,
        deviationPct: -9,
        tolerancePct: 3,
        marginPct: 34.07,
        marginFloorPct: 8,
      }),
      {
        ...shipmentConstraint(),
        facts: { ...shipmentConstraint().facts, nextShipDate: '2026-12-03', nextCarrier: 'CAR-A' },
      },
      shortage(1, {
        quantity: 120,
        availableByRequestedDate: 20,
        earliestFillDate: '2026-12-09',
        alternateDc: 'DC-SOUTH',
      }),
    ];
    const result = recommend({ order: so1001, exceptions });

    it('ranks every action, per exception in the order given, the customer notice last', () => {
      expect(rows(result)).toEqual([
        // CORRECT_PRICE: margin (50.00 − 45.50) × 40 = +180.00, net cost −180.00.
        '1 PRICE_MISMATCH:2 CORRECT_PRICE cost=0 margin=180 days=0 conf=0.9',
        // Override: leaks the same 180.00 against the contract, net cost +180.00.
        '2 PRICE_MISMATCH:2 APPROVE_PRICE_OVERRIDE cost=180 margin=0 days=0 conf=0.6',
        // Earliest ship date 2026-12-03 with CAR-A: 180.00 − 150.00 = 30.00 over the cheapest, 1 day late.
        // The carriers are full (CAPACITY_FULL), not past their cut-off: no premium transport to buy.
        '3 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=30 margin=0 days=1 conf=0.85',
        // DC-SOUTH's cheapest is CAR-C 190.00 on the date, × line share 1488 / 3308: 282720 / 3308 = 85.4655… → 85.47.
        '4 STOCK_SHORTAGE:1 ALTERNATE_DC cost=85.47 margin=0 days=0 conf=0.9',
        // Supplier fee 150.00, assumed on time.
        '5 STOCK_SHORTAGE:1 EXPEDITE cost=150 margin=0 days=0 conf=0.5',
        // 2026-12-02 → 2026-12-09: 7 calendar days.
        '6 STOCK_SHORTAGE:1 BACKORDER cost=0 margin=0 days=7 conf=0.7',
        // Second shipment: DC-NORTH's cheapest 150.00 × 1488 / 3308 = 223200 / 3308 = 67.4728… → 67.47.
        '7 STOCK_SHORTAGE:1 SPLIT_SHIPMENT cost=67.47 margin=0 days=7 conf=0.8',
        // Best per exception: CORRECT_PRICE and ALTERNATE_DC on 2026-12-02, REBOOK_CARRIER on 2026-12-03
        // (1 day late): the commitment moves to 2026-12-03, max(0, 0, 1, 0) = 1 day.
        '8 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=1 conf=0.9',
      ]);
    });

    it('sources line 1 from DC-SOUTH with its cheapest carrier', () => {
      const alternate = find(result, RecommendedAction.ALTERNATE_DC);
      expect(alternate.reason).toBe(
        'Ship line 1 (120 × SKU-00001) from DC-SOUTH, which has 500 by 2026-12-02 (+85.47 transport)',
      );
      expect(alternate.parameters).toEqual({
        lineNo: 1,
        dcCode: 'DC-SOUTH',
        quantity: 120,
        carrierCode: 'CAR-C',
        shipDate: '2026-12-02',
      });
    });

    it('splits line 1 into the 20 on hand now and the 100 that arrive on 2026-12-09', () => {
      const split = find(result, RecommendedAction.SPLIT_SHIPMENT);
      expect(split.parameters).toEqual({
        lineNo: 1,
        dcCode: 'DC-NORTH',
        quantity: 20,
        remainingQuantity: 100,
        remainderShipDate: '2026-12-09',
      });
      expect(split.reason).toBe(
        'Ship 20 of line 1 (120 × SKU-00001) from DC-NORTH on 2026-12-02 and the remaining 100 on 2026-12-09 ' +
          '(+7 days for the rest, +67.47 second shipment)',
      );
    });

    it('corrects line 2 to the contract, or keeps it with an approval that sees amount and margin', () => {
      expect(find(result, RecommendedAction.CORRECT_PRICE).parameters).toEqual({ lineNo: 2, price: 50 });
      const override = find(result, RecommendedAction.APPROVE_PRICE_OVERRIDE);
      // Line value 40 × 45.50 = 1820.00; margin 34.07 % is above the 8 % floor.
      expect(override.parameters).toEqual({
        lineNo: 2,
        price: 45.5,
        amount: 1820,
        belowMarginFloor: false,
        marginPct: 34.07,
        contractPrice: 50,
      });
      expect(override.reason).toBe(
        'Keep line 2 (40 × SKU-00002) at 45.50 (1820.00) with a pricing approval: ' +
          '180.00 under contract CTR-0042, margin 34.07 % (floor 8 %)',
      );
    });

    it('rebooks to the next day with capacity, the only action for the full carriers', () => {
      const shipment = result.filter((c) => c.exception?.category === ExceptionCategory.SHIPMENT_CONSTRAINT);
      expect(actions(shipment)).toEqual(['REBOOK_CARRIER']);
      const rebook = find(result, RecommendedAction.REBOOK_CARRIER);
      expect(rebook.parameters).toEqual({ dcCode: 'DC-NORTH', carrierCode: 'CAR-A', shipDate: '2026-12-03' });
      expect(rebook.reason).toBe(
        'Move SO-1001 to 2026-12-03 with CAR-A from DC-NORTH, the earliest ship date on offer ' +
          '(+1 day, +30.00 over the cheapest option)',
      );
    });

    it('tells the customer the commitment and how late the other options go', () => {
      const notice = find(result, RecommendedAction.NOTIFY_CUSTOMER);
      expect(notice.exception).toBeNull();
      // The rebooking (2026-12-03) is the latest best-ranked date; the backorder and the split's
      // remainder (2026-12-09) the latest of any option.
      expect(notice.dateEffectDays).toBe(1);
      expect(notice.reason).toBe(
        'Tell CUST-001 the revised commitment for SO-1001: shipping on 2026-12-03 instead of the requested ' +
          '2026-12-02; other options move it as late as 2026-12-09',
      );
      expect(notice.parameters).toEqual({
        customerId: 'CUST-001',
        requestedDate: REQUESTED,
        commitmentDate: '2026-12-03',
        latestOptionDate: '2026-12-09',
      });
    });

    it('reads the facts detection writes for the same order', () => {
      const detected = detectExceptions(so1001, new Map([['NORTH', 'DC-NORTH']]), {
        asOf: new Date('2026-11-30T10:00:00.000Z'),
        acknowledgementTimeoutMs: 15 * 60_000,
      });
      expect(rows(recommend({ order: so1001, exceptions: detected.exceptions }))).toEqual(rows(result));
    });
  });

  describe('STOCK_SHORTAGE', () => {
    // One line, 10 × 50.00 = 500.00, the whole order (share 1).
    it('prices an alternate DC with a late cheapest option as late, at 0.75', () => {
      const o = order({
        shipmentOptions: [
          option(),
          later('CAR-B', '2026-12-04', 2, 120, 'DC-SOUTH'),
          option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-A', cost: 200 }),
        ],
      });
      const alternate = find(
        recommend({ order: o, exceptions: [shortage(1, { alternateDc: 'DC-SOUTH' })] }),
        RecommendedAction.ALTERNATE_DC,
      );
      // Cheapest at DC-SOUTH is CAR-B 120.00 × share 1 = 120.00, 2 working days late.
      expect([alternate.cost, alternate.dateEffectDays, alternate.confidence]).toEqual([120, 2, 0.75]);
      expect(alternate.reason).toBe(
        'Ship line 1 (10 × SKU-00001) from DC-SOUTH, which has 50 by 2026-12-02, shipping on 2026-12-04 ' +
          'with CAR-B (+2 days, +120.00 transport)',
      );
    });

    it('charges the flat transfer cost when no option from the alternate DC is known', () => {
      const result = recommend({ exceptions: [shortage(1, { alternateDc: 'DC-SOUTH' })] });
      expect(rows(result)).toEqual(['1 STOCK_SHORTAGE:1 ALTERNATE_DC cost=40 margin=0 days=0 conf=0.75']);
      expect(result[0].reason).toBe(
        'Ship line 1 (10 × SKU-00001) from DC-SOUTH, which has 50 by 2026-12-02 ' +
          '(+40.00 transfer: no shipment option from DC-SOUTH is known)',
      );
      expect(result[0].parameters).toMatchObject({ carrierCode: null, shipDate: null });
    });

    it('without an alternate DC, splits, backorders and expedites the inbound stock', () => {
      const result = recommend({
        exceptions: [shortage(1, { availableByRequestedDate: 4, earliestFillDate: '2026-12-05' })],
      });
      expect(rows(result)).toEqual([
        '1 STOCK_SHORTAGE:1 EXPEDITE cost=150 margin=0 days=0 conf=0.5',
        // 2026-12-02 → 2026-12-05: 3 calendar days.
        '2 STOCK_SHORTAGE:1 BACKORDER cost=0 margin=0 days=3 conf=0.7',
        // Second shipment at DC-NORTH's only option, 180.00 × share 1.
        '3 STOCK_SHORTAGE:1 SPLIT_SHIPMENT cost=180 margin=0 days=3 conf=0.8',
        '4 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
      ]);
      expect(find(result, RecommendedAction.EXPEDITE).parameters).toEqual({
        lineNo: 1,
        sku: 'SKU-00001',
        dcCode: 'DC-NORTH',
        quantity: 6,
        needBy: REQUESTED,
      });
      expect(find(result, RecommendedAction.BACKORDER).reason).toBe(
        'Backorder line 1 (10 × SKU-00001) at DC-NORTH until 2026-12-05 (+3 days)',
      );
    });

    it('suppresses the split for a ship-complete customer and says the whole order waits', () => {
      const o = withRules({ shipComplete: true });
      const result = recommend({
        order: o,
        exceptions: [shortage(1, { availableByRequestedDate: 4, earliestFillDate: '2026-12-05' })],
      });
      expect(actions(result)).toEqual(['EXPEDITE', 'BACKORDER', 'NOTIFY_CUSTOMER']);
      const backorder = find(result, RecommendedAction.BACKORDER);
      expect(backorder.confidence).toBe(0.5);
      expect(backorder.reason).toBe(
        'Backorder line 1 (10 × SKU-00001) at DC-NORTH until 2026-12-05 (+3 days); ' +
          'the customer takes complete shipments only, so the whole order waits until then',
      );
    });

    it('does not split a line with nothing on hand by the requested date', () => {
      const result = recommend({ exceptions: [shortage(1, { earliestFillDate: '2026-12-05' })] });
      expect(actions(result)).toEqual(['EXPEDITE', 'BACKORDER', 'NOTIFY_CUSTOMER']);
    });

    it('charges the flat cost for a second shipment when the DC has no bookable option', () => {
      const o = order({
        shipmentOptions: [option({ shipDate: null, onRequestedDate: false, delayDays: null })],
      });
      const split = find(
        recommend({
          order: o,
          exceptions: [shortage(1, { availableByRequestedDate: 4, earliestFillDate: '2026-12-05' })],
        }),
        RecommendedAction.SPLIT_SHIPMENT,
      );
      expect(split.cost).toBe(40);
    });

    it('does not expedite inbound stock once the requested date has passed', () => {
      const result = recommend({
        exceptions: [shortage(1, { availableByRequestedDate: 4, earliestFillDate: '2026-12-05' })],
        asOf: '2026-12-03',
      });
      expect(actions(result)).toEqual(['BACKORDER', 'SPLIT_SHIPMENT', 'NOTIFY_CUSTOMER']);
    });

    it('escalates a line nothing can fill, and offers only substitutes with the whole quantity at the DC', () => {
      // Line unit cost 30.00; quantity 10.
      const products = [
        product('SKU-00001', 30, [
          substitute('SKU-00090', 32, [['DC-NORTH', 9]]), // one short at DC-NORTH: left out
          substitute('SKU-00091', 28, [['DC-NORTH', 10]]), // (30 − 28) × 10 = +20.00 margin
          substitute('SKU-00092', 33.5, [['DC-NORTH', 500]]), // (30 − 33.50) × 10 = −35.00 margin
          substitute('SKU-00093', 20, [['DC-NORTH', 500]]), // a third one that fits: beyond the two shown
          substitute('SKU-00094', 10, [['DC-SOUTH', 500]]), // stocked elsewhere only
        ]),
      ];
      const result = recommend({ exceptions: [shortage(1)], products });
      expect(rows(result)).toEqual([
        // Net cost −20.00, then 0.00 (escalate), then +35.00.
        '1 STOCK_SHORTAGE:1 SUBSTITUTE cost=0 margin=20 days=0 conf=0.6',
        '2 STOCK_SHORTAGE:1 ESCALATE cost=0 margin=0 days=0 conf=0.5',
        '3 STOCK_SHORTAGE:1 SUBSTITUTE cost=0 margin=-35 days=0 conf=0.6',
        '4 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
      ]);
      expect(result.map((c) => c.parameters['substituteSku'] ?? null)).toEqual([
        'SKU-00091',
        null,
        'SKU-00092',
        null,
      ]);
      expect(result[0].reason).toBe(
        'Offer SKU-00091 instead of SKU-00001 for line 1 (10 needed, 10 at DC-NORTH), unit cost 28.00 vs 30.00 ' +
          '(+20.00 margin); the customer must accept',
      );
      expect(result[1].reason).toBe(
        'Escalate to the account owner of CUST-001: line 1 (10 × SKU-00001) cannot be filled at DC-NORTH ' +
          'and no other DC or inbound supply covers it',
      );
      expect(result[3].reason).toBe(
        'Tell CUST-001 that SO-2001 still ships on the requested 2026-12-02 with the best-ranked actions; ' +
          'approved substitutes are offered for line 1',
      );
    });

    it('offers no substitute when none has the stock, or inventory sent no product facts', () => {
      const short = [product('SKU-00001', 30, [substitute('SKU-00090', 32, [['DC-NORTH', 9]])])];
      expect(actions(recommend({ exceptions: [shortage(1)], products: short }))).toEqual(['ESCALATE']);
      expect(actions(recommend({ exceptions: [shortage(1)], products: [] }))).toEqual(['ESCALATE']);
    });

    it('spreads a shipment over the whole line when the order has no value', () => {
      const o = order({ orderValue: 0, shipmentOptions: [option({ dcCode: 'DC-SOUTH', cost: 75 })] });
      const alternate = find(
        recommend({ order: o, exceptions: [shortage(1, { alternateDc: 'DC-SOUTH' })] }),
        RecommendedAction.ALTERNATE_DC,
      );
      expect(alternate.cost).toBe(75);
    });

    it('escalates a shortage on a line the order no longer has', () => {
      const result = recommend({ exceptions: [shortage(9, { alternateDc: 'DC-SOUTH' })] });
      expect(rows(result)).toEqual(['1 STOCK_SHORTAGE:9 ESCALATE cost=0 margin=0 days=0 conf=0.5']);
      expect(result[0].reason).toBe('Escalate to the account owner of CUST-001: line 9 is short');
    });
  });

  describe('PRICE_MISMATCH', () => {
    it('corrects an overcharge at 0.8; the override then costs nothing and ranks first', () => {
      // 10 × 55.00 against a 50.00 contract: correcting moves margin (50 − 55) × 10 = −50.00.
      const o = order({ lines: [line({ unitPrice: 55 })], orderValue: 550 });
      const result = recommend({
        order: o,
        exceptions: [priceMismatch(1, { unitPrice: 55, deviationPct: 10 })],
      });
      expect(rows(result)).toEqual([
        '1 PRICE_MISMATCH:1 APPROVE_PRICE_OVERRIDE cost=0 margin=0 days=0 conf=0.6',
        '2 PRICE_MISMATCH:1 CORRECT_PRICE cost=0 margin=-50 days=0 conf=0.8',
      ]);
      expect(result[1].reason).toBe(
        'Correct line 1 (10 × SKU-00001) from 55.00 to the price of contract CTR-0001, 50.00 ' +
          '(−50.00 margin; the customer is overcharged today)',
      );
      expect(result[0].reason).toBe(
        'Keep line 1 (10 × SKU-00001) at 55.00 (550.00) with a pricing approval: at or above contract CTR-0001, ' +
          'margin 30 % (floor 8 %)',
      );
    });

    it('only overrides a margin under the floor at the contract price, flagging it for the approver', () => {
      const result = recommend({ exceptions: [priceMismatch(1, { marginPct: 5.5, marginFloorPct: 8 })] });
      expect(actions(result)).toEqual(['APPROVE_PRICE_OVERRIDE']);
      // Line value 10 × 50.00 = 500.00.
      expect(result[0].parameters).toMatchObject({ amount: 500, belowMarginFloor: true, marginPct: 5.5 });
      expect(result[0].reason).toBe(
        'Keep line 1 (10 × SKU-00001) at 50.00 (500.00) with a pricing approval: at or above contract CTR-0001, ' +
          'margin 5.5 % under the 8 % floor',
      );
    });

    it('only overrides without a contract price, at no leakage', () => {
      const result = recommend({
        exceptions: [
          priceMismatch(1, { contractId: null, contractPrice: null, marginPct: 4, marginFloorPct: 8 }),
        ],
      });
      expect(rows(result)).toEqual([
        '1 PRICE_MISMATCH:1 APPROVE_PRICE_OVERRIDE cost=0 margin=0 days=0 conf=0.6',
      ]);
      expect(result[0].parameters).toMatchObject({ contractPrice: null, belowMarginFloor: true });
      expect(result[0].reason).toContain(
        'with a pricing approval: no contract price, margin 4 % under the 8 % floor',
      );
    });

    it('rounds money half away from zero, to cents', () => {
      // 1 × 50.00 against 50.125: (50.125 − 50) × 1 = +0.125 → +0.13 margin, 0.13 leakage.
      const under = recommend({
        order: order({ lines: [line({ quantity: 1 })], orderValue: 50 }),
        exceptions: [priceMismatch(1, { contractPrice: 50.125 })],
      });
      expect(figures(under).map((r) => [r.action, r.cost, r.marginEffect])).toEqual([
        ['CORRECT_PRICE', 0, 0.13],
        ['APPROVE_PRICE_OVERRIDE', 0.13, 0],
      ]);
      // 1 × 50.125 against 50.00: (50 − 50.125) × 1 = −0.125 → −0.13 (not −0.12).
      const over = recommend({
        order: order({ lines: [line({ quantity: 1, unitPrice: 50.125 })], orderValue: 50.125 }),
        exceptions: [priceMismatch(1)],
      });
      expect(find(over, RecommendedAction.CORRECT_PRICE).marginEffect).toBe(-0.13);
    });
  });

  describe('CREDIT_HOLD', () => {
    it('releases the amount over the limit at the risk rate, or asks for prepayment', () => {
      const result = recommend({
        exceptions: [creditHold({ withinLimit: false, overLimitBy: 1_250, exposure: 11_250 })],
      });
      expect(rows(result)).toEqual([
        // 1250.00 × 0.02 = 25.00 of risk.
        '1 CREDIT_HOLD:- CREDIT_RELEASE cost=25 margin=0 days=0 conf=0.7',
        // Paid by 2026-11-30 + 3 = 2026-12-03, one day after the requested 2026-12-02.
        '2 CREDIT_HOLD:- REQUIRE_PREPAYMENT cost=0 margin=0 days=1 conf=0.6',
        '3 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
      ]);
      expect(result[0].parameters).toEqual({
        amount: 1250,
        currency: 'EUR',
        overLimit: true,
        overdue: false,
      });
      expect(result[0].reason).toBe(
        'Release SO-2001 for CUST-001, 1250.00 EUR over the credit limit (+25.00 credit risk at 2 %)',
      );
      expect(result[1].parameters).toEqual({ amount: 500, currency: 'EUR', expectedBy: '2026-12-03' });
      expect(result[1].reason).toBe(
        'Ask CUST-001 to prepay SO-2001 (500.00 EUR); payment expected by 2026-12-03 (+1 day)',
      );
    });

    it('releases the whole order at 0.4 when receivables are only overdue', () => {
      const result = recommend({
        exceptions: [creditHold({ overdue: true, overdueDays: 45, overdueAmount: 900 })],
      });
      const release = find(result, RecommendedAction.CREDIT_RELEASE);
      // Order value 500.00 × 0.02 = 10.00.
      expect([release.parameters['amount'], release.cost, release.confidence]).toEqual([500, 10, 0.4]);
      expect(release.reason).toBe(
        'Release SO-2001 for CUST-001, 500.00 EUR with receivables overdue 45 days (+10.00 credit risk at 2 %)',
      );
    });

    it('releases the amount over the limit at 0.4 when receivables are also overdue', () => {
      const result = recommend({
        exceptions: [
          creditHold({ withinLimit: false, overLimitBy: 1_234.25, overdue: true, overdueDays: 12 }),
        ],
      });
      const release = find(result, RecommendedAction.CREDIT_RELEASE);
      // 1234.25 × 0.02 = 24.685 → 24.69.
      expect([release.parameters['amount'], release.cost, release.confidence]).toEqual([1234.25, 24.69, 0.4]);
      expect(release.reason).toContain('1234.25 EUR over the credit limit and receivables overdue 12 days');
    });

    it('delays by the full payment lead when the order was due today, and not at all when there is time', () => {
      const today = recommend({ exceptions: [creditHold({ overdue: true })], asOf: REQUESTED });
      // 2026-12-02 + 3 = 2026-12-05: 3 days late.
      expect(find(today, RecommendedAction.REQUIRE_PREPAYMENT).dateEffectDays).toBe(3);

      const early = recommend({ exceptions: [creditHold({ overdue: true })], asOf: '2026-11-20' });
      // 2026-11-20 + 3 = 2026-11-23, before 2026-12-02: no delay, no cost, so it ranks first.
      expect(figures(early).map((r) => [r.action, r.days])).toEqual([
        ['REQUIRE_PREPAYMENT', 0],
        ['CREDIT_RELEASE', 0],
      ]);
      expect(early[0].reason).toBe(
        'Ask CUST-001 to prepay SO-2001 (500.00 EUR); payment expected by 2026-11-23, in time for 2026-12-02',
      );
    });

    it('prices the risk at the configured rate', () => {
      const settings = { ...DEFAULT_RECOMMENDATION_SETTINGS, creditRiskRate: 0.05 };
      const result = recommend({
        exceptions: [creditHold({ withinLimit: false, overLimitBy: 300 })],
        settings,
      });
      // 300.00 × 0.05 = 15.00.
      expect(find(result, RecommendedAction.CREDIT_RELEASE).cost).toBe(15);
    });
  });

  describe('SHIPMENT_CONSTRAINT', () => {
    it('rebooks to another carrier on the requested date, at its premium, without expediting', () => {
      const o = order({
        shipmentOptions: [
          later('CAR-A', '2026-12-03', 1, 150, 'DC-NORTH', ['CUTOFF_PASSED']),
          option({ carrierCode: 'CAR-D', cost: 205 }),
          option({ carrierCode: 'CAR-C', cost: 195 }),
        ],
      });
      // Past CAR-A's cut-off, yet nothing is late: no premium transport is needed.
      const result = recommend({ order: o, exceptions: [shipmentConstraint(['CUTOFF_PASSED'])] });
      // Cheapest at DC-NORTH is CAR-A 150.00; CAR-C is the cheaper one on the date: 195.00 − 150.00 = 45.00.
      expect(rows(result)).toEqual([
        '1 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=45 margin=0 days=0 conf=0.85',
      ]);
      expect(result[0].parameters).toEqual({ dcCode: 'DC-NORTH', carrierCode: 'CAR-C', shipDate: REQUESTED });
      expect(result[0].reason).toBe(
        'Rebook SO-2001 with CAR-C from DC-NORTH on the requested 2026-12-02 (+45.00 over the cheapest option)',
      );
    });

    it('moves to the earliest ship date, then the cheapest, then by carrier code, and offers premium transport', () => {
      const o = order({
        shipmentOptions: [
          later('CAR-Z', '2026-12-03', 1, 170, 'DC-NORTH', ['CUTOFF_PASSED']),
          later('CAR-B', '2026-12-03', 1, 160, 'DC-NORTH', ['CUTOFF_PASSED']),
          later('CAR-A', '2026-12-03', 1, 160, 'DC-NORTH', ['CUTOFF_PASSED']),
          later('CAR-E', '2026-12-07', 3, 110, 'DC-NORTH', ['CUTOFF_PASSED']),
          option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-S', cost: 50 }), // another DC: not considered
        ],
      });
      const result = recommend({ order: o, exceptions: [shipmentConstraint(['CUTOFF_PASSED'])] });
      // CAR-A on 2026-12-03 (160.00, beats CAR-B by code) − cheapest CAR-E 110.00 = 50.00, +1 day.
      // Premium transport: 110.00 × 0.6 = 66.00. The notice commits to the expedited date.
      expect(rows(result)).toEqual([
        '1 SHIPMENT_CONSTRAINT:- EXPEDITE cost=66 margin=0 days=0 conf=0.55',
        '2 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=50 margin=0 days=1 conf=0.85',
        '3 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
      ]);
      expect(result[1].parameters).toEqual({
        dcCode: 'DC-NORTH',
        carrierCode: 'CAR-A',
        shipDate: '2026-12-03',
      });
      expect(result[0].reason).toBe(
        'Book premium transport from DC-NORTH on the requested 2026-12-02 ' +
          '(+66.00: 60 % over the cheapest option, 110.00 with CAR-E)',
      );
      expect(result[0].parameters).toEqual({ dcCode: 'DC-NORTH', shipDate: REQUESTED });
    });

    it('prices premium transport at the configured premium', () => {
      const o = order({
        shipmentOptions: [
          later('CAR-B', '2026-12-04', 2, 150, 'DC-NORTH', ['CUTOFF_PASSED']),
          later('CAR-A', '2026-12-03', 1, 180, 'DC-NORTH', ['CUTOFF_PASSED']),
        ],
      });
      const settings = { ...DEFAULT_RECOMMENDATION_SETTINGS, expediteTransportPremium: 0.5 };
      const result = recommend({ order: o, exceptions: [shipmentConstraint(['CUTOFF_PASSED'])], settings });
      // CAR-A 2026-12-03: 180.00 − 150.00 = 30.00; premium 150.00 × 0.5 = 75.00.
      expect(figures(result).map((r) => [r.action, r.cost])).toEqual([
        ['EXPEDITE', 75],
        ['REBOOK_CARRIER', 30],
        ['NOTIFY_CUSTOMER', 0],
      ]);
    });

    it('commits to the rebooked date once the requested date has passed (no premium transport)', () => {
      // Past the cut-off, but the requested date is gone: a premium pickup cannot make it any more.
      const o = order({
        shipmentOptions: [later('CAR-A', '2026-12-04', 2, 150, 'DC-NORTH', ['CUTOFF_PASSED'])],
      });
      const result = recommend({
        order: o,
        exceptions: [shipmentConstraint(['CUTOFF_PASSED'])],
        asOf: '2026-12-03',
      });
      expect(rows(result)).toEqual([
        '1 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=0 margin=0 days=2 conf=0.85',
        '2 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=2 conf=0.9',
      ]);
      expect(result[1].reason).toBe(
        'Tell CUST-001 the revised commitment for SO-2001: shipping on 2026-12-04 instead of the requested 2026-12-02',
      );
      expect(result[1].parameters).toMatchObject({
        commitmentDate: '2026-12-04',
        latestOptionDate: '2026-12-04',
      });
    });

    describe('premium transport, bought only past the cut-off', () => {
      // CAR-A on 2026-12-03 (180.00, 1 day late) and CAR-B on 2026-12-04 (150.00, the cheapest).
      // Rebooking: CAR-A, 180.00 − 150.00 = 30.00 over the cheapest, +1 day.
      function blockedBy(blockers: ShipmentBlocker[]): OrderContext {
        return order({
          shipmentOptions: [
            later('CAR-B', '2026-12-04', 2, 150, 'DC-NORTH', blockers),
            later('CAR-A', '2026-12-03', 1, 180, 'DC-NORTH', blockers),
          ],
        });
      }
      const onlyRebooking = [
        '1 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=30 margin=0 days=1 conf=0.85',
        // The rebooking is the only (so the best) action: committed to 2026-12-03, 1 day late.
        '2 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=1 conf=0.9',
      ];

      it.each<[string, ShipmentBlocker[]]>([
        ['every carrier is full', ['CAPACITY_FULL']],
        ['no carrier collects that day', ['NO_COLLECTION']],
        ['every carrier is full and none collects', ['CAPACITY_FULL', 'NO_COLLECTION']],
      ])('only rebooks when %s, with no premium pickup to buy', (_, blockers) => {
        const result = recommend({ order: blockedBy(blockers), exceptions: [shipmentConstraint(blockers)] });
        expect(rows(result)).toEqual(onlyRebooking);
        expect(result[0].reason).toBe(
          'Move SO-2001 to 2026-12-03 with CAR-A from DC-NORTH, the earliest ship date on offer ' +
            '(+1 day, +30.00 over the cheapest option)',
        );
        expect(result[1].reason).toBe(
          'Tell CUST-001 the revised commitment for SO-2001: shipping on 2026-12-03 instead of the requested 2026-12-02',
        );
        expect(result[1].parameters).toEqual({
          customerId: 'CUST-001',
          requestedDate: REQUESTED,
          commitmentDate: '2026-12-03',
          latestOptionDate: '2026-12-03',
        });
      });

      it('only rebooks when the blockers are unknown, empty or not a list', () => {
        const o = blockedBy(['CAPACITY_FULL']);
        const { blockers: _, ...withoutBlockers } = shipmentConstraint().facts;
        for (const facts of [
          withoutBlockers,
          { ...withoutBlockers, blockers: [] },
          { ...withoutBlockers, blockers: 'CUTOFF_PASSED' },
        ]) {
          const exception = { ...shipmentConstraint(), facts };
          expect(rows(recommend({ order: o, exceptions: [exception] }))).toEqual(onlyRebooking);
        }
      });

      it('offers premium transport past the cut-off, ranked before the later rebooking', () => {
        const result = recommend({
          order: blockedBy(['CUTOFF_PASSED']),
          exceptions: [shipmentConstraint(['CUTOFF_PASSED'])],
        });
        expect(rows(result)).toEqual([
          // On time beats 1 day late, whatever the cost: cheapest 150.00 × 0.6 = 90.00.
          '1 SHIPMENT_CONSTRAINT:- EXPEDITE cost=90 margin=0 days=0 conf=0.55',
          '2 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=30 margin=0 days=1 conf=0.85',
          // The best action keeps 2026-12-02; the rebooking could move it to 2026-12-03.
          '3 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
        ]);
        expect(result[0].reason).toBe(
          'Book premium transport from DC-NORTH on the requested 2026-12-02 ' +
            '(+90.00: 60 % over the cheapest option, 150.00 with CAR-B)',
        );
        expect(result[2].reason).toBe(
          'Tell CUST-001 that SO-2001 still ships on the requested 2026-12-02 with the best-ranked actions; ' +
            'other options move it as late as 2026-12-03',
        );
      });

      it('offers premium transport when some carriers are past the cut-off and others full', () => {
        // Detection lists the distinct blockers of every option at the DC, sorted.
        const o = order({
          shipmentOptions: [
            later('CAR-B', '2026-12-04', 2, 150, 'DC-NORTH', ['CAPACITY_FULL']),
            later('CAR-A', '2026-12-03', 1, 180, 'DC-NORTH', ['CUTOFF_PASSED']),
          ],
        });
        const detected = detectExceptions(o, new Map([['NORTH', 'DC-NORTH']]), {
          asOf: new Date('2026-11-30T10:00:00.000Z'),
          acknowledgementTimeoutMs: 15 * 60_000,
        });
        expect(detected.exceptions.map((e) => e.facts['blockers'])).toEqual([
          ['CAPACITY_FULL', 'CUTOFF_PASSED'],
        ]);
        expect(rows(recommend({ order: o, exceptions: detected.exceptions }))).toEqual([
          '1 SHIPMENT_CONSTRAINT:- EXPEDITE cost=90 margin=0 days=0 conf=0.55',
          '2 SHIPMENT_CONSTRAINT:- REBOOK_CARRIER cost=30 margin=0 days=1 conf=0.85',
          '3 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
        ]);
      });
    });

    it('escalates when the DC has no bookable option at all', () => {
      const o = order({
        shipmentOptions: [option({ shipDate: null, onRequestedDate: false, delayDays: null })],
      });
      const result = recommend({ order: o, exceptions: [shipmentConstraint()] });
      expect(actions(result)).toEqual(['ESCALATE']);
      expect(result[0].reason).toBe(
        'Escalate to the account owner of CUST-001: nothing can ship from DC-NORTH on 2026-12-02: every carrier is full',
      );
    });

    it("falls back to the exception's DC when none is assigned", () => {
      const o = order({ shipmentOptions: [later('CAR-A', '2026-12-03', 1, 150)] });
      const result = recommend({ order: o, exceptions: [shipmentConstraint()], assignedDc: null });
      expect(find(result, RecommendedAction.REBOOK_CARRIER).parameters).toMatchObject({ dcCode: 'DC-NORTH' });
    });
  });

  describe('ROUTING_RULE', () => {
    it('escalates a broken ship-complete rule to the account owner, without rebooking', () => {
      const result = recommend({ exceptions: [routingRule(['SHIP_COMPLETE'], { shortLines: ['1'] })] });
      expect(rows(result)).toEqual(['1 ROUTING_RULE:- ESCALATE cost=0 margin=0 days=0 conf=0.5']);
      expect(result[0].reason).toBe(
        'Escalate to the account owner of CUST-001: the plan breaks a customer rule',
      );
      expect(result[0].parameters).toEqual({ customerId: 'CUST-001' });
    });

    it('moves a forbidden DC to the best allowed DC that stocks every line', () => {
      // Assigned DC-WEST is not allowed. DC-SOUTH (50 of the 10 needed) qualifies; DC-EAST is allowed
      // but holds none; DC-NORTH is not allowed.
      const o = withRules(
        { allowedDcs: ['DC-SOUTH', 'DC-EAST'] },
        {
          shipmentOptions: [
            option({ dcCode: 'DC-WEST', carrierCode: 'CAR-W', cost: 100 }),
            option({ dcCode: 'DC-EAST', carrierCode: 'CAR-E', cost: 90 }),
            option({ dcCode: 'DC-NORTH', carrierCode: 'CAR-N', cost: 80 }),
            later('CAR-S', '2026-12-03', 1, 130, 'DC-SOUTH'),
          ],
        },
      );
      const result = recommend({
        order: o,
        assignedDc: 'DC-WEST',
        exceptions: [
          routingRule(['DC_NOT_ALLOWED'], { dcCode: 'DC-WEST', allowedDcs: ['DC-SOUTH', 'DC-EAST'] }),
        ],
      });
      // CAR-S 130.00 − DC-WEST's cheapest 100.00 = 30.00, 1 day late: ranks after the escalation.
      expect(rows(result)).toEqual([
        '1 ROUTING_RULE:- ESCALATE cost=0 margin=0 days=0 conf=0.5',
        '2 ROUTING_RULE:- REBOOK_CARRIER cost=30 margin=0 days=1 conf=0.85',
        '3 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=0 conf=0.9',
      ]);
      expect(result[1].parameters).toEqual({
        dcCode: 'DC-SOUTH',
        carrierCode: 'CAR-S',
        shipDate: '2026-12-03',
      });
      expect(result[1].reason).toBe(
        "Ship SO-2001 with CAR-S from DC-SOUTH instead of DC-WEST on 2026-12-03, as the customer's rules allow " +
          '(+1 day, +30.00 over the cheapest option)',
      );
    });

    it('honours allowed and excluded carriers when rebooking', () => {
      const o = order({
        shipmentOptions: [
          option({ carrierCode: 'CAR-A', cost: 100 }),
          option({ carrierCode: 'CAR-B', cost: 120 }),
          option({ carrierCode: 'CAR-C', cost: 140 }),
        ],
      });
      const result = recommend({
        order: o,
        exceptions: [
          routingRule(['NO_ALLOWED_CARRIER'], {
            allowedCarriers: ['CAR-B', 'CAR-C'],
            excludedCarriers: ['CAR-B'],
          }),
        ],
      });
      // Only CAR-C remains: 140.00 − DC-NORTH's cheapest 100.00 = 40.00.
      const rebook = find(result, RecommendedAction.REBOOK_CARRIER);
      expect([rebook.parameters['carrierCode'], rebook.cost, rebook.dateEffectDays]).toEqual([
        'CAR-C',
        40,
        0,
      ]);
      expect(rebook.reason).toBe(
        "Ship SO-2001 with CAR-C from DC-NORTH on 2026-12-02, as the customer's rules allow " +
          '(on time, +40.00 over the cheapest option)',
      );
    });

    it('only escalates when no allowed option exists', () => {
      const o = order({ shipmentOptions: [] });
      expect(actions(recommend({ order: o, exceptions: [routingRule(['NO_ALLOWED_CARRIER'])] }))).toEqual([
        'ESCALATE',
      ]);
    });
  });

  describe('MASTER_DATA', () => {
    function masterData(lineNo: number | null, facts: Record<string, unknown>): ExceptionRef {
      return { category: ExceptionCategory.MASTER_DATA, lineNo, reason: 'master data is incomplete', facts };
    }

    it('says which header records to fix', () => {
      const result = recommend({
        exceptions: [
          masterData(null, {
            customerId: 'CUST-001',
            customerKnown: false,
            shipToId: null,
            shipToKnown: false,
            hasCreditAccount: false,
          }),
        ],
      });
      expect(rows(result)).toEqual(['1 MASTER_DATA:- FIX_MASTER_DATA cost=0 margin=0 days=0 conf=0.9']);
      expect(result[0].reason).toBe(
        'Fix the master data: add customer CUST-001 to the customer master; get the missing ship-to from the ' +
          'customer; open a credit account for customer CUST-001',
      );
      expect(result[0].parameters).toEqual({
        lineNo: null,
        records: 'CUSTOMER,SHIP_TO,CREDIT_ACCOUNT',
        customerId: 'CUST-001',
        shipToId: null,
        sku: null,
      });
    });

    it('names an unknown ship-to, an unknown SKU and a lapsed contract', () => {
      const result = recommend({
        exceptions: [
          masterData(null, {
            customerId: 'CUST-001',
            customerKnown: true,
            shipToId: 'ST-404',
            shipToKnown: false,
          }),
          masterData(1, { sku: 'SKU-404', skuKnown: false, lastContractEndedOn: null }),
          masterData(2, { sku: 'SKU-00002', skuKnown: true, lastContractEndedOn: '2026-10-31' }),
        ],
      });
      expect(result.map((c) => c.reason)).toEqual([
        'Fix the master data: add ship-to ST-404',
        'Fix the master data: add SKU SKU-404 to the product master',
        'Fix the master data: renew the contract for SKU SKU-00002 (the last one ended on 2026-10-31)',
      ]);
      expect(result.map((c) => c.parameters['records'])).toEqual(['SHIP_TO', 'PRODUCT', 'CONTRACT']);
    });

    it("falls back to the exception's own reason for facts it does not recognise", () => {
      expect(recommend({ exceptions: [masterData(null, {})] })[0].reason).toBe(
        'Fix the master data: master data is incomplete',
      );
    });
  });

  describe('ERP_SYNC', () => {
    it('resyncs with the ERP, naming the oldest overdue command, and never notifies the customer', () => {
      const result = recommend({
        exceptions: [
          {
            category: ExceptionCategory.ERP_SYNC,
            lineNo: null,
            reason: 'the ERP has not acknowledged RELEASE_ORDER CMD-1 after 20 min (1 command overdue)',
            facts: { oldestCommandId: 'CMD-1', oldestCommandType: 'RELEASE_ORDER', minutesWaiting: 20 },
          },
        ],
      });
      expect(rows(result)).toEqual(['1 ERP_SYNC:- RESYNC_ERP cost=0 margin=0 days=0 conf=0.8']);
      expect(result[0].parameters).toEqual({ orderNumber: 'SO-2001', erpVersion: 1, commandId: 'CMD-1' });
      expect(result[0].reason).toBe(
        'Resync SO-2001 with the ERP: the ERP has not acknowledged RELEASE_ORDER CMD-1 after 20 min (1 command overdue)',
      );
    });
  });

  it('escalates an exception of a category it has no specific action for', () => {
    const result = recommend({
      exceptions: [{ category: 'SOMETHING_NEW', lineNo: null, reason: 'a new kind of trouble', facts: {} }],
    });
    expect(rows(result)).toEqual(['1 SOMETHING_NEW:- ESCALATE cost=0 margin=0 days=0 conf=0.5']);
  });

  describe('customer notice', () => {
    it('is not sent when nothing moves the date or swaps a product', () => {
      const result = recommend({
        exceptions: [
          priceMismatch(1, { contractPrice: 52 }),
          creditHold({ withinLimit: false, overLimitBy: 10 }),
        ],
        asOf: '2026-11-20',
      });
      expect(actions(result)).not.toContain('NOTIFY_CUSTOMER');
    });

    it('commits to the latest best-ranked date across exceptions and lists every substitute line', () => {
      // Line 1 can only be backordered to 2026-12-08 (the requested date has passed, so no expedite);
      // line 2 has a substitute. Best per exception: BACKORDER 2026-12-08, SUBSTITUTE on the date.
      const o = order({
        orderValue: 1_000,
        lines: [line(), line({ lineNo: 2, sku: 'SKU-00002' })],
      });
      const result = recommend({
        order: o,
        asOf: '2026-12-03',
        exceptions: [shortage(1, { earliestFillDate: '2026-12-08' }), shortage(2)],
        products: [product('SKU-00002', 30, [substitute('SKU-00095', 30, [['DC-NORTH', 10]])])],
      });
      expect(rows(result)).toEqual([
        // 2026-12-02 → 2026-12-08: 6 calendar days.
        '1 STOCK_SHORTAGE:1 BACKORDER cost=0 margin=0 days=6 conf=0.7',
        // Same unit cost: (30 − 30) × 10 = 0.00 margin; the substitute wins over the escalation on confidence.
        '2 STOCK_SHORTAGE:2 SUBSTITUTE cost=0 margin=0 days=0 conf=0.6',
        '3 STOCK_SHORTAGE:2 ESCALATE cost=0 margin=0 days=0 conf=0.5',
        '4 CASE NOTIFY_CUSTOMER cost=0 margin=0 days=6 conf=0.9',
      ]);
      expect(result[3].reason).toBe(
        'Tell CUST-001 the revised commitment for SO-2001: shipping on 2026-12-08 instead of the requested ' +
          '2026-12-02; approved substitutes are offered for line 2',
      );
    });
  });

  describe('determinism', () => {
    function scenario(shuffle: boolean) {
      const options = [
        later('CAR-B', '2026-12-03', 1, 160),
        later('CAR-A', '2026-12-03', 1, 160),
        option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-C', cost: 90 }),
        option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-D', cost: 90 }),
      ];
      const substitutes = [
        substitute('SKU-00091', 29, [['DC-NORTH', 10]]),
        substitute('SKU-00092', 29, [['DC-NORTH', 10]]),
      ];
      return {
        order: order({ shipmentOptions: shuffle ? [...options].reverse() : options }),
        exceptions: [
          shortage(1, {
            availableByRequestedDate: 4,
            earliestFillDate: '2026-12-05',
            alternateDc: 'DC-SOUTH',
          }),
          shipmentConstraint(),
          creditHold({ withinLimit: false, overLimitBy: 77.77 }),
        ],
        products: [product('SKU-00001', 30, substitutes)],
        assignedDc: 'DC-NORTH',
        asOf: AS_OF,
      };
    }

    it('gives identical output for identical input, and leaves the input untouched', () => {
      const input = scenario(false);
      const before = JSON.stringify(input);
      const first = recommendActions(input);
      expect(recommendActions(scenario(false))).toEqual(first);
      expect(JSON.stringify(input)).toBe(before);
      expect(first.map((c) => c.rank)).toEqual(first.map((_, index) => index + 1));
    });

    it('does not depend on the order shipment options arrive in, and ties keep the listed substitute order', () => {
      const straight = recommendActions(scenario(false));
      expect(recommendActions(scenario(true))).toEqual(straight);
      // Equal cost ties break by ship date, then carrier code: CAR-C at DC-SOUTH, CAR-A at DC-NORTH.
      expect(find(straight, RecommendedAction.ALTERNATE_DC).parameters['carrierCode']).toBe('CAR-C');
      expect(find(straight, RecommendedAction.REBOOK_CARRIER).parameters['carrierCode']).toBe('CAR-A');
      // Identical substitutes (+10.00 each: (30 − 29) × 10) stay in the product's listed order.
      expect(
        straight
          .filter((c) => c.action === RecommendedAction.SUBSTITUTE)
          .map((c) => c.parameters['substituteSku']),
      ).toEqual(['SKU-00091', 'SKU-00092']);
    });
  });
});
