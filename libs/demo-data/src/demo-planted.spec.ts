import { buildDemoDistributor, DEMO_SIZES, DemoDistributor } from './demo-distributor';
import { toCents } from './domain/money.util';
import {
  available,
  contractInForce,
  creditExposureCents,
  inboundBy,
  orderValueCents,
} from './domain/order-context.util';

/**
 * The exceptions the demo plants, recomputed here from the data alone: every listed one holds,
 * and nothing of the kind exists that is not listed.
 */
const small = buildDemoDistributor(DEMO_SIZES.small);
const full = buildDemoDistributor(DEMO_SIZES.full);

function context(demo: DemoDistributor) {
  const regionDc = new Map(demo.distributionCenters.map((d) => [d.region, d.code]));
  const shipToRegion = new Map(
    demo.customers.flatMap((c) => c.shipTos.map((s) => [s.id, s.region] as const)),
  );
  const rules = new Map(demo.routingRules.map((r) => [r.customerId, r]));
  const dcOf = (order: DemoDistributor['orders'][number]) =>
    rules.get(order.customerId)?.preferredDc ?? regionDc.get(shipToRegion.get(order.shipToId!)!)!;
  const level = new Map(demo.stock.flatMap((s) => s.levels.map((l) => [`${l.sku}|${s.dcCode}`, l] as const)));
  const products = new Map(demo.products.map((p) => [p.sku, p]));
  return { dcOf, level, products };
}
const share = (part: number, whole: number) => part / whole;

describe.each([
  ['small', small],
  ['full', full],
] as const)('exceptions planted in the %s demo', (name, demo) => {
  const { dcOf, level, products } = context(demo);
  const { planted } = demo;

  it('STOCK_SHORTAGE: exactly the lines their preferred DC cannot fill now, classified', () => {
    const expected: string[] = [];
    for (const order of demo.orders) {
      for (const line of order.lines) {
        if (!products.has(line.sku)) continue;
        const dc = dcOf(order);
        const here = available(level.get(`${line.sku}|${dc}`));
        if (line.quantity <= here) continue;
        const elsewhere = demo.distributionCenters.some(
          (d) => d.code !== dc && available(level.get(`${line.sku}|${d.code}`)) >= line.quantity,
        );
        const inbound = inboundBy(
          demo.inboundPurchaseOrders.filter((po) => po.sku === line.sku),
          dc,
          order.requestedDate,
        );
        expected.push(
          `${order.orderNumber}:${line.lineNo}@${dc} ${elsewhere} ${here + inbound >= line.quantity}`,
        );
      }
    }
    expect(
      planted.shortLines.map(
        (s) => `${s.orderNumber}:${s.lineNo}@${s.dcCode} ${s.availableElsewhere} ${s.coveredByInbound}`,
      ),
    ).toEqual(expected);
    expect(expected[0]).toBe('SO-1001:1@DC-NORTH true false');
    const orders = new Set(planted.shortLines.map((s) => s.orderNumber)).size;
    expect(share(orders, demo.orders.length)).toBeGreaterThan(0.08);
    expect(share(orders, demo.orders.length)).toBeLessThan(0.22);
    if (name === 'full') {
      // All three stories: another DC can fill it; an inbound PO fills it in time; only procurement can.
      expect(planted.shortLines.some((s) => s.availableElsewhere)).toBe(true);
      expect(planted.shortLines.some((s) => s.coveredByInbound)).toBe(true);
      expect(planted.shortLines.some((s) => !s.availableElsewhere && !s.coveredByInbound)).toBe(true);
    }
  });

  it('PRICE_MISMATCH: listed lines are off their contract beyond tolerance; every other line is at contract or list', () => {
    const contractsOf = new Map<string, typeof demo.contracts>();
    for (const c of demo.contracts)
      contractsOf.set(c.customerId, [...(contractsOf.get(c.customerId) ?? []), c]);
    const listed = new Map(planted.offContractLines.map((l) => [`${l.orderNumber}:${l.lineNo}`, l]));
    const problems: string[] = [];
    for (const order of demo.orders) {
      for (const line of order.lines) {
        const product = products.get(line.sku);
        const contract = contractInForce(
          contractsOf.get(order.customerId) ?? [],
          line.sku,
          product?.family ?? null,
          order.orderedOn,
        );
        const key = `${order.orderNumber}:${line.lineNo}`;
        const off = listed.get(key);
        if (off) {
          const bp = Math.round(
            ((toCents(line.unitPrice) - toCents(contract!.price)) * 10_000) / toCents(contract!.price),
          );
          if (
            off.contractId !== contract?.id ||
            off.deviationBp !== bp ||
            Math.abs(bp) <= contract!.tolerancePct * 100
          )
            problems.push(`${key} listed but ${bp} bp against ${contract?.id}`);
        } else if (contract && line.unitPrice !== contract.price) {
          problems.push(`${key} off ${contract.id} but not listed`);
        } else if (!contract && product && line.unitPrice !== product.listPrice) {
          problems.push(`${key} off list`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(listed.get('SO-1001:2')).toMatchObject({ contractPrice: 50, unitPrice: 45.5, deviationBp: -900 });
    const orders = new Set(planted.offContractLines.map((l) => l.orderNumber)).size;
    expect(share(orders, demo.orders.length)).toBeGreaterThan(0.03);
    expect(share(orders, demo.orders.length)).toBeLessThan(0.12);
  });

  it('CREDIT_HOLD: over-limit and overdue customers as listed; near-limit ones and everyone else pass', () => {
    const ordersOf = new Map<string, number[]>();
    for (const o of demo.orders)
      ordersOf.set(o.customerId, [...(ordersOf.get(o.customerId) ?? []), orderValueCents(o)]);
    const { overLimit, overdue, nearLimit } = planted.credit;
    const problems: string[] = [];
    for (const c of demo.credit) {
      const exposure = creditExposureCents(toCents(c.openReceivables), ordersOf.get(c.customerId) ?? []);
      const limit = toCents(c.creditLimit);
      const isOverdue = c.overdueDays > 0;
      if (isOverdue !== overdue.includes(c.customerId))
        problems.push(`${c.customerId} overdue ${c.overdueDays}`);
      if (isOverdue && !(c.overdueAmount! > 0 && c.overdueAmount! <= c.openReceivables))
        problems.push(`${c.customerId} overdue amount ${c.overdueAmount}`);
      if (!isOverdue && c.overdueAmount !== 0) problems.push(`${c.customerId} overdue amount without days`);
      if (exposure > limit !== overLimit.includes(c.customerId))
        problems.push(`${c.customerId} exposure ${exposure}/${limit}`);
      if (nearLimit.includes(c.customerId) && !(exposure >= limit * 0.92 && exposure <= limit))
        problems.push(`${c.customerId} not near its limit`);
      const good = !overLimit.includes(c.customerId) && !nearLimit.includes(c.customerId);
      if (good && exposure > limit * 0.85) problems.push(`${c.customerId} good but at ${exposure}/${limit}`);
      if (c.creditLimit % 5_000 !== 0 || c.openReceivables < 0) problems.push(`${c.customerId} amounts`);
    }
    expect(problems).toEqual([]);
    for (const list of [overLimit, overdue, nearLimit]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list).not.toContain('C-0001');
    }
    expect(overLimit.every((id) => ordersOf.has(id))).toBe(true);
    expect(new Set([...overLimit, ...overdue, ...nearLimit]).size).toBe(
      overLimit.length + overdue.length + nearLimit.length,
    );
    const held = demo.orders.filter(
      (o) => overLimit.includes(o.customerId) || overdue.includes(o.customerId),
    );
    expect(share(held.length, demo.orders.length)).toBeLessThan(0.12);
  });

  it('SHIPMENT_CONSTRAINT: on each listed day every carrier at the DC is full, and no other day is', () => {
    const carriersAt = (dc: string) =>
      demo.carriers.filter((c) => c.depots.some((d) => d.dcCode === dc)).map((c) => c.carrier.code);
    const fullSlot = (carrier: string, dc: string, date: string) =>
      demo.capacity.some(
        (s) =>
          s.carrierCode === carrier && s.dcCode === dc && s.shipDate === date && s.bookedKg >= s.capacityKg,
      );
    const fullDays = new Set(
      demo.capacity
        .filter((s) => carriersAt(s.dcCode).every((c) => fullSlot(c, s.dcCode, s.shipDate)))
        .map((s) => `${s.dcCode}|${s.shipDate}`),
    );
    expect([...fullDays].sort()).toEqual(
      planted.fullCarrierDays.map((d) => `${d.dcCode}|${d.shipDate}`).sort(),
    );
    expect(planted.fullCarrierDays[0]).toMatchObject({ dcCode: 'DC-NORTH', shipDate: '2026-12-02' });
    expect(planted.fullCarrierDays.length).toBeGreaterThanOrEqual(2);
    for (const day of planted.fullCarrierDays) {
      const hit = demo.orders.filter((o) => o.requestedDate === day.shipDate && dcOf(o) === day.dcCode);
      expect(day.orderNumbers).toEqual(hit.map((o) => o.orderNumber));
      expect(day.orderNumbers.length).toBeGreaterThan(0);
    }
    const hit = planted.fullCarrierDays.reduce((sum, d) => sum + d.orderNumbers.length, 0);
    expect(share(hit, demo.orders.length)).toBeLessThan(0.06);
  });

  it('MASTER_DATA: unknown SKUs on a few order lines, a few products without a volume', () => {
    expect(planted.unknownSkuLines.every((l) => !products.has(l.sku))).toBe(true);
    expect(planted.unknownSkuLines.length).toBe(Math.max(1, Math.round((demo.orders.length - 1) / 150)));
    expect(planted.unmeasuredVolume).toEqual(
      demo.products.filter((p) => p.volumeM3 === null).map((p) => p.sku),
    );
    expect(share(planted.unmeasuredVolume.length, demo.products.length)).toBeLessThan(0.04);
    expect(planted.unmeasuredVolume).not.toContain('SKU-00001');
  });
});
