import {
  CustomerSegment,
  CustomerTier,
  OrderStatus,
  UnitOfMeasure,
  type Contract,
  type Order,
} from '@ordex/contracts';
import { ContextStack, erp, startContextStack } from './context-stack.test-support';

/**
 * Pricing's context through the gateway on real PostgreSQL: contracts, price checks, credit
 * accounts, open-order exposure and credit checks, fed as ERP events through the real intake.
 * Every expected figure is computed by hand in the comment beside it.
 */

const PRICE_CHECK_FIELDS = `skuKnown hasContract contractKind contractId contractPrice listPrice deviationPct
  tolerancePct withinTolerance marginPct marginFloorPct aboveMarginFloor lastContractEndedOn`;
const CREDIT_CHECK_FIELDS = `hasAccount creditLimit openReceivables otherOpenOrdersValue orderValue exposure
  headroom withinLimit overLimitBy overdueDays overdueAmount overdue passes`;

const ORDER_QUERY = `query Order($orderNumber: ID!) {
  order(orderNumber: $orderNumber) {
    orderValue
    creditCheck { ${CREDIT_CHECK_FIELDS} }
    lines { lineNo sku unitPrice priceCheck { ${PRICE_CHECK_FIELDS} } }
  }
}`;
const CUSTOMER_CREDIT_QUERY = `query Credit($id: ID!) {
  customer(id: $id) { credit { customerId creditLimit openReceivables overdueDays overdueAmount openOrdersValue } }
}`;

interface PriceCheckResult {
  skuKnown: boolean;
  hasContract: boolean;
  contractKind: 'SKU' | 'FAMILY' | null;
  contractId: string | null;
  contractPrice: number | null;
  listPrice: number | null;
  deviationPct: number | null;
  tolerancePct: number | null;
  withinTolerance: boolean | null;
  marginPct: number | null;
  marginFloorPct: number | null;
  aboveMarginFloor: boolean | null;
  lastContractEndedOn: string | null;
}
interface OrderResult {
  order: {
    orderValue: number;
    creditCheck: Record<string, unknown> | null;
    lines: { lineNo: number; sku: string; unitPrice: number; priceCheck: PriceCheckResult | null }[];
  } | null;
}
interface CreditResult {
  customer: { credit: Record<string, unknown> | null } | null;
}

const ORDERED_ON = '2026-06-15';

/**
 * Orders (Order, OrderLine, Customer and orderValue) and pricing answer everything asked here;
 * the other context subgraphs add nothing to it.
 */
const SUBGRAPHS = ['orders', 'pricing'] as const;

const product = (sku: string, family: string, unitCost: number, listPrice: number) =>
  erp('erp.product.changed.v1', {
    sku,
    name: sku,
    family,
    unitOfMeasure: UnitOfMeasure.EA,
    weightKg: 1,
    volumeM3: null,
    unitCost,
    listPrice,
    substitutes: [],
  });

const customer = (id: string) =>
  erp('erp.customer.changed.v1', {
    customer: {
      id,
      name: `Customer ${id}`,
      segment: CustomerSegment.KEY_ACCOUNT,
      tier: CustomerTier.GOLD,
      paymentTermsDays: 30,
    },
    shipTos: [],
  });

const contract = (c: Partial<Contract> & Pick<Contract, 'id' | 'customerId' | 'price'>) =>
  erp('erp.contract.changed.v1', {
    sku: null,
    family: null,
    tolerancePct: 3,
    marginFloorPct: 20,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    ...c,
  });

const credit = (
  customerId: string,
  creditLimit: number,
  openReceivables: number,
  overdueDays = 0,
  overdueAmount: number | null = 0,
) => erp('erp.credit.updated.v2', { customerId, creditLimit, openReceivables, overdueDays, overdueAmount });

type LineFixture = Omit<Order['lines'][number], 'lineNo'>;
const line = (sku: string, quantity: number, unitPrice: number): LineFixture => ({
  sku,
  quantity,
  unitPrice,
});

/** An order version placed on ORDERED_ON; lines are numbered 1, 2, … in the order given. */
const orderVersion = (
  orderNumber: string,
  customerId: string,
  lines: LineFixture[],
  erpVersion: number,
  status: OrderStatus,
): Order => ({
  orderNumber,
  erpVersion,
  customerId,
  shipToId: null,
  orderedOn: ORDERED_ON,
  requestedDate: '2026-06-25',
  currency: 'EUR',
  status,
  lines: lines.map((l, i) => ({ ...l, lineNo: i + 1 })),
});
const order = (
  orderNumber: string,
  customerId: string,
  lines: LineFixture[],
  { status = OrderStatus.RECEIVED } = {},
) => erp('erp.order.created.v1', orderVersion(orderNumber, customerId, lines, 1, status));
const changed = (
  orderNumber: string,
  customerId: string,
  lines: LineFixture[],
  erpVersion: number,
  status = OrderStatus.RECEIVED,
) => erp('erp.order.changed.v1', orderVersion(orderNumber, customerId, lines, erpVersion, status));
const cancelled = (orderNumber: string, erpVersion: number) =>
  erp('erp.order.cancelled.v1', {
    orderNumber,
    erpVersion,
    cancelledAt: '2026-06-16T10:00:00.000Z',
    reason: 'customer',
  });

const noContract = {
  hasContract: false,
  contractKind: null,
  contractId: null,
  contractPrice: null,
  deviationPct: null,
  tolerancePct: null,
  withinTolerance: null,
  marginFloorPct: null,
  aboveMarginFloor: null,
};

describe('pricing context through the gateway (real PostgreSQL)', () => {
  let ctx: ContextStack;

  beforeAll(async () => {
    ctx = await startContextStack(SUBGRAPHS);
  }, 60_000);

  afterAll(async () => {
    await ctx?.stop();
  });

  const orderOf = async (orderNumber: string) => {
    const response = await ctx.ask<OrderResult>(ORDER_QUERY, { orderNumber });
    expect(response.errors).toBeUndefined();
    return response.data!.order!;
  };
  const creditOf = async (id: string) => {
    const response = await ctx.ask<CreditResult>(CUSTOMER_CREDIT_QUERY, { id });
    expect(response.errors).toBeUndefined();
    return response.data!.customer!.credit;
  };

  describe('price checks', () => {
    beforeAll(async () => {
      await ctx.load([
        customer('P1'),
        product('P1-NUT', 'P1-FASTENERS', 70, 110),
        product('P1-SCREW', 'P1-FASTENERS', 40, 60),
        product('P1-CLIP', 'P1-CLIPS', 0.56, 0.8),
        product('P1-HINGE', 'P1-HINGES', 40, 60),
        product('P1-LAMP', 'P1-LIGHTS', 30, 45),
        product('P1-PIPE', 'P1-PIPES', 10, 15),
        product('P1-ROD', 'P1-RODS', 7, 11),
        // A family contract and a SKU contract for P1-NUT: the SKU contract wins.
        contract({
          id: 'P1-CT-FAST',
          customerId: 'P1',
          family: 'P1-FASTENERS',
          price: 50,
          tolerancePct: 5,
          marginFloorPct: 10,
        }),
        contract({ id: 'P1-CT-NUT', customerId: 'P1', sku: 'P1-NUT', price: 100 }),
        // Starts on the order date.
        contract({ id: 'P1-CT-CLIP', customerId: 'P1', sku: 'P1-CLIP', price: 0.7, validFrom: ORDERED_ON }),
        // Expired yesterday; an older SKU contract and an older family contract ended before.
        contract({ id: 'P1-CT-HINGE', customerId: 'P1', sku: 'P1-HINGE', price: 55, validTo: '2026-06-14' }),
        contract({
          id: 'P1-CT-HINGE-25',
          customerId: 'P1',
          sku: 'P1-HINGE',
          price: 54,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        }),
        contract({
          id: 'P1-CT-HINGES',
          customerId: 'P1',
          family: 'P1-HINGES',
          price: 50,
          validTo: '2026-03-31',
        }),
        // Another customer's contract for P1-LAMP does not price P1's lines.
        contract({ id: 'P2-CT-LAMP', customerId: 'P2', sku: 'P1-LAMP', price: 40 }),
        // P1-PIPE: one contract ended yesterday, the next starts on the order date.
        contract({ id: 'P1-CT-PIPE-A', customerId: 'P1', sku: 'P1-PIPE', price: 12, validTo: '2026-06-14' }),
        contract({
          id: 'P1-CT-PIPE-B',
          customerId: 'P1',
          sku: 'P1-PIPE',
          price: 12.5,
          tolerancePct: 2,
          marginFloorPct: 15,
          validFrom: ORDERED_ON,
        }),
        contract({ id: 'P1-CT-ROD', customerId: 'P1', sku: 'P1-ROD', price: 10, marginFloorPct: 25 }),
        order('P1-SO-1', 'P1', [
          line('P1-NUT', 1, 103), // 1
          line('P1-NUT', 1, 97), // 2
          line('P1-NUT', 1, 103.01), // 3
          line('P1-NUT', 1, 96.99), // 4
          line('P1-SCREW', 1, 52.5), // 5
          line('P1-CLIP', 1, 0.7), // 6
          line('P1-CLIP', 1, 0.69), // 7
          line('P1-HINGE', 1, 55), // 8
          line('P1-LAMP', 1, 40), // 9
          line('P1-GHOST', 1, 10), // 10
          line('P1-PIPE', 1, 12.75), // 11
          line('P1-ROD', 1, 10.3), // 12
          line('P1-ROD', 1, 9.7), // 13
        ]),
      ]);
    });

    const checks = async () => {
      const found = await orderOf('P1-SO-1');
      return new Map(found.lines.map((l) => [l.lineNo, l.priceCheck!]));
    };

    it('accepts a price exactly at the tolerance both ways and refuses one cent beyond; the SKU contract beats the family one', async () => {
      const byLine = await checks();
      const nut = {
        skuKnown: true,
        hasContract: true,
        contractKind: 'SKU',
        contractId: 'P1-CT-NUT',
        contractPrice: 100,
        listPrice: 110,
        tolerancePct: 3,
        marginFloorPct: 20,
        lastContractEndedOn: null,
      };
      // (103 − 100) / 100 = +3 % (within); margin (103 − 70) / 103 = 32.038… → 32.04.
      expect(byLine.get(1)).toEqual({
        ...nut,
        deviationPct: 3,
        withinTolerance: true,
        marginPct: 32.04,
        aboveMarginFloor: true,
      });
      // (97 − 100) / 100 = −3 % (within); margin 27 / 97 = 27.835… → 27.84.
      expect(byLine.get(2)).toEqual({
        ...nut,
        deviationPct: -3,
        withinTolerance: true,
        marginPct: 27.84,
        aboveMarginFloor: true,
      });
      // One cent beyond: +3.01 % and −3.01 %; margins 33.01 / 103.01 → 32.05, 26.99 / 96.99 → 27.83.
      expect(byLine.get(3)).toEqual({
        ...nut,
        deviationPct: 3.01,
        withinTolerance: false,
        marginPct: 32.05,
        aboveMarginFloor: true,
      });
      expect(byLine.get(4)).toEqual({
        ...nut,
        deviationPct: -3.01,
        withinTolerance: false,
        marginPct: 27.83,
        aboveMarginFloor: true,
      });
    });

    it('decides the boundary exactly where floats would not (10.30 against 10.00 at 3 %)', async () => {
      const byLine = await checks();
      // (10.30 − 10) / 10 = 3 % exactly (3.000000000000007 in floats); margin 3.30 / 10.30 → 32.04 ≥ 25.
      expect(byLine.get(12)).toMatchObject({
        contractId: 'P1-CT-ROD',
        deviationPct: 3,
        withinTolerance: true,
        marginPct: 32.04,
        aboveMarginFloor: true,
      });
      expect(byLine.get(13)).toMatchObject({
        deviationPct: -3,
        withinTolerance: true,
        marginPct: 27.84,
        aboveMarginFloor: true,
      });
    });

    it('prices a SKU without a SKU contract by its family contract', async () => {
      // (52.50 − 50) / 50 = +5 % = tolerance; margin 12.50 / 52.50 = 23.809… → 23.81 ≥ 10.
      expect((await checks()).get(5)).toEqual({
        skuKnown: true,
        hasContract: true,
        contractKind: 'FAMILY',
        contractId: 'P1-CT-FAST',
        contractPrice: 50,
        listPrice: 60,
        deviationPct: 5,
        tolerancePct: 5,
        withinTolerance: true,
        marginPct: 23.81,
        marginFloorPct: 10,
        aboveMarginFloor: true,
        lastContractEndedOn: null,
      });
    });

    it('applies a contract from its first day, and a margin exactly at the floor is above it', async () => {
      const byLine = await checks();
      // (0.70 − 0.56) / 0.70 = 20 % exactly (19.999999999999986 in floats) = floor.
      expect(byLine.get(6)).toEqual({
        skuKnown: true,
        hasContract: true,
        contractKind: 'SKU',
        contractId: 'P1-CT-CLIP',
        contractPrice: 0.7,
        listPrice: 0.8,
        deviationPct: 0,
        tolerancePct: 3,
        withinTolerance: true,
        marginPct: 20,
        marginFloorPct: 20,
        aboveMarginFloor: true,
        lastContractEndedOn: null,
      });
      // (0.69 − 0.70) / 0.70 = −1.428… → −1.43 (within 3 %); margin 0.13 / 0.69 = 18.84 < 20.
      expect(byLine.get(7)).toMatchObject({
        deviationPct: -1.43,
        withinTolerance: true,
        marginPct: 18.84,
        aboveMarginFloor: false,
      });
      // P1-PIPE: the contract ending yesterday gives way to the one starting today (tolerance 2 %).
      // (12.75 − 12.50) / 12.50 = +2 % (within); margin 2.75 / 12.75 = 21.568… → 21.57 ≥ 15.
      expect(byLine.get(11)).toMatchObject({
        hasContract: true,
        contractId: 'P1-CT-PIPE-B',
        contractPrice: 12.5,
        deviationPct: 2,
        withinTolerance: true,
        marginPct: 21.57,
        aboveMarginFloor: true,
        lastContractEndedOn: null,
      });
    });

    it('reports no contract the day after one expired, with the day it ended', async () => {
      // Margin (55 − 40) / 55 = 27.27 still reported; no floor to judge it by.
      expect((await checks()).get(8)).toEqual({
        ...noContract,
        skuKnown: true,
        listPrice: 60,
        marginPct: 27.27,
        lastContractEndedOn: '2026-06-14',
      });
    });

    it('reports a SKU with no contract at all, and an unknown SKU', async () => {
      const byLine = await checks();
      // P2's contract for the lamp does not count for P1. Margin (40 − 30) / 40 = 25 %.
      expect(byLine.get(9)).toEqual({
        ...noContract,
        skuKnown: true,
        listPrice: 45,
        marginPct: 25,
        lastContractEndedOn: null,
      });
      expect(byLine.get(10)).toEqual({
        ...noContract,
        skuKnown: false,
        listPrice: null,
        marginPct: null,
        lastContractEndedOn: null,
      });
    });

    it('keeps the contract and price-list queries working, unknown keys giving null or nothing', async () => {
      const response = await ctx.ask<{
        contract: { id: string; validFrom: string; validTo: string } | null;
        missing: unknown;
        contracts: { id: string }[];
        priceList: { sku: string; family: string; listPrice: number; unitCost: number }[];
      }>(`{
        contract(id: "P1-CT-CLIP") { id validFrom validTo }
        missing: contract(id: "NO-SUCH-CONTRACT") { id }
        contracts(customerId: "P2") { id }
        priceList(skus: ["P1-CLIP", "P1-GHOST"]) { sku family listPrice unitCost }
      }`);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        contract: { id: 'P1-CT-CLIP', validFrom: ORDERED_ON, validTo: '2026-12-31' },
        missing: null,
        contracts: [{ id: 'P2-CT-LAMP' }],
        priceList: [{ sku: 'P1-CLIP', family: 'P1-CLIPS', listPrice: 0.8, unitCost: 0.56 }],
      });
    });
    it('refuses a price-list query for too many SKUs with a clear error', async () => {
      const skus = Array.from({ length: 501 }, (_, i) => `SKU-${i}`);
      const response = await ctx.ask(`query List($skus: [ID!]!) { priceList(skus: $skus) { sku } }`, {
        skus,
      });
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'priceList takes at most 500 SKUs, got 501',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    });
  });

  describe('credit checks', () => {
    beforeAll(async () => {
      await ctx.load([
        ...['CA', 'CB', 'CC', 'CD', 'CE'].map(customer),
        credit('CA', 100_000, 40_000),
        credit('CB', 100_000, 40_000),
        credit('CC', 50_000, 10_000, 1, 2500.5),
        erp('erp.credit.updated.v1', {
          customerId: 'CD',
          creditLimit: 5000,
          openReceivables: 0,
          overdueDays: 0,
        }),
        // CA: 25,000.00 + 35,000.00 open; a shipped order does not count.
        order('CA-SO-1', 'CA', [line('X-1', 100, 250)]),
        order('CA-SO-2', 'CA', [line('X-1', 7, 5000)], { status: OrderStatus.RELEASED }),
        order('CA-SO-3', 'CA', [line('X-1', 1, 99_999)], { status: OrderStatus.SHIPPED }),
        // CB: one cent more.
        order('CB-SO-1', 'CB', [line('X-1', 100, 250)]),
        order('CB-SO-2', 'CB', [line('X-1', 1, 35_000.01)]),
        order('CC-SO-1', 'CC', [line('X-1', 4, 250)]),
        order('CD-SO-1', 'CD', [line('X-1', 3, 0.1)]),
        order('CE-SO-1', 'CE', [line('X-1', 12, 100)]),
        order('CE-SO-2', 'CE', [line('X-1', 3, 100)], { status: OrderStatus.ON_HOLD }),
      ]);
    });

    it('passes an exposure exactly at the limit', async () => {
      const found = await orderOf('CA-SO-2');
      // 40,000 receivables + 25,000 (CA-SO-1) + 35,000 (this) = 100,000 = limit.
      expect(found.orderValue).toBe(35_000);
      expect(found.creditCheck).toEqual({
        hasAccount: true,
        creditLimit: 100_000,
        openReceivables: 40_000,
        otherOpenOrdersValue: 25_000,
        orderValue: 35_000,
        exposure: 100_000,
        headroom: 0,
        withinLimit: true,
        overLimitBy: 0,
        overdueDays: 0,
        overdueAmount: 0,
        overdue: false,
        passes: true,
      });
      expect((await orderOf('CA-SO-1')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 35_000,
        exposure: 100_000,
        passes: true,
      });
      expect(await creditOf('CA')).toEqual({
        customerId: 'CA',
        creditLimit: 100_000,
        openReceivables: 40_000,
        overdueDays: 0,
        overdueAmount: 0,
        openOrdersValue: 60_000,
      });
    });

    it('fails an exposure one cent over the limit', async () => {
      // 40,000 + 25,000 + 35,000.01 = 100,000.01.
      expect((await orderOf('CB-SO-2')).creditCheck).toEqual({
        hasAccount: true,
        creditLimit: 100_000,
        openReceivables: 40_000,
        otherOpenOrdersValue: 25_000,
        orderValue: 35_000.01,
        exposure: 100_000.01,
        headroom: -0.01,
        withinLimit: false,
        overLimitBy: 0.01,
        overdueDays: 0,
        overdueAmount: 0,
        overdue: false,
        passes: false,
      });
    });

    it('fails an account overdue by one day, though within its limit', async () => {
      // 10,000 + 0 + 1,000 = 11,000; headroom 39,000.
      expect((await orderOf('CC-SO-1')).creditCheck).toEqual({
        hasAccount: true,
        creditLimit: 50_000,
        openReceivables: 10_000,
        otherOpenOrdersValue: 0,
        orderValue: 1000,
        exposure: 11_000,
        headroom: 39_000,
        withinLimit: true,
        overLimitBy: 0,
        overdueDays: 1,
        overdueAmount: 2500.5,
        overdue: true,
        passes: false,
      });
    });

    it('reads a v1 credit event (upcast) with the overdue amount unknown', async () => {
      // 3 × 0.10 = 0.30 exactly.
      expect((await orderOf('CD-SO-1')).creditCheck).toMatchObject({
        hasAccount: true,
        orderValue: 0.3,
        exposure: 0.3,
        headroom: 4999.7,
        overdueAmount: null,
        overdue: false,
        passes: true,
      });
      expect(await creditOf('CD')).toMatchObject({ overdueAmount: null, openOrdersValue: 0.3 });
    });

    it('fails an order without a credit account, reporting what is known', async () => {
      expect((await orderOf('CE-SO-2')).creditCheck).toEqual({
        hasAccount: false,
        creditLimit: null,
        openReceivables: null,
        otherOpenOrdersValue: 1200,
        orderValue: 300,
        exposure: 1500,
        headroom: null,
        withinLimit: null,
        overLimitBy: null,
        overdueDays: null,
        overdueAmount: null,
        overdue: null,
        passes: false,
      });
      expect(await creditOf('CE')).toBeNull();
    });

    it('is refused to a role without credit:read while the price check stays visible', async () => {
      const response = await ctx.ask<OrderResult>(
        `{ order(orderNumber: "CA-SO-1") { creditCheck { passes } lines { priceCheck { skuKnown } } } }`,
        {},
        ['finance-pricing'],
      );
      expect(response.data!.order!.creditCheck).toBeNull();
      expect(response.data!.order!.lines[0].priceCheck).toEqual({ skuKnown: false });
      expect(response.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  describe('order versions and exposure', () => {
    it('follows a new version, ignores an older one arriving late, and drops a cancelled order', async () => {
      await ctx.load([
        customer('CV'),
        credit('CV', 10_000, 1000),
        order('CV-SO-1', 'CV', [line('X-1', 10, 100)]), // 1,000
        order('CV-SO-2', 'CV', [line('X-1', 1, 500)]), // 500
      ]);
      // 1,000 receivables + 500 + 1,000.
      expect((await orderOf('CV-SO-1')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 500,
        orderValue: 1000,
        exposure: 2500,
      });

      await ctx.load([changed('CV-SO-1', 'CV', [line('X-1', 20, 100)], 2)]); // 2,000
      expect((await orderOf('CV-SO-1')).creditCheck).toMatchObject({
        orderValue: 2000,
        exposure: 3500,
        headroom: 6500,
      });
      expect((await orderOf('CV-SO-2')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 2000,
        exposure: 3500,
      });
      expect(await creditOf('CV')).toMatchObject({ openOrdersValue: 2500 });

      // Version 4 (3,000), then version 3 (500) late: ignored by orders and pricing alike.
      await ctx.load([changed('CV-SO-1', 'CV', [line('X-1', 30, 100)], 4)]);
      await ctx.load([changed('CV-SO-1', 'CV', [line('X-1', 5, 100)], 3)]);
      expect((await orderOf('CV-SO-1')).creditCheck).toMatchObject({
        orderValue: 3000,
        otherOpenOrdersValue: 500,
        exposure: 4500,
      });
      expect((await orderOf('CV-SO-2')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 3000,
        exposure: 4500,
      });
      expect(await creditOf('CV')).toMatchObject({ openOrdersValue: 3500 });

      // Cancelled: CV-SO-2 no longer counts for CV-SO-1 nor in the customer's open orders.
      await ctx.load([cancelled('CV-SO-2', 2)]);
      expect((await orderOf('CV-SO-1')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 0,
        exposure: 4000,
        passes: true,
      });
      expect(await creditOf('CV')).toMatchObject({ openOrdersValue: 3000 });

      // Shipped: CV-SO-1 drops out too.
      await ctx.load([changed('CV-SO-1', 'CV', [line('X-1', 30, 100)], 5, OrderStatus.SHIPPED)]);
      expect(await creditOf('CV')).toMatchObject({ openOrdersValue: 0 });
    });

    it('keeps other customers out of a customer exposure, and a cancelled order out of it', async () => {
      await ctx.load([
        ...['CX', 'CY'].map(customer),
        credit('CX', 1000, 0),
        credit('CY', 1000, 0),
        order('CX-SO-1', 'CX', [line('X-1', 1, 400)]),
        order('CX-SO-2', 'CX', [line('X-1', 1, 300)]),
        order('CY-SO-1', 'CY', [line('X-1', 1, 900)]),
      ]);
      expect((await orderOf('CY-SO-1')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 0,
        exposure: 900,
        passes: true,
      });
      expect((await orderOf('CX-SO-2')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 400,
        exposure: 700,
      });
      await ctx.load([cancelled('CX-SO-1', 2)]);
      expect((await orderOf('CX-SO-2')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 0,
        exposure: 300,
      });
      expect(await creditOf('CX')).toMatchObject({ openOrdersValue: 300 });
      expect(await creditOf('CY')).toMatchObject({ openOrdersValue: 900 });
    });

    it('keeps an order cancelled when its older version arrives after the cancellation', async () => {
      await ctx.load([customer('CW'), credit('CW', 1000, 0), order('CW-SO-1', 'CW', [line('X-1', 1, 100)])]);
      // Cancelled as of version 3 before pricing saw the order; version 1 then arrives.
      await ctx.load([cancelled('CW-SO-9', 3)]);
      await ctx.load([order('CW-SO-9', 'CW', [line('X-1', 1, 700)])]);
      expect(await creditOf('CW')).toMatchObject({ openOrdersValue: 100 });
      expect((await orderOf('CW-SO-1')).creditCheck).toMatchObject({
        otherOpenOrdersValue: 0,
        exposure: 100,
      });
    });
  });

  describe('statements per request', () => {
    const CONTEXT_QUERY = `query Page($first: Int!) {
      orders(first: $first) {
        orderNumber
        creditCheck { hasAccount exposure headroom withinLimit overdue passes }
        customer { credit { creditLimit openOrdersValue } }
        lines { priceCheck { skuKnown hasContract contractKind deviationPct withinTolerance marginPct aboveMarginFloor lastContractEndedOn } }
      }
    }`;

    const pricingStatements = async (first: number) => {
      const before = (await ctx.graphqlStatements()).pricing;
      const response = await ctx.ask<{ orders: unknown[] }>(CONTEXT_QUERY, { first });
      expect(response.errors).toBeUndefined();
      return {
        count: response.data!.orders.length,
        statements: (await ctx.graphqlStatements()).pricing - before,
      };
    };

    it('answers one order and every order with the same number of pricing statements', async () => {
      const one = await pricingStatements(1);
      const all = await pricingStatements(100);
      expect(one.count).toBe(1);
      expect(all.count).toBeGreaterThan(10);
      expect(all.statements).toBe(one.statements);
      // Price check: contracts + price list; credit check: accounts + open orders;
      // Customer.credit: accounts + open orders value.
      expect(all.statements).toBeLessThanOrEqual(6);
    });
  });
});
