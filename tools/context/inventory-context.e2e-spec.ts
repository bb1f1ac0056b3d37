import { OrderStatus, Region, UnitOfMeasure } from '@ordex/contracts';
import type { EventEnvelope } from '@ordex/contracts';
import { ContextStack, erp, startContextStack } from './context-stack.test-support';

jest.setTimeout(120_000);

/**
 * The inventory subgraph through the gateway on real PostgreSQL: products with volume, inbound
 * and substitutes, open purchase orders, available-to-promise and an order line's availability
 * by its requested date. Every number is computed by hand in the comments. Three DCs exist for the
 * whole file; each test uses its own SKUs, purchase order ids and order numbers.
 */
describe('inventory context through the gateway', () => {
  let ctx: ContextStack;
  const DCS = ['DC-NORTH', 'DC-SOUTH', 'DC-WEST'];
  const REQUESTED = '2026-12-10';

  beforeAll(async () => {
    ctx = await startContextStack();
    await ctx.load([
      erp('erp.dc.changed.v1', { code: 'DC-NORTH', name: 'North', region: Region.NORTH }),
      erp('erp.dc.changed.v1', { code: 'DC-SOUTH', name: 'South', region: Region.SOUTH }),
      erp('erp.dc.changed.v1', { code: 'DC-WEST', name: 'West', region: Region.WEST }),
    ]);
  });
  afterAll(() => ctx?.stop());

  const product = (sku: string, extra: { substitutes?: string[]; volumeM3?: number | null } = {}) =>
    erp('erp.product.changed.v1', {
      sku,
      name: `Product ${sku}`,
      family: 'FASTENERS',
      unitOfMeasure: UnitOfMeasure.EA,
      weightKg: 1.25,
      volumeM3: extra.volumeM3,
      unitCost: 4,
      listPrice: 7.5,
      substitutes: extra.substitutes ?? [],
    });
  const stock = (sku: string, dcCode: string, onHand: number, allocated: number) =>
    erp('erp.stock.adjusted.v1', {
      sku,
      dcCode,
      onHandDelta: onHand,
      allocatedDelta: allocated,
      reason: 'fixture',
      adjustedAt: '2026-12-01T06:00:00Z',
    });
  const po = (id: string, sku: string, dcCode: string, quantity: number, eta: string) =>
    erp('erp.purchase-order.eta-changed.v1', { id, sku, dcCode, quantity, eta });

  /** Master data first: a movement for a SKU the intake has not applied yet is dead-lettered. */
  async function load(master: EventEnvelope<unknown>[], movements: EventEnvelope<unknown>[]): Promise<void> {
    await ctx.load(master);
    await ctx.load(movements);
  }

  /**
   * SKU `<p>-1`, 100 wanted by 2026-12-10:
   * DC-NORTH 80 on hand, 0 allocated: 80 now; PO of 30 due ON the 10th → 110 by the date.
   * DC-SOUTH 10 on hand, 25 allocated: 0 now (never −15); PO of 100 due the 11th → 0 by the date.
   * DC-WEST no stock row; its PO of 500 was closed (quantity 0) → 0.
   */
  async function loadEdgeSku(p: string): Promise<string> {
    const sku = `${p}-1`;
    await load(
      [product(sku)],
      [
        stock(sku, 'DC-NORTH', 80, 0),
        stock(sku, 'DC-SOUTH', 10, 25),
        po(`${p}-PO-N`, sku, 'DC-NORTH', 30, '2026-12-10'),
        po(`${p}-PO-S`, sku, 'DC-SOUTH', 100, '2026-12-11'),
        po(`${p}-PO-W`, sku, 'DC-WEST', 500, '2026-12-01'),
      ],
    );
    await ctx.load([po(`${p}-PO-W`, sku, 'DC-WEST', 0, '2026-12-01')]);
    return sku;
  }

  const ATP = `query Atp($sku: ID!, $quantity: Int!, $date: String!, $dcCodes: [ID!]) {
    availableToPromise(sku: $sku, quantity: $quantity, date: $date, dcCodes: $dcCodes) {
      sku quantity date skuKnown totalAvailableNow totalAvailableByDate fillableFromOneDcByDate
      dcsThatCanFillByDate
      byDc { dcCode onHand allocated availableNow inboundByDate availableByDate fillableNow canFillByDate earliestFillDate }
    }
  }`;

  interface AtpResult {
    availableToPromise: {
      skuKnown: boolean;
      totalAvailableNow: number;
      totalAvailableByDate: number;
      fillableFromOneDcByDate: boolean;
      dcsThatCanFillByDate: string[];
      byDc: Record<string, unknown>[];
    };
  }

  const dcPromise = (
    dcCode: string,
    figures: [onHand: number, allocated: number, now: number, inbound: number, byDate: number],
    flags: [fillableNow: boolean, canFillByDate: boolean, earliestFillDate: string | null],
  ) => ({
    dcCode,
    onHand: figures[0],
    allocated: figures[1],
    availableNow: figures[2],
    inboundByDate: figures[3],
    availableByDate: figures[4],
    fillableNow: flags[0],
    canFillByDate: flags[1],
    earliestFillDate: flags[2],
  });

  it('promises by date: an ETA on the date counts, the day after does not, over-allocation is 0', async () => {
    const sku = await loadEdgeSku('ATP1');
    const response = await ctx.ask<AtpResult>(ATP, { sku, quantity: 100, date: '2026-12-10' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.availableToPromise).toEqual({
      sku,
      quantity: 100,
      date: '2026-12-10',
      skuKnown: true,
      totalAvailableNow: 80,
      totalAvailableByDate: 110,
      fillableFromOneDcByDate: true,
      dcsThatCanFillByDate: ['DC-NORTH'],
      byDc: [
        dcPromise('DC-NORTH', [80, 0, 80, 30, 110], [false, true, '2026-12-10']),
        dcPromise('DC-SOUTH', [10, 25, 0, 0, 0], [false, false, '2026-12-11']),
        dcPromise('DC-WEST', [0, 0, 0, 0, 0], [false, false, null]),
      ],
    });

    // A day later both can: neither now, so the most by the date first (110 before 100).
    const later = await ctx.ask<AtpResult>(ATP, { sku, quantity: 100, date: '2026-12-11' });
    expect(later.data!.availableToPromise).toMatchObject({
      totalAvailableByDate: 210,
      dcsThatCanFillByDate: ['DC-NORTH', 'DC-SOUTH'],
    });

    // 80 is on hand at DC-NORTH: fillable now, so no earliest fill date there; now before by-date.
    const now = await ctx.ask<AtpResult>(ATP, { sku, quantity: 80, date: '2026-12-11' });
    expect(now.data!.availableToPromise.byDc[0]).toEqual(
      dcPromise('DC-NORTH', [80, 0, 80, 30, 110], [true, true, null]),
    );
    expect(now.data!.availableToPromise.dcsThatCanFillByDate).toEqual(['DC-NORTH', 'DC-SOUTH']);

    // Narrowed to DC-SOUTH: the totals are DC-SOUTH's alone.
    const south = await ctx.ask<AtpResult>(ATP, {
      sku,
      quantity: 100,
      date: '2026-12-10',
      dcCodes: ['DC-SOUTH'],
    });
    expect(south.data!.availableToPromise).toMatchObject({
      totalAvailableNow: 0,
      totalAvailableByDate: 0,
      fillableFromOneDcByDate: false,
      dcsThatCanFillByDate: [],
    });
    expect(south.data!.availableToPromise.byDc.map((dc) => dc.dcCode)).toEqual(['DC-SOUTH']);
  });

  it('lists every known DC for a SKU stocked in one DC only, and nothing for an unknown SKU', async () => {
    await load([product('ATP2-1')], [stock('ATP2-1', 'DC-WEST', 50, 0)]);
    const one = await ctx.ask<AtpResult>(ATP, { sku: 'ATP2-1', quantity: 20, date: REQUESTED });
    expect(one.data!.availableToPromise).toMatchObject({
      skuKnown: true,
      totalAvailableNow: 50,
      totalAvailableByDate: 50,
      fillableFromOneDcByDate: true,
      dcsThatCanFillByDate: ['DC-WEST'],
      byDc: [
        dcPromise('DC-NORTH', [0, 0, 0, 0, 0], [false, false, null]),
        dcPromise('DC-SOUTH', [0, 0, 0, 0, 0], [false, false, null]),
        dcPromise('DC-WEST', [50, 0, 50, 0, 50], [true, true, null]),
      ],
    });

    const unknown = await ctx.ask<AtpResult>(ATP, { sku: 'ATP2-GHOST', quantity: 1, date: REQUESTED });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.availableToPromise).toEqual({
      sku: 'ATP2-GHOST',
      quantity: 1,
      date: REQUESTED,
      skuKnown: false,
      totalAvailableNow: 0,
      totalAvailableByDate: 0,
      fillableFromOneDcByDate: false,
      dcsThatCanFillByDate: [],
      byDc: DCS.map((dc) => dcPromise(dc, [0, 0, 0, 0, 0], [false, false, null])),
    });
  });

  it('refuses bad arguments with a clear error', async () => {
    const refused = async (variables: Record<string, unknown>) => {
      const response = await ctx.ask(ATP, { sku: 'ATP2-1', quantity: 1, date: REQUESTED, ...variables });
      expect(response.data?.availableToPromise ?? null).toBeNull();
      return response.errors!.map((e) => [e.extensions?.code, e.message]);
    };
    expect(await refused({ quantity: 0 })).toEqual([['BAD_USER_INPUT', 'quantity must be 1 or more']]);
    expect(await refused({ date: '2026-02-30' })).toEqual([
      ['BAD_USER_INPUT', 'date must be a real day YYYY-MM-DD'],
    ]);
    expect(await refused({ date: '10/12/2026' })).toEqual([
      ['BAD_USER_INPUT', 'date must be a real day YYYY-MM-DD'],
    ]);
    expect(await refused({ dcCodes: ['DC-SOUTH', 'DC-MARS'] })).toEqual([
      ['BAD_USER_INPUT', 'unknown distribution centre(s): DC-MARS'],
    ]);
    expect(await refused({ dcCodes: [] })).toEqual([['BAD_USER_INPUT', 'dcCodes must name at least one DC']]);
  });

  const INBOUND = `query Inbound($sku: ID, $dcCode: ID, $first: Int) {
    inboundPurchaseOrders(sku: $sku, dcCode: $dcCode, first: $first) { id sku dcCode quantity eta }
  }`;
  type InboundResult = { inboundPurchaseOrders: { id: string; dcCode: string; eta: string }[] };

  it('lists open purchase orders by ETA then id, closed ones left out', async () => {
    await load(
      [product('INB-1'), product('INB-2')],
      [
        po('INB-PO-3', 'INB-1', 'DC-NORTH', 40, '2026-12-20'),
        po('INB-PO-2', 'INB-1', 'DC-SOUTH', 15, '2026-12-05'),
        po('INB-PO-1', 'INB-1', 'DC-NORTH', 25, '2026-12-05'),
        po('INB-PO-4', 'INB-1', 'DC-NORTH', 99, '2026-12-01'),
        po('INB-PO-5', 'INB-2', 'DC-NORTH', 7, '2026-12-02'),
      ],
    );
    // INB-PO-4 received; INB-PO-3's ETA moves earlier and its quantity down.
    await ctx.load([
      po('INB-PO-4', 'INB-1', 'DC-NORTH', 0, '2026-12-01'),
      po('INB-PO-3', 'INB-1', 'DC-NORTH', 35, '2026-12-04'),
    ]);

    // A negative quantity is refused (dead-lettered): INB-PO-1 keeps its 25.
    await ctx.load([po('INB-PO-1', 'INB-1', 'DC-NORTH', -5, '2026-12-05')]);

    const bySku = await ctx.ask<InboundResult>(INBOUND, { sku: 'INB-1' });
    expect(bySku.errors).toBeUndefined();
    expect(bySku.data!.inboundPurchaseOrders).toEqual([
      { id: 'INB-PO-3', sku: 'INB-1', dcCode: 'DC-NORTH', quantity: 35, eta: '2026-12-04' },
      { id: 'INB-PO-1', sku: 'INB-1', dcCode: 'DC-NORTH', quantity: 25, eta: '2026-12-05' },
      { id: 'INB-PO-2', sku: 'INB-1', dcCode: 'DC-SOUTH', quantity: 15, eta: '2026-12-05' },
    ]);

    const both = await ctx.ask<InboundResult>(INBOUND, { sku: 'INB-1', dcCode: 'DC-NORTH', first: 1 });
    expect(both.data!.inboundPurchaseOrders.map((p) => p.id)).toEqual(['INB-PO-3']);

    // Other tests have purchase orders at DC-NORTH too: keep this test's, in the order given.
    const byDc = await ctx.ask<InboundResult>(INBOUND, { dcCode: 'DC-NORTH' });
    const ids = byDc.data!.inboundPurchaseOrders.map((p) => p.id).filter((id) => id.startsWith('INB-'));
    expect(ids).toEqual(['INB-PO-5', 'INB-PO-3', 'INB-PO-1']);
    const etas = byDc.data!.inboundPurchaseOrders.map((p) => p.eta);
    expect(etas).toEqual([...etas].sort());

    const neither = await ctx.ask(INBOUND, {});
    expect(neither.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'give sku, dcCode or both'],
    ]);
    const zero = await ctx.ask(INBOUND, { sku: 'INB-1', first: 0 });
    expect(zero.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers Product { volumeM3 stock inbound substituteProducts }', async () => {
    await load(
      [
        product('PRD-A', {
          volumeM3: 0.0125,
          substitutes: ['PRD-C', 'PRD-GHOST', 'PRD-B', 'PRD-A', 'PRD-C'],
        }),
        product('PRD-B'),
        product('PRD-C', { volumeM3: 2 }),
      ],
      [
        stock('PRD-A', 'DC-NORTH', 100, 20),
        stock('PRD-A', 'DC-SOUTH', 5, 9),
        po('PRD-PO-2', 'PRD-A', 'DC-SOUTH', 40, '2026-12-20'),
        po('PRD-PO-1', 'PRD-A', 'DC-NORTH', 30, '2026-12-05'),
        po('PRD-PO-3', 'PRD-A', 'DC-WEST', 10, '2026-12-05'),
        po('PRD-PO-4', 'PRD-A', 'DC-WEST', 50, '2026-12-01'),
      ],
    );
    await ctx.load([po('PRD-PO-4', 'PRD-A', 'DC-WEST', 0, '2026-12-01')]);

    const response = await ctx.ask(`{
      product(sku: "PRD-A") {
        sku volumeM3
        stock { dcCode onHand allocated available }
        inbound { id dcCode quantity eta }
        substituteProducts { sku volumeM3 substituteProducts { sku } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.product).toEqual({
      sku: 'PRD-A',
      volumeM3: 0.0125,
      stock: [
        { dcCode: 'DC-NORTH', onHand: 100, allocated: 20, available: 80 },
        { dcCode: 'DC-SOUTH', onHand: 5, allocated: 9, available: 0 },
      ],
      inbound: [
        { id: 'PRD-PO-1', dcCode: 'DC-NORTH', quantity: 30, eta: '2026-12-05' },
        { id: 'PRD-PO-3', dcCode: 'DC-WEST', quantity: 10, eta: '2026-12-05' },
        { id: 'PRD-PO-2', dcCode: 'DC-SOUTH', quantity: 40, eta: '2026-12-20' },
      ],
      // Listed order; the unknown PRD-GHOST, the product itself and the repeat are left out.
      substituteProducts: [
        { sku: 'PRD-C', volumeM3: 2, substituteProducts: [] },
        { sku: 'PRD-B', volumeM3: null, substituteProducts: [] },
      ],
    });
  });

  const ORDER = `query Order($orderNumber: ID!) {
    order(orderNumber: $orderNumber) {
      lines {
        lineNo sku quantity
        availability {
          sku requested totalAvailable fillableFromOneDc
          requestedDate skuKnown totalAvailableByRequestedDate fillableFromOneDcByRequestedDate
          byDc {
            dcCode onHand allocated available
            inboundByRequestedDate availableByRequestedDate canFillByRequestedDate earliestFillDate
          }
        }
      }
    }
  }`;
  type OrderResult = {
    order: { lines: { lineNo: number; availability: Record<string, unknown> | null }[] } | null;
  };

  const order = (orderNumber: string, lines: { sku: string; quantity: number }[]) =>
    erp('erp.order.created.v1', {
      orderNumber,
      erpVersion: 1,
      customerId: 'C-INV-1',
      shipToId: null,
      orderedOn: '2026-12-01',
      requestedDate: REQUESTED,
      currency: 'EUR',
      status: OrderStatus.RECEIVED,
      lines: lines.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: l.quantity, unitPrice: 10 })),
    });

  it('answers products(skus:) with only the named products, in SKU order, unknown ones left out', async () => {
    await load([product('SKUS-B'), product('SKUS-A'), product('SKUS-C')], []);
    const response = await ctx.ask(
      '{ products(skus: ["SKUS-C", "SKUS-GHOST", "SKUS-A"], first: 10) { sku } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.products).toEqual([{ sku: 'SKUS-A' }, { sku: 'SKUS-C' }]);
    const none = await ctx.ask('{ products(skus: [], first: 10) { sku } }');
    expect(none.data!.products).toEqual([]);
  });

  it("gives an order line's availability now and by its requested date", async () => {
    const edge = await loadEdgeSku('LINE1');
    await load([product('LINE3')], [stock('LINE3', 'DC-WEST', 50, 0)]);
    await ctx.load([
      order('SO-INV-1', [
        { sku: edge, quantity: 100 },
        { sku: 'LINE-GHOST', quantity: 5 },
        { sku: 'LINE3', quantity: 20 },
      ]),
    ]);

    const response = await ctx.ask<OrderResult>(ORDER, { orderNumber: 'SO-INV-1' });
    expect(response.errors).toBeUndefined();
    const [line1, line2, line3] = response.data!.order!.lines.map((l) => l.availability);

    // Line 1: 80 now at DC-NORTH, +30 arriving ON the requested date → 110 ≥ 100 by the date.
    // DC-SOUTH: 10 on hand, 25 allocated → 0; its 100 arrive the day after → earliest 2026-12-11.
    // DC-WEST holds no row and its only PO is closed: not listed.
    expect(line1).toEqual({
      sku: edge,
      requested: 100,
      totalAvailable: 80,
      fillableFromOneDc: false,
      requestedDate: REQUESTED,
      skuKnown: true,
      totalAvailableByRequestedDate: 110,
      fillableFromOneDcByRequestedDate: true,
      byDc: [
        {
          dcCode: 'DC-NORTH',
          onHand: 80,
          allocated: 0,
          available: 80,
          inboundByRequestedDate: 30,
          availableByRequestedDate: 110,
          canFillByRequestedDate: true,
          earliestFillDate: '2026-12-10',
        },
        {
          dcCode: 'DC-SOUTH',
          onHand: 10,
          allocated: 25,
          available: 0,
          inboundByRequestedDate: 0,
          availableByRequestedDate: 0,
          canFillByRequestedDate: false,
          earliestFillDate: '2026-12-11',
        },
      ],
    });

    // Line 2: a SKU the product master does not have — an answer, not an error.
    expect(line2).toEqual({
      sku: 'LINE-GHOST',
      requested: 5,
      totalAvailable: 0,
      fillableFromOneDc: false,
      requestedDate: REQUESTED,
      skuKnown: false,
      totalAvailableByRequestedDate: 0,
      fillableFromOneDcByRequestedDate: false,
      byDc: [],
    });

    // Line 3: stocked at DC-WEST only (50 ≥ 20 now).
    expect(line3).toEqual({
      sku: 'LINE3',
      requested: 20,
      totalAvailable: 50,
      fillableFromOneDc: true,
      requestedDate: REQUESTED,
      skuKnown: true,
      totalAvailableByRequestedDate: 50,
      fillableFromOneDcByRequestedDate: true,
      byDc: [
        {
          dcCode: 'DC-WEST',
          onHand: 50,
          allocated: 0,
          available: 50,
          inboundByRequestedDate: 0,
          availableByRequestedDate: 50,
          canFillByRequestedDate: true,
          earliestFillDate: null,
        },
      ],
    });
  });

  it('lists a DC with no stock row but an open purchase order for a line', async () => {
    // DC-SOUTH holds 10 of LINE4; DC-WEST holds none but expects 40 on the 8th: 40 ≥ 30 by the date.
    await load(
      [product('LINE4')],
      [stock('LINE4', 'DC-SOUTH', 10, 0), po('LINE4-PO-W', 'LINE4', 'DC-WEST', 40, '2026-12-08')],
    );
    await ctx.load([order('SO-INV-2', [{ sku: 'LINE4', quantity: 30 }])]);
    const response = await ctx.ask<OrderResult>(ORDER, { orderNumber: 'SO-INV-2' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.order!.lines[0].availability).toMatchObject({
      totalAvailable: 10,
      fillableFromOneDc: false,
      totalAvailableByRequestedDate: 50,
      fillableFromOneDcByRequestedDate: true,
      byDc: [
        { dcCode: 'DC-SOUTH', available: 10, availableByRequestedDate: 10, earliestFillDate: null },
        {
          dcCode: 'DC-WEST',
          onHand: 0,
          allocated: 0,
          available: 0,
          inboundByRequestedDate: 40,
          availableByRequestedDate: 40,
          canFillByRequestedDate: true,
          earliestFillDate: '2026-12-08',
        },
      ],
    });
  });

  it('costs inventory the same statements for 1 line as for 24', async () => {
    const skus = Array.from({ length: 24 }, (_, i) => `STMT-${i}`);
    await load(
      skus.map((sku, i) => product(sku, { substitutes: [skus[(i + 1) % skus.length]] })),
      skus.flatMap((sku, i) => [
        stock(sku, DCS[i % 3], 10 + i, 0),
        po(`${sku}-PO`, sku, DCS[(i + 1) % 3], 5, '2026-12-09'),
      ]),
    );
    await ctx.load([
      order('SO-INV-STMT-1', [{ sku: skus[0], quantity: 1 }]),
      order(
        'SO-INV-STMT-24',
        skus.map((sku) => ({ sku, quantity: 12 })),
      ),
    ]);
    const inventoryStatements = async (orderNumber: string, lines: number) => {
      const before = await ctx.graphqlStatements();
      const response = await ctx.ask<OrderResult>(ORDER, { orderNumber });
      expect(response.errors).toBeUndefined();
      expect(response.data!.order!.lines.filter((l) => l.availability !== null)).toHaveLength(lines);
      const after = await ctx.graphqlStatements();
      return after.inventory - before.inventory;
    };
    const one = await inventoryStatements('SO-INV-STMT-1', 1);
    const many = await inventoryStatements('SO-INV-STMT-24', 24);
    // Products, stock and inbound by SKU: one statement each for the whole request.
    expect(one).toBe(3);
    expect(many).toBe(3);

    const statementsOf = async (query: string) => {
      const before = await ctx.graphqlStatements();
      const response = await ctx.ask(query);
      expect(response.errors).toBeUndefined();
      return (await ctx.graphqlStatements()).inventory - before.inventory;
    };
    // Eight availableToPromise fields: products, stock, inbound and DCs once each.
    const atps = skus
      .slice(0, 8)
      .map(
        (sku, i) =>
          `a${i}: availableToPromise(sku: "${sku}", quantity: 3, date: "${REQUESTED}") { totalAvailableByDate byDc { earliestFillDate } }`,
      );
    expect(await statementsOf(`{ ${atps[0]} }`)).toBe(4);
    expect(await statementsOf(`{ ${atps.join(' ')} }`)).toBe(4);
    // A page of products with stock, inbound and substitutes: the page, then one per loader.
    // (Products after "STMT-" are the 24 of this test, each with one substitute.)
    const page = (first: number) =>
      `{ products(first: ${first}, after: "STMT-") { sku stock { available } inbound { id } substituteProducts { sku } } }`;
    expect(await statementsOf(page(1))).toBe(4);
    expect(await statementsOf(page(24))).toBe(4);
  });
});
