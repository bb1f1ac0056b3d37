import { CustomerSegment, ERP_EVENTS, ErpEventType, Region } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES, DemoDistributor } from './demo-distributor';
import { demoErpEvents } from './demo-events';
import { isWorkingDay, isoWeekday } from './domain/calendar.util';
import { toCents } from './domain/money.util';
import { available, creditExposureCents, orderValueCents } from './domain/order-context.util';

const small = buildDemoDistributor(DEMO_SIZES.small);
const full = buildDemoDistributor(DEMO_SIZES.full);

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const levelOf = (demo: DemoDistributor, sku: string, dcCode: string) =>
  demo.stock.find((s) => s.dcCode === dcCode)!.levels.find((l) => l.sku === sku)!;
/** What a carrier can still take from a DC on a date: its capacity event, else its standard day. */
const roomKg = (demo: DemoDistributor, carrierCode: string, dcCode: string, shipDate: string) => {
  const slot = demo.capacity.find(
    (c) => c.carrierCode === carrierCode && c.dcCode === dcCode && c.shipDate === shipDate,
  );
  if (slot) return slot.capacityKg - slot.bookedKg;
  const carrier = demo.carriers.find((c) => c.carrier.code === carrierCode)!;
  return carrier.depots.find((d) => d.dcCode === dcCode)!.dailyCapacityKg;
};
const carriersAt = (demo: DemoDistributor, dcCode: string) =>
  demo.carriers.filter((c) => c.depots.some((d) => d.dcCode === dcCode)).map((c) => c.carrier.code);

describe('demo distributor', () => {
  it('is deterministic by seed', () => {
    expect(buildDemoDistributor(DEMO_SIZES.small)).toEqual(small);
    expect(buildDemoDistributor(DEMO_SIZES.small, 7).orders).not.toEqual(small.orders);
    expect(buildDemoDistributor(DEMO_SIZES.small, 7).capacity).not.toEqual(small.capacity);
  });

  it('has the requested sizes across four DCs in four regions', () => {
    for (const [demo, size] of [
      [small, DEMO_SIZES.small],
      [full, DEMO_SIZES.full],
    ] as const) {
      expect(demo.products).toHaveLength(size.products);
      expect(demo.customers).toHaveLength(size.customers);
      expect(demo.orders).toHaveLength(size.orders);
      expect(new Set(demo.distributionCenters.map((d) => d.region))).toEqual(
        new Set([Region.NORTH, Region.SOUTH, Region.EAST, Region.WEST]),
      );
    }
    expect(full.customers.length).toBeGreaterThanOrEqual(500);
    expect(full.products.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(full.products.map((p) => p.family)).size).toBe(8);
    // npm start loads the small one in a few seconds.
    expect(demoErpEvents(small).length).toBeLessThan(1000);
  });

  describe('the reference scenario (DOMAIN.md)', () => {
    const order = small.orders.find((o) => o.orderNumber === 'SO-1001')!;
    const [line1, line2] = order.lines;
    const weightKg = order.lines.reduce(
      (sum, l) => sum + l.quantity * small.products.find((p) => p.sku === l.sku)!.weightKg,
      0,
    );

    it('is a key account order to a NORTH ship-to, served from DC-NORTH with DC-SOUTH allowed and splits', () => {
      const { customer, shipTos } = small.customers.find((c) => c.customer.id === 'C-0001')!;
      expect(customer).toMatchObject({ segment: 'KEY_ACCOUNT', tier: 'PLATINUM' });
      expect(order).toMatchObject({
        customerId: 'C-0001',
        shipToId: 'C-0001-ST1',
        requestedDate: '2026-12-02',
      });
      expect(shipTos[0]).toMatchObject({ id: 'C-0001-ST1', region: Region.NORTH });
      expect(small.routingRules.find((r) => r.customerId === 'C-0001')).toEqual({
        customerId: 'C-0001',
        shipComplete: false,
        allowedDcs: ['DC-NORTH', 'DC-SOUTH'],
        preferredDc: 'DC-NORTH',
        deliveryWindows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '16:00' })),
        allowedCarriers: [],
        excludedCarriers: [],
      });
    });

    it('line 1 is short at DC-NORTH (20 available) but 500 are available at DC-SOUTH', () => {
      expect(line1).toEqual({ lineNo: 1, sku: 'SKU-00001', quantity: 120, unitPrice: 4.6 });
      expect(available(levelOf(small, 'SKU-00001', 'DC-NORTH'))).toBe(20);
      expect(available(levelOf(small, 'SKU-00001', 'DC-SOUTH'))).toBe(500);
      // Stock due at DC-NORTH arrives only after the requested date: the promise date of a split.
      const inbound = small.inboundPurchaseOrders.filter((po) => po.sku === 'SKU-00001');
      expect(inbound).toEqual([
        { id: 'PO-100001', sku: 'SKU-00001', dcCode: 'DC-NORTH', quantity: 200, eta: '2026-12-09' },
      ]);
      const contract = small.contracts.find((c) => c.customerId === 'C-0001' && c.sku === 'SKU-00001')!;
      expect(contract.price).toBe(line1.unitPrice);
    });

    it('line 2 is priced exactly 9 % under a SKU contract with 3 % tolerance, its margin above the floor', () => {
      const contract = small.contracts.find((c) => c.customerId === 'C-0001' && c.sku === line2.sku)!;
      expect(contract).toMatchObject({
        price: 50,
        tolerancePct: 3,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      });
      expect(line2).toEqual({ lineNo: 2, sku: 'SKU-00002', quantity: 40, unitPrice: 45.5 });
      // (45.50 − 50.00) / 50.00 = −9.00 %, in cents: (4550 − 5000) × 10,000 / 5000 = −900 bp.
      expect(((toCents(line2.unitPrice) - toCents(contract.price)) * 10_000) / toCents(contract.price)).toBe(
        -900,
      );
      // Margin (45.50 − 30.00) / 45.50 = 34.07 % ≥ the 8 % floor: only the tolerance is broken.
      const product = small.products.find((p) => p.sku === line2.sku)!;
      expect(product.unitCost).toBe(30);
      expect(toCents(line2.unitPrice) - toCents(product.unitCost)).toBeGreaterThan(
        (toCents(line2.unitPrice) * contract.marginFloorPct) / 100,
      );
    });

    it('every carrier from DC-NORTH is full on Wednesday 2 December; the 3rd and DC-SOUTH have room', () => {
      expect(isoWeekday('2026-12-02')).toBe(3);
      const north = carriersAt(small, 'DC-NORTH');
      expect(north).toEqual(['CAR-SWIFT', 'CAR-NORDIC', 'CAR-LTL']);
      for (const carrierCode of north) {
        const slot = small.capacity.find(
          (c) => c.carrierCode === carrierCode && c.dcCode === 'DC-NORTH' && c.shipDate === '2026-12-02',
        )!;
        expect(slot.bookedKg).toBe(slot.capacityKg);
        expect(roomKg(small, carrierCode, 'DC-NORTH', '2026-12-03')).toBeGreaterThanOrEqual(weightKg);
      }
      // 120 × 2.5 kg + 40 × 1.2 kg = 348 kg.
      expect(weightKg).toBeCloseTo(348, 6);
      const south = carriersAt(small, 'DC-SOUTH').filter(
        (code) =>
          roomKg(small, code, 'DC-SOUTH', '2026-12-02') >= weightKg &&
          small.carriers
            .find((c) => c.carrier.code === code)!
            .lanes.some((l) => l.dcCode === 'DC-SOUTH' && l.region === Region.NORTH),
      );
      expect(south).toEqual(expect.arrayContaining(['CAR-SWIFT', 'CAR-EXPRESS']));
      // CAR-EXPRESS has no depot at DC-NORTH: another carrier, from another DC.
      expect(north).not.toContain('CAR-EXPRESS');
    });

    it('passes its credit check: exposure under the limit, nothing overdue', () => {
      const credit = small.credit.find((c) => c.customerId === 'C-0001')!;
      expect(credit).toEqual({
        customerId: 'C-0001',
        creditLimit: 500_000,
        openReceivables: 120_000,
        overdueAmount: 0,
        overdueDays: 0,
      });
      expect(orderValueCents(order)).toBe(237_200); // 120 × 4.60 + 40 × 45.50 = 2,372.00
      const open = small.orders.filter((o) => o.customerId === 'C-0001').map(orderValueCents);
      expect(creditExposureCents(toCents(credit.openReceivables), open)).toBeLessThanOrEqual(
        toCents(credit.creditLimit),
      );
    });

    it('is in the full demo too', () => {
      const inFull = full.orders.find((o) => o.orderNumber === 'SO-1001')!;
      expect(inFull).toEqual(order);
      expect(available(levelOf(full, 'SKU-00001', 'DC-NORTH'))).toBe(20);
      expect(available(levelOf(full, 'SKU-00001', 'DC-SOUTH'))).toBe(500);
      for (const code of carriersAt(full, 'DC-NORTH'))
        expect(roomKg(full, code, 'DC-NORTH', '2026-12-02')).toBe(0);
    });
  });

  describe.each([
    ['small', small],
    ['full', full],
  ] as const)('the %s demo’s ERP events', (_name, demo) => {
    const events = demoErpEvents(demo);

    it('are all valid, with unique and stable ids', () => {
      const invalid = events.filter(
        (event) => !ERP_EVENTS[event.type as ErpEventType].schema().safeParse(event.data).success,
      );
      expect(invalid.map((e) => `${e.type} ${e.subject}`)).toEqual([]);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(demoErpEvents(demo).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('put master data before what uses it, each type in one run', () => {
      const runs = events.map((e) => e.type).filter((type, i, all) => i === 0 || all[i - 1] !== type);
      expect(runs).toEqual([
        'erp.dc.changed.v1',
        'erp.product.changed.v1',
        'erp.carrier.changed.v2',
        'erp.customer.changed.v1',
        'erp.partner.changed.v1',
        'erp.routing-rule.changed.v1',
        'erp.credit.updated.v2',
        'erp.contract.changed.v1',
        'erp.stock.snapshot.v1',
        'erp.purchase-order.eta-changed.v1',
        'erp.carrier.capacity-changed.v1',
        'erp.order.created.v1',
      ]);
    });
  });

  describe.each([
    ['small', small],
    ['full', full],
  ] as const)('referential integrity of the %s demo', (_name, demo) => {
    const dcs = new Set(demo.distributionCenters.map((d) => d.code));
    const skus = new Map(demo.products.map((p) => [p.sku, p]));
    const customers = new Map(demo.customers.map((c) => [c.customer.id, c]));
    const carriers = new Set(demo.carriers.map((c) => c.carrier.code));
    const regionDc = new Map(demo.distributionCenters.map((d) => [d.region, d.code]));

    it('products: substitutes are other SKUs of the same family; volumes positive or not measured', () => {
      const problems = demo.products.flatMap((p) => [
        ...p.substitutes
          .filter((s) => s === p.sku || skus.get(s)?.family !== p.family)
          .map((s) => `${p.sku} → ${s}`),
        ...(p.volumeM3 === null || p.volumeM3! > 0 ? [] : [`${p.sku} volume ${p.volumeM3}`]),
        ...(p.unitCost < p.listPrice ? [] : [`${p.sku} cost ${p.unitCost} ≥ list ${p.listPrice}`]),
      ]);
      expect(problems).toEqual([]);
      expect(demo.products.filter((p) => p.substitutes.length).length).toBeGreaterThan(
        demo.products.length / 4,
      );
    });

    it('stock and inbound purchase orders: known SKUs and DCs, every SKU once per DC, ETAs within three weeks', () => {
      expect(demo.stock.map((s) => s.dcCode).sort()).toEqual([...dcs].sort());
      for (const { dcCode, levels } of demo.stock) {
        expect(levels.map((l) => l.sku)).toEqual(demo.products.map((p) => p.sku));
        expect(levels.filter((l) => l.dcCode !== dcCode || l.allocated > l.onHand || l.onHand < 0)).toEqual(
          [],
        );
      }
      expect(new Set(demo.inboundPurchaseOrders.map((po) => po.id)).size).toBe(
        demo.inboundPurchaseOrders.length,
      );
      const badInbound = demo.inboundPurchaseOrders.filter(
        (po) =>
          !skus.has(po.sku) ||
          !dcs.has(po.dcCode) ||
          po.quantity <= 0 ||
          !isWorkingDay(po.eta) ||
          po.eta <= '2026-11-27' ||
          po.eta > '2026-12-18',
      );
      expect(badInbound).toEqual([]);
      expect(new Set(demo.inboundPurchaseOrders.map((po) => po.sku)).size).toBeGreaterThan(
        demo.products.length / 20,
      );
    });

    it('carriers: 2–3 depots each, cut-offs 14:00–17:00 in the DC’s IANA zone, lanes only from depots', () => {
      expect(demo.carriers).toHaveLength(4);
      const zoneOf = new Map<string, string>();
      for (const { carrier, depots, lanes } of demo.carriers) {
        expect(depots.length).toBeGreaterThanOrEqual(2);
        expect(depots.length).toBeLessThanOrEqual(3);
        for (const depot of depots) {
          expect(dcs.has(depot.dcCode)).toBe(true);
          expect(depot.dailyCapacityKg).toBeGreaterThan(0);
          expect(depot.cutoffLocalTime).toMatch(HH_MM);
          expect(depot.cutoffLocalTime >= '14:00' && depot.cutoffLocalTime <= '17:00').toBe(true);
          expect(() => new Intl.DateTimeFormat('en', { timeZone: depot.timeZone })).not.toThrow();
          expect(zoneOf.get(depot.dcCode) ?? depot.timeZone).toBe(depot.timeZone);
          zoneOf.set(depot.dcCode, depot.timeZone);
          // Every depot delivers at least into its own region.
          const region = demo.distributionCenters.find((d) => d.code === depot.dcCode)!.region;
          expect(lanes.some((l) => l.dcCode === depot.dcCode && l.region === region)).toBe(true);
        }
        for (const lane of lanes) {
          expect(depots.some((d) => d.dcCode === lane.dcCode)).toBe(true);
          expect(lane.transitDays).toBeGreaterThanOrEqual(1);
          expect(lane.transitDays).toBeLessThanOrEqual(4);
          expect(lane.costPerKg).toBeGreaterThan(0);
          expect(lane.minimumCharge).toBeGreaterThan(0);
        }
        expect(new Set(lanes.map((l) => `${l.dcCode}|${l.region}`)).size).toBe(lanes.length);
        expect(carrier.name).not.toBe('');
      }
      for (const dc of dcs) expect(carriersAt(demo, dc).length).toBeGreaterThanOrEqual(2);
      expect(new Set(zoneOf.values()).size).toBe(4);
    });

    it('capacity: known carriers at their depots, at most fully booked, on working days, one event per day', () => {
      const seen = new Set<string>();
      for (const slot of demo.capacity) {
        expect(carriersAt(demo, slot.dcCode)).toContain(slot.carrierCode);
        expect(slot.bookedKg).toBeLessThanOrEqual(slot.capacityKg);
        expect(isWorkingDay(slot.shipDate)).toBe(true);
        const key = `${slot.carrierCode}|${slot.dcCode}|${slot.shipDate}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    });

    it('customers, partners, routing rules and credit: every reference resolves', () => {
      for (const { customer, shipTos } of demo.customers) {
        expect(shipTos.length).toBeGreaterThan(0);
        expect(shipTos.every((s) => s.customerId === customer.id)).toBe(true);
      }
      for (const partner of demo.partners)
        expect(partner.customerIds.every((id) => customers.has(id))).toBe(true);
      // Partner assignment unchanged: every fourth customer each.
      expect(demo.partners.map((p) => p.customerIds[0])).toEqual(['C-0001', 'C-0002']);
      expect(demo.partners[0].customerIds).toHaveLength(Math.ceil(demo.customers.length / 4));

      const ruled = new Set(demo.routingRules.map((r) => r.customerId));
      expect(ruled.size).toBe(demo.routingRules.length);
      for (const { customer } of demo.customers)
        if (customer.segment === CustomerSegment.KEY_ACCOUNT) expect(ruled.has(customer.id)).toBe(true);
      const others = demo.customers.filter((c) => c.customer.segment !== CustomerSegment.KEY_ACCOUNT);
      const othersRuled = others.filter((c) => ruled.has(c.customer.id)).length / others.length;
      expect(othersRuled).toBeGreaterThan(0.2);
      expect(othersRuled).toBeLessThan(0.5);
      for (const rule of demo.routingRules) {
        const { shipTos } = customers.get(rule.customerId)!;
        expect(rule.preferredDc).toBe(regionDc.get(shipTos[0].region));
        expect(rule.allowedDcs.every((dc) => dcs.has(dc))).toBe(true);
        if (rule.allowedDcs.length) expect(rule.allowedDcs).toContain(rule.preferredDc);
        expect([...rule.allowedCarriers, ...rule.excludedCarriers].every((c) => carriers.has(c))).toBe(true);
        // A refused carrier never leaves the preferred DC without one.
        const left = carriersAt(demo, rule.preferredDc!).filter((c) => !rule.excludedCarriers.includes(c));
        expect(left.length).toBeGreaterThan(0);
        for (const w of rule.deliveryWindows) {
          expect(w.weekday).toBeGreaterThanOrEqual(1);
          expect(w.weekday).toBeLessThanOrEqual(7);
          expect(w.opensAt).toMatch(HH_MM);
          expect(w.closesAt).toMatch(HH_MM);
          expect(w.opensAt < w.closesAt).toBe(true);
        }
      }
      expect(demo.credit.map((c) => c.customerId)).toEqual(demo.customers.map((c) => c.customer.id));
    });

    it('contracts: known customers and SKUs or families, under list, margins at least the floor', () => {
      const families = new Set(demo.products.map((p) => p.family));
      const byFamily = new Map<string, typeof demo.products>();
      for (const p of demo.products) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
      expect(new Set(demo.contracts.map((c) => c.id)).size).toBe(demo.contracts.length);
      const problems: string[] = [];
      for (const c of demo.contracts) {
        const segment = customers.get(c.customerId)?.customer.segment;
        if (!segment || segment === CustomerSegment.SMB) problems.push(`${c.id}: customer ${segment}`);
        if (c.validFrom > c.validTo) problems.push(`${c.id}: window`);
        if ((c.sku === null) === (c.family === null)) problems.push(`${c.id}: SKU xor family`);
        if (c.family && !families.has(c.family)) problems.push(`${c.id}: family`);
        if (c.sku && !skus.has(c.sku)) problems.push(`${c.id}: SKU`);
        const priced = c.sku ? [skus.get(c.sku)!].filter(Boolean) : (byFamily.get(c.family!) ?? []);
        for (const p of priced) {
          if (c.price > p.listPrice) problems.push(`${c.id}: above list of ${p.sku}`);
          // margin ≥ floor, in cents: (price − cost) × 100 ≥ floor × price
          if ((toCents(c.price) - toCents(p.unitCost)) * 100 < c.marginFloorPct * toCents(c.price))
            problems.push(`${c.id}: margin of ${p.sku} under the floor`);
        }
      }
      expect(problems).toEqual([]);
      const kinds = {
        family: demo.contracts.filter(
          (c) => c.family && customers.get(c.customerId)!.customer.segment === 'REGIONAL',
        ),
        expired: demo.contracts.filter((c) => c.validTo < '2026-11-01'),
        later: demo.contracts.filter((c) => c.validFrom > '2026-12-31'),
      };
      for (const list of Object.values(kinds)) expect(list.length).toBeGreaterThan(0);
    });

    it('orders: known customers, their ship-tos, working-day requested dates, known SKUs but the planted ones', () => {
      const unknown = new Set(demo.planted.unknownSkuLines.map((l) => `${l.orderNumber}:${l.lineNo}`));
      const found: string[] = [];
      const problems: string[] = [];
      for (const order of demo.orders) {
        const customer = customers.get(order.customerId);
        if (!customer?.shipTos.some((s) => s.id === order.shipToId))
          problems.push(`${order.orderNumber}: ship-to`);
        if (!isWorkingDay(order.requestedDate)) problems.push(`${order.orderNumber}: weekend`);
        if (order.orderedOn >= order.requestedDate) problems.push(`${order.orderNumber}: dates`);
        if (order.lines.some((l, i) => l.lineNo !== i + 1))
          problems.push(`${order.orderNumber}: line numbers`);
        if (new Set(order.lines.map((l) => l.sku)).size !== order.lines.length)
          problems.push(`${order.orderNumber}: SKU twice`);
        for (const line of order.lines)
          if (!skus.has(line.sku)) found.push(`${order.orderNumber}:${line.lineNo}`);
      }
      expect(problems).toEqual([]);
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(unknown);
    });
  });
});
