import { ExceptionCategory } from '@ordex/contracts';
import type {
  ErpCommandContext,
  OrderContext,
  OrderStatus,
  PriceCheckContext,
  ShipmentOptionContext,
} from '../order-context';
import {
  credit,
  line,
  option,
  order,
  priceCheck,
  so1001Order,
  stock,
  withRules,
} from './order-context.test-support';
import {
  assignedDcOf,
  detectExceptions,
  SETTLED_ORDER_STATUSES,
  type DetectedException,
  type DetectionSettings,
} from './detect-exceptions.util';

const AS_OF = new Date('2026-11-30T10:00:00.000Z');
const TIMEOUT_MS = 15 * 60_000;
const SETTINGS: DetectionSettings = { asOf: AS_OF, acknowledgementTimeoutMs: TIMEOUT_MS };
const DC_BY_REGION: ReadonlyMap<string, string> = new Map([
  ['NORTH', 'DC-NORTH'],
  ['SOUTH', 'DC-SOUTH'],
  ['WEST', 'DC-WEST'],
]);

function blocked(
  carrierCode: string,
  shipDate: string | null,
  blockers: ShipmentOptionContext['requestedDateBlockers'],
) {
  return option({ carrierCode, shipDate, onRequestedDate: false, requestedDateBlockers: blockers });
}

function command(commandId: string, requestedAt: Date, status: ErpCommandContext['status'] = 'PENDING') {
  return { commandId, commandType: 'RELEASE_ORDER', status, requestedAt: requestedAt.toISOString() };
}

function detect(o: OrderContext, settings: DetectionSettings = SETTINGS) {
  return detectExceptions(o, DC_BY_REGION, settings);
}

function only(o: OrderContext): DetectedException {
  const { exceptions } = detect(o);
  expect(exceptions).toHaveLength(1);
  return exceptions[0];
}

function keys(o: OrderContext): string[] {
  return detect(o).exceptions.map((e) => `${e.category}:${e.lineNo ?? '-'}`);
}

const msAfter = (ms: number) => new Date(AS_OF.getTime() + ms);

describe('detectExceptions', () => {
  it('finds nothing on a clean order', () => {
    expect(detect(order())).toEqual({ exceptions: [], recheckAt: null });
  });

  describe('reference scenario SO-1001', () => {
    const so1001 = so1001Order([
      blocked('CAR-B', '2026-12-04', ['CAPACITY_FULL']),
      blocked('CAR-A', '2026-12-03', ['CAPACITY_FULL']),
      option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-A', preferredDc: false }),
      option({ dcCode: 'DC-SOUTH', carrierCode: 'CAR-C', preferredDc: false }),
    ]);

    it('raises exactly a shortage on line 1, a price mismatch on line 2 and a shipment constraint', () => {
      expect(detect(so1001)).toEqual({
        exceptions: [
          {
            category: ExceptionCategory.PRICE_MISMATCH,
            lineNo: 2,
            reason: 'SKU-00002: 45.50 is −9.00 % off the contract price 50.00 (tolerance 3 %)',
            facts: {
              contractId: 'CTR-0042',
              contractPrice: 50,
              unitPrice: 45.5,
              deviationPct: -9,
              tolerancePct: 3,
              marginPct: 34.07,
              marginFloorPct: 8,
            },
          },
          {
            category: ExceptionCategory.SHIPMENT_CONSTRAINT,
            lineNo: null,
            reason:
              'nothing can ship from DC-NORTH on 2026-12-02: every carrier is full; next: CAR-A on 2026-12-03',
            facts: {
              dcCode: 'DC-NORTH',
              requestedDate: '2026-12-02',
              blockers: ['CAPACITY_FULL'],
              nextShipDate: '2026-12-03',
              nextCarrier: 'CAR-A',
            },
          },
          {
            category: ExceptionCategory.STOCK_SHORTAGE,
            lineNo: 1,
            reason:
              '120 × SKU-00001 needed at DC-NORTH by 2026-12-02; 20 available by then (DC-SOUTH has 500); ' +
              'the full quantity from 2026-12-09',
            facts: {
              sku: 'SKU-00001',
              dcCode: 'DC-NORTH',
              quantity: 120,
              availableByRequestedDate: 20,
              earliestFillDate: '2026-12-09',
              alternateDc: 'DC-SOUTH',
            },
          },
        ],
        recheckAt: null,
      });
    });
  });

  describe('settled orders', () => {
    const messy = order({
      customer: null,
      shipTo: null,
      shipToId: null,
      erpCommands: [command('CMD-1', msAfter(-TIMEOUT_MS))],
    });

    it.each(['RELEASED', 'PARTIALLY_RELEASED', 'SHIPPED', 'CANCELLED'] as OrderStatus[])(
      'finds nothing on a %s order',
      (status) => {
        expect(SETTLED_ORDER_STATUSES.has(status)).toBe(true);
        expect(detect({ ...messy, status, erpCommands: [command('CMD-1', msAfter(-1))] })).toEqual({
          exceptions: [],
          recheckAt: null,
        });
      },
    );

    it.each(['RECEIVED', 'VALIDATING', 'ON_HOLD'] as OrderStatus[])('still judges a %s order', (status) => {
      expect(SETTLED_ORDER_STATUSES.has(status)).toBe(false);
      expect(keys({ ...messy, status })).toEqual(['ERP_SYNC:-', 'MASTER_DATA:-']);
    });
  });

  describe('MASTER_DATA on the header', () => {
    it('names a customer the customer master does not know', () => {
      expect(only(order({ customer: null }))).toEqual({
        category: ExceptionCategory.MASTER_DATA,
        lineNo: null,
        reason: 'customer CUST-001 is not in the customer master',
        facts: {
          customerId: 'CUST-001',
          customerKnown: false,
          shipToId: 'ST-001',
          shipToKnown: true,
          hasCreditAccount: true,
        },
      });
    });

    it('names an unknown ship-to, or says none was sent', () => {
      expect(only(order({ shipTo: null, shipToId: 'ST-404' })).reason).toBe('ship-to ST-404 is not known');
      expect(only(order({ shipTo: null, shipToId: null })).reason).toBe('no ship-to was sent');
    });

    it('raises one exception covering both an unknown customer and a missing ship-to', () => {
      const found = only(order({ customer: null, shipTo: null, shipToId: null }));
      expect(found.reason).toBe('customer CUST-001 is not in the customer master; no ship-to was sent');
      expect(found.facts).toMatchObject({ customerKnown: false, shipToKnown: false, shipToId: null });
    });

    it('reports a customer without a credit account, merged into the header exception', () => {
      const noAccount = credit({ hasAccount: false, creditLimit: null, withinLimit: null, overdue: null });
      expect(only(order({ creditCheck: noAccount })).reason).toBe('no credit account for customer CUST-001');
      const merged = only(
        order({ creditCheck: noAccount, customer: null, shipTo: null, shipToId: 'ST-404' }),
      );
      expect(merged.category).toBe(ExceptionCategory.MASTER_DATA);
      expect(merged.reason).toBe(
        'customer CUST-001 is not in the customer master; ship-to ST-404 is not known; no credit account for customer CUST-001',
      );
      expect(merged.facts['hasCreditAccount']).toBe(false);
    });
  });

  describe('MASTER_DATA on a line', () => {
    it('flags a SKU unknown to inventory or to pricing', () => {
      const unknownToInventory = line({ sku: 'SKU-99999', availability: { skuKnown: false, byDc: [] } });
      expect(only(order({ lines: [unknownToInventory] }))).toEqual({
        category: ExceptionCategory.MASTER_DATA,
        lineNo: 1,
        reason: 'SKU SKU-99999 is not in the product master',
        facts: { sku: 'SKU-99999', skuKnown: false, lastContractEndedOn: null },
      });
      const unknownToPricing = line({
        sku: 'SKU-99999',
        priceCheck: priceCheck({ skuKnown: false, hasContract: false }),
      });
      expect(only(order({ lines: [unknownToPricing] })).reason).toBe(
        'SKU SKU-99999 is not in the product master',
      );
    });

    it('gives an unknown SKU no stock shortage or price mismatch', () => {
      const unknown = line({
        quantity: 500,
        availability: { skuKnown: false, byDc: [] },
        priceCheck: priceCheck({
          skuKnown: false,
          withinTolerance: false,
          deviationPct: -20,
          aboveMarginFloor: false,
        }),
      });
      expect(keys(order({ lines: [unknown] }))).toEqual(['MASTER_DATA:1']);
      expect(keys(withRules({ shipComplete: true }, { lines: [unknown] }))).toEqual(['MASTER_DATA:1']);
    });

    it('flags a lapsed contract with none in force', () => {
      const lapsed = priceCheck({
        hasContract: false,
        contractId: null,
        contractPrice: null,
        lastContractEndedOn: '2026-10-31',
      });
      expect(only(order({ lines: [line({ priceCheck: lapsed })] }))).toEqual({
        category: ExceptionCategory.MASTER_DATA,
        lineNo: 1,
        reason: 'no contract in force for SKU SKU-00001: the last one ended on 2026-10-31',
        facts: { sku: 'SKU-00001', skuKnown: true, lastContractEndedOn: '2026-10-31' },
      });
    });

    it('accepts a SKU that never had a contract (priced at list)', () => {
      const list = priceCheck({
        hasContract: false,
        contractId: null,
        contractPrice: null,
        deviationPct: null,
        withinTolerance: null,
      });
      expect(detect(order({ lines: [line({ priceCheck: list })] })).exceptions).toEqual([]);
    });
  });

  describe('STOCK_SHORTAGE', () => {
    it('accepts a line whose DC has exactly the quantity by the requested date', () => {
      const exact = line({ quantity: 100, availability: { skuKnown: true, byDc: [stock('DC-NORTH', 100)] } });
      expect(detect(order({ lines: [exact] })).exceptions).toEqual([]);
    });

    it('flags a line one unit short and says no other DC has it all', () => {
      const short = line({
        quantity: 101,
        availability: { skuKnown: true, byDc: [stock('DC-NORTH', 100), stock('DC-SOUTH', 100)] },
      });
      expect(only(order({ lines: [short] }))).toEqual({
        category: ExceptionCategory.STOCK_SHORTAGE,
        lineNo: 1,
        reason:
          '101 × SKU-00001 needed at DC-NORTH by 2026-12-02; 100 available by then (no other DC has it all)',
        facts: {
          sku: 'SKU-00001',
          dcCode: 'DC-NORTH',
          quantity: 101,
          availableByRequestedDate: 100,
          earliestFillDate: null,
          alternateDc: null,
        },
      });
    });

    it('counts a DC the inventory does not list as having none', () => {
      const notStocked = line({ availability: { skuKnown: true, byDc: [stock('DC-SOUTH', 50)] } });
      const found = only(order({ lines: [notStocked] }));
      expect(found.facts).toMatchObject({
        dcCode: 'DC-NORTH',
        availableByRequestedDate: 0,
        alternateDc: 'DC-SOUTH',
      });
      expect(found.reason).toBe(
        '10 × SKU-00001 needed at DC-NORTH by 2026-12-02; 0 available by then (DC-SOUTH has 50)',
      );
    });

    it('proposes the other DC with the most stock, ties by code', () => {
      const byDc = [stock('DC-NORTH', 0), stock('DC-WEST', 60), stock('DC-SOUTH', 60), stock('DC-EAST', 40)];
      expect(
        only(order({ lines: [line({ availability: { skuKnown: true, byDc } })] })).facts['alternateDc'],
      ).toBe('DC-SOUTH');
      const more = [...byDc, stock('DC-CENTRAL', 61)];
      expect(
        only(order({ lines: [line({ availability: { skuKnown: true, byDc: more } })] })).facts['alternateDc'],
      ).toBe('DC-CENTRAL');
    });

    it('proposes only a DC the customer allows', () => {
      const byDc = [stock('DC-NORTH', 0), stock('DC-WEST', 90), stock('DC-SOUTH', 60)];
      const o = withRules(
        { allowedDcs: ['DC-NORTH', 'DC-SOUTH'] },
        { lines: [line({ availability: { skuKnown: true, byDc } })] },
      );
      expect(only(o).facts['alternateDc']).toBe('DC-SOUTH');
    });

    it('judges the preferred DC over the ship-to region', () => {
      const byDc = [stock('DC-NORTH', 100), stock('DC-SOUTH', 5)];
      const o = withRules(
        { preferredDc: 'DC-SOUTH' },
        {
          shipmentOptions: [option({ dcCode: 'DC-SOUTH' })],
          lines: [line({ availability: { skuKnown: true, byDc } })],
        },
      );
      expect(only(o).facts).toMatchObject({
        dcCode: 'DC-SOUTH',
        availableByRequestedDate: 5,
        alternateDc: 'DC-NORTH',
      });
    });

    it('skips a line without an availability answer, and an order without a DC', () => {
      expect(detect(order({ lines: [line({ availability: null })] })).exceptions).toEqual([]);
      const noDc = order({
        shipTo: { id: 'ST-001', region: 'ATLANTIS' },
        lines: [line({ quantity: 1_000 })],
      });
      expect(detect(noDc).exceptions).toEqual([]);
    });
  });

  describe('PRICE_MISMATCH', () => {
    const priced = (overrides: Partial<PriceCheckContext>, unitPrice = 45.5) =>
      order({ lines: [line({ sku: 'SKU-00002', unitPrice, priceCheck: priceCheck(overrides) })] });

    it('accepts a price within tolerance and a margin above the floor', () => {
      expect(detect(priced({ deviationPct: -3, withinTolerance: true, marginPct: 8.01 })).exceptions).toEqual(
        [],
      );
    });

    it('ignores tolerance when no contract is in force', () => {
      expect(detect(priced({ hasContract: false, withinTolerance: false })).exceptions).toEqual([]);
    });

    it('flags a price above the contract beyond tolerance', () => {
      expect(only(priced({ deviationPct: 4, withinTolerance: false }, 52)).reason).toBe(
        'SKU-00002: 52.00 is +4.00 % off the contract price 50.00 (tolerance 3 %)',
      );
    });

    it('flags a margin under the floor', () => {
      const found = only(priced({ marginPct: 5.1, marginFloorPct: 8, aboveMarginFloor: false }, 50));
      expect(found.reason).toBe('SKU-00002: margin 5.10 % under the 8 % floor');
      expect(found.facts).toEqual({
        contractId: 'CTR-0001',
        contractPrice: 50,
        unitPrice: 50,
        deviationPct: 0,
        tolerancePct: 3,
        marginPct: 5.1,
        marginFloorPct: 8,
      });
    });

    it('raises one exception covering both', () => {
      const both = priced({
        deviationPct: -9,
        tolerancePct: 2.5,
        withinTolerance: false,
        marginPct: -1.25,
        marginFloorPct: 8,
        aboveMarginFloor: false,
      });
      expect(only(both).reason).toBe(
        'SKU-00002: 45.50 is −9.00 % off the contract price 50.00 (tolerance 2.5 %); margin −1.25 % under the 8 % floor',
      );
    });
  });

  describe('CREDIT_HOLD', () => {
    it('accepts exposure exactly at the limit', () => {
      expect(
        detect(order({ creditCheck: credit({ exposure: 10_000, headroom: 0, withinLimit: true }) }))
          .exceptions,
      ).toEqual([]);
    });

    it('flags exposure over the limit', () => {
      const over = credit({
        exposure: 11_500.5,
        headroom: -1_500.5,
        withinLimit: false,
        overLimitBy: 1_500.5,
      });
      expect(only(order({ creditCheck: over }))).toEqual({
        category: ExceptionCategory.CREDIT_HOLD,
        lineNo: null,
        reason:
          'customer CUST-001: over the credit limit by 1500.50 EUR (exposure 11500.50 vs limit 10000.00)',
        facts: {
          currency: 'EUR',
          creditLimit: 10_000,
          exposure: 11_500.5,
          withinLimit: false,
          overLimitBy: 1_500.5,
          overdue: false,
          overdueDays: 0,
          overdueAmount: 0,
        },
      });
    });

    it('flags overdue receivables, together with the limit when both hold', () => {
      expect(
        only(order({ creditCheck: credit({ overdue: true, overdueDays: 45, overdueAmount: 3_200 }) })).reason,
      ).toBe('customer CUST-001: receivables overdue 45 days (3200.00 EUR)');
      const both = credit({
        withinLimit: false,
        exposure: 12_000,
        overLimitBy: 2_000,
        overdue: true,
        overdueDays: 10,
        overdueAmount: 800,
      });
      expect(only(order({ creditCheck: both })).reason).toBe(
        'customer CUST-001: over the credit limit by 2000.00 EUR (exposure 12000.00 vs limit 10000.00); ' +
          'receivables overdue 10 days (800.00 EUR)',
      );
    });

    it('says nothing when the graph has no credit answer', () => {
      expect(detect(order({ creditCheck: null })).exceptions).toEqual([]);
    });
  });

  describe('SHIPMENT_CONSTRAINT', () => {
    it('accepts an order with one option on the requested date among blocked ones', () => {
      const options = [blocked('CAR-B', '2026-12-03', ['CAPACITY_FULL']), option({ carrierCode: 'CAR-C' })];
      expect(detect(order({ shipmentOptions: options })).exceptions).toEqual([]);
    });

    it('lists the distinct blockers, sorted, and the earliest next ship date', () => {
      const options = [
        blocked('CAR-C', '2026-12-04', ['CUTOFF_PASSED', 'CAPACITY_FULL']),
        blocked('CAR-B', '2026-12-03', ['CAPACITY_FULL']),
        blocked('CAR-A', '2026-12-03', ['NO_COLLECTION']),
        blocked('CAR-D', null, ['IN_THE_PAST']),
        option({ dcCode: 'DC-SOUTH' }),
      ];
      const found = only(order({ shipmentOptions: options }));
      expect(found.reason).toBe(
        'nothing can ship from DC-NORTH on 2026-12-02: every carrier is full, the cut-off has passed, ' +
          'the requested date has passed, no carrier collects that day; next: CAR-A on 2026-12-03',
      );
      expect(found.facts).toEqual({
        dcCode: 'DC-NORTH',
        requestedDate: '2026-12-02',
        blockers: ['CAPACITY_FULL', 'CUTOFF_PASSED', 'IN_THE_PAST', 'NO_COLLECTION'],
        nextShipDate: '2026-12-03',
        nextCarrier: 'CAR-A',
      });
    });

    it('has no next ship date when no option offers one', () => {
      const found = only(order({ shipmentOptions: [blocked('CAR-A', null, ['CAPACITY_FULL'])] }));
      expect(found.reason).toBe('nothing can ship from DC-NORTH on 2026-12-02: every carrier is full');
      expect(found.facts).toMatchObject({ nextShipDate: null, nextCarrier: null });
    });

    it('flags a DC no carrier collects at', () => {
      const found = only(order({ shipmentOptions: [option({ dcCode: 'DC-SOUTH' })] }));
      expect(found.reason).toBe(
        "no allowed carrier collects at DC-NORTH with a lane to the ship-to's region (NORTH)",
      );
      expect(found.facts).toEqual({
        dcCode: 'DC-NORTH',
        requestedDate: '2026-12-02',
        blockers: [],
        nextShipDate: null,
        nextCarrier: null,
      });
      expect(only(order({ shipmentOptions: [] })).category).toBe(ExceptionCategory.SHIPMENT_CONSTRAINT);
    });

    it('says nothing without shipment options, a ship-to or a DC', () => {
      expect(detect(order({ shipmentOptions: null })).exceptions).toEqual([]);
      expect(keys(order({ shipTo: null, shipmentOptions: [] }))).toEqual(['MASTER_DATA:-']);
      expect(
        detect(order({ shipTo: { id: 'ST-001', region: 'ATLANTIS' }, shipmentOptions: [] })).exceptions,
      ).toEqual([]);
    });
  });

  describe('ROUTING_RULE', () => {
    it('flags an assigned DC the customer does not allow (and leaves shipping to that)', () => {
      const o = withRules(
        { preferredDc: 'DC-WEST', allowedDcs: ['DC-NORTH', 'DC-SOUTH'] },
        {
          shipmentOptions: [option({ dcCode: 'DC-NORTH' })],
          lines: [line({ availability: { skuKnown: true, byDc: [stock('DC-WEST', 10)] } })],
        },
      );
      expect(only(o)).toEqual({
        category: ExceptionCategory.ROUTING_RULE,
        lineNo: null,
        reason: "DC-WEST is not among the customer's allowed DCs (DC-NORTH, DC-SOUTH)",
        facts: {
          broken: ['DC_NOT_ALLOWED'],
          dcCode: 'DC-WEST',
          allowedDcs: ['DC-NORTH', 'DC-SOUTH'],
          shipComplete: false,
          shortLines: [],
          allowedCarriers: [],
          excludedCarriers: [],
        },
      });
    });

    it('accepts any DC when none is listed, and the DC of the region when it is allowed', () => {
      expect(detect(withRules({ allowedDcs: [] })).exceptions).toEqual([]);
      expect(detect(withRules({ allowedDcs: ['DC-NORTH'] })).exceptions).toEqual([]);
    });

    it('flags ship-complete when a line is short', () => {
      const lines = [
        line({ lineNo: 1 }),
        line({
          lineNo: 2,
          quantity: 120,
          availability: { skuKnown: true, byDc: [stock('DC-NORTH', 20), stock('DC-SOUTH', 500)] },
        }),
      ];
      const o = withRules({ shipComplete: true }, { lines });
      const { exceptions } = detect(o);
      expect(exceptions.map((e) => `${e.category}:${e.lineNo ?? '-'}`)).toEqual([
        'ROUTING_RULE:-',
        'STOCK_SHORTAGE:2',
      ]);
      expect(exceptions[0].reason).toBe(
        'the customer takes complete shipments only and line 2 is short at DC-NORTH',
      );
      expect(exceptions[0].facts).toMatchObject({ broken: ['SHIP_COMPLETE'], shortLines: ['2'] });
      expect(keys(withRules({ shipComplete: false }, { lines }))).toEqual(['STOCK_SHORTAGE:2']);
      expect(detect(withRules({ shipComplete: true })).exceptions).toEqual([]);
    });

    it('flags the first option on the requested date missing the delivery window', () => {
      const missed = [
        blocked('CAR-A', '2026-12-03', ['CAPACITY_FULL']),
        option({ carrierCode: 'CAR-B', deliveryDate: '2026-12-05', deliveryWindowMet: false }),
        option({ carrierCode: 'CAR-C', deliveryWindowMet: true }),
      ];
      expect(only(withRules({}, { shipmentOptions: missed })).reason).toBe(
        "CAR-B from DC-NORTH on 2026-12-02 delivers on 2026-12-05, outside the customer's delivery window",
      );
      const met = [
        option({ deliveryWindowMet: true }),
        option({ carrierCode: 'CAR-B', deliveryWindowMet: false }),
      ];
      expect(detect(withRules({}, { shipmentOptions: met })).exceptions).toEqual([]);
      expect(
        detect(withRules({}, { shipmentOptions: [option({ deliveryWindowMet: null })] })).exceptions,
      ).toEqual([]);
    });

    it('flags a rule that leaves no carrier (and does not repeat it as a shipment constraint)', () => {
      const found = only(withRules({ allowedCarriers: ['CAR-Z'] }, { shipmentOptions: [] }));
      expect(found.reason).toBe('no carrier the customer allows serves the ship-to');
      expect(found.facts).toMatchObject({ broken: ['NO_ALLOWED_CARRIER'], allowedCarriers: ['CAR-Z'] });
    });

    it('lists every broken rule, sorted, in one exception', () => {
      const o = withRules(
        { preferredDc: 'DC-WEST', allowedDcs: ['DC-NORTH'], shipComplete: true },
        {
          shipmentOptions: [],
          lines: [line({ quantity: 11, availability: { skuKnown: true, byDc: [stock('DC-WEST', 10)] } })],
        },
      );
      const routing = detect(o).exceptions.filter((e) => e.category === ExceptionCategory.ROUTING_RULE);
      expect(routing).toHaveLength(1);
      expect(routing[0].facts['broken']).toEqual(['DC_NOT_ALLOWED', 'NO_ALLOWED_CARRIER', 'SHIP_COMPLETE']);
      expect(routing[0].reason).toBe(
        "DC-WEST is not among the customer's allowed DCs (DC-NORTH); no carrier the customer allows serves the ship-to; " +
          'the customer takes complete shipments only and line 1 is short at DC-WEST',
      );
    });
  });

  describe('ERP_SYNC', () => {
    it('waits until a pending command is exactly at its timeout', () => {
      const almost = order({ erpCommands: [command('CMD-1', msAfter(-TIMEOUT_MS + 1))] });
      expect(detect(almost)).toEqual({ exceptions: [], recheckAt: msAfter(1) });
    });

    it('flags a pending command exactly at its timeout', () => {
      expect(detect(order({ erpCommands: [command('CMD-1', msAfter(-TIMEOUT_MS))] }))).toEqual({
        exceptions: [
          {
            category: ExceptionCategory.ERP_SYNC,
            lineNo: null,
            reason: 'the ERP has not acknowledged RELEASE_ORDER CMD-1 after 15 min (1 command overdue)',
            facts: {
              oldestCommandId: 'CMD-1',
              oldestCommandType: 'RELEASE_ORDER',
              oldestRequestedAt: '2026-11-30T09:45:00.000Z',
              minutesWaiting: 15,
              overdueCount: 1,
              overdueCommandIds: ['CMD-1'],
              acknowledgementTimeoutMs: TIMEOUT_MS,
            },
          },
        ],
        recheckAt: null,
      });
    });

    it('names the oldest overdue command, counts them, and rechecks when the next falls due', () => {
      const o = order({
        erpCommands: [
          command('CMD-3', msAfter(-20 * 60_000)),
          { ...command('CMD-2', msAfter(-42 * 60_000 - 59_999)), commandType: 'UPDATE_ORDER' },
          command('CMD-4', msAfter(-10 * 60_000)),
          command('CMD-5', msAfter(-5 * 60_000)),
          command('CMD-0', msAfter(-90 * 60_000), 'ACCEPTED'),
          command('CMD-9', msAfter(-90 * 60_000), 'REJECTED'),
        ],
      });
      const { exceptions, recheckAt } = detect(o);
      expect(exceptions).toHaveLength(1);
      expect(exceptions[0].reason).toBe(
        'the ERP has not acknowledged UPDATE_ORDER CMD-2 after 42 min (2 commands overdue)',
      );
      expect(exceptions[0].facts).toMatchObject({ overdueCount: 2, overdueCommandIds: ['CMD-2', 'CMD-3'] });
      expect(recheckAt).toEqual(msAfter(5 * 60_000));
    });

    it('ignores acknowledged and rejected commands', () => {
      const o = order({
        erpCommands: [
          command('CMD-1', msAfter(-TIMEOUT_MS), 'ACCEPTED'),
          command('CMD-2', msAfter(0), 'REJECTED'),
        ],
      });
      expect(detect(o)).toEqual({ exceptions: [], recheckAt: null });
    });
  });

  describe('ordering', () => {
    it('sorts by category then line number, the header first, one per category and line', () => {
      const short = { skuKnown: true, byDc: [stock('DC-NORTH', 0)] };
      const o = order({
        shipTo: { id: 'ST-001', region: 'NORTH' },
        creditCheck: credit({ overdue: true, overdueDays: 30, overdueAmount: 100 }),
        shipmentOptions: [blocked('CAR-A', '2026-12-03', ['CAPACITY_FULL'])],
        erpCommands: [command('CMD-1', msAfter(-TIMEOUT_MS))],
        lines: [
          line({
            lineNo: 3,
            availability: short,
            priceCheck: priceCheck({ aboveMarginFloor: false, marginPct: 1 }),
          }),
          line({ lineNo: 2, availability: { skuKnown: false, byDc: [] } }),
          line({
            lineNo: 1,
            availability: short,
            priceCheck: priceCheck({ hasContract: false, lastContractEndedOn: '2026-01-31' }),
          }),
          line({ lineNo: 3, sku: 'SKU-00003', availability: { skuKnown: false, byDc: [] } }),
        ],
      });
      expect(keys({ ...o, creditCheck: credit({ hasAccount: false }) }).slice(0, 4)).toEqual([
        'ERP_SYNC:-',
        'MASTER_DATA:-',
        'MASTER_DATA:1',
        'MASTER_DATA:2',
      ]);
      expect(keys(o)).toEqual([
        'CREDIT_HOLD:-',
        'ERP_SYNC:-',
        'MASTER_DATA:1',
        'MASTER_DATA:2',
        'MASTER_DATA:3',
        'PRICE_MISMATCH:3',
        'SHIPMENT_CONSTRAINT:-',
        'STOCK_SHORTAGE:1',
        'STOCK_SHORTAGE:3',
      ]);
    });
  });
});

describe('assignedDcOf', () => {
  it("takes the rule's preferred DC, else the DC of the ship-to's region, else none", () => {
    expect(assignedDcOf(withRules({ preferredDc: 'DC-SOUTH' }), DC_BY_REGION)).toBe('DC-SOUTH');
    expect(assignedDcOf(withRules({ preferredDc: null }), DC_BY_REGION)).toBe('DC-NORTH');
    expect(assignedDcOf(order(), DC_BY_REGION)).toBe('DC-NORTH');
    expect(assignedDcOf(order({ shipTo: { id: 'ST-9', region: 'ATLANTIS' } }), DC_BY_REGION)).toBeNull();
    expect(assignedDcOf(order({ shipTo: null }), DC_BY_REGION)).toBeNull();
    expect(assignedDcOf(withRules({ preferredDc: 'DC-WEST' }, { shipTo: null }), DC_BY_REGION)).toBe(
      'DC-WEST',
    );
  });
});
