import {
  Contract,
  CustomerChanged,
  CustomerSegment,
  InboundPurchaseOrder,
  Product,
  StockLevel,
  UnitOfMeasure,
} from '@ordex/contracts';
import { addDays, onOrNextWorkingDay } from './domain/calendar.util';
import { fromCents, minimumPriceForMargin, toCents, withBasisPoints } from './domain/money.util';
import { customerId, DEMO_TODAY, sku } from './demo-ids';
import { DCS } from './demo-network';
import { round, SeededRandom } from './random.util';

interface FamilySpec {
  name: string;
  /** Unit cost range in cents. */
  costCents: [number, number];
  /** List price over cost, in basis points (13,000 = cost × 1.3). */
  markupBp: [number, number];
  /** Kilograms per cubic metre of a packed unit, for the volume. */
  densityKgM3: number;
  /** Commodity families: prices so close that one family contract price fits every SKU. */
  commodity: boolean;
}

export const FAMILIES: FamilySpec[] = [
  {
    name: 'FASTENERS',
    costCents: [320, 350],
    markupBp: [14_500, 15_500],
    densityKgM3: 1_400,
    commodity: true,
  },
  {
    name: 'ADHESIVES',
    costCents: [600, 4_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 900,
    commodity: false,
  },
  {
    name: 'SAFETY',
    costCents: [500, 12_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 250,
    commodity: false,
  },
  {
    name: 'ELECTRICAL',
    costCents: [400, 20_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 600,
    commodity: false,
  },
  {
    name: 'PLUMBING',
    costCents: [300, 15_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 700,
    commodity: false,
  },
  {
    name: 'HVAC',
    costCents: [4_000, 40_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 350,
    commodity: false,
  },
  {
    name: 'HAND_TOOLS',
    costCents: [800, 9_000],
    markupBp: [13_000, 18_000],
    densityKgM3: 1_100,
    commodity: false,
  },
  { name: 'PACKAGING', costCents: [400, 440], markupBp: [14_500, 15_500], densityKgM3: 120, commodity: true },
];
const COMMODITY_FAMILIES = FAMILIES.filter((f) => f.commodity).map((f) => f.name);

/** The reference order's two SKUs, fixed so DOMAIN.md's scenario can be checked to the cent. */
export const REFERENCE_PRODUCTS: Partial<
  Record<string, Pick<Product, 'unitCost' | 'listPrice' | 'weightKg' | 'volumeM3'>>
> = {
  [sku(1)]: { unitCost: 3.3, listPrice: 4.95, weightKg: 2.5, volumeM3: 0.0018 },
  [sku(2)]: { unitCost: 30, listPrice: 58, weightKg: 1.2, volumeM3: 0.0014 },
};
/** C-0001's contracts for them: line 2 of SO-1001 is priced 9 % under the second. */
export const REFERENCE_CONTRACT_PRICES: Record<string, number> = { [sku(1)]: 4.6, [sku(2)]: 50 };
/** Stock of SKU-00001 (onHand; nothing allocated): short at DC-NORTH, plenty at DC-SOUTH. */
const REFERENCE_STOCK: Partial<Record<string, Record<string, [number, number]>>> = {
  [sku(1)]: { 'DC-NORTH': [20, 0], 'DC-SOUTH': [500, 0], 'DC-EAST': [20, 0], 'DC-WEST': [0, 0] },
  [sku(2)]: { 'DC-NORTH': [260, 20], 'DC-SOUTH': [180, 0], 'DC-EAST': [140, 10], 'DC-WEST': [90, 0] },
};
/** SKU-00001 is expected at DC-NORTH after SO-1001's requested date: the promise for a split. */
const REFERENCE_INBOUND: InboundPurchaseOrder = {
  id: 'PO-100001',
  sku: sku(1),
  dcCode: 'DC-NORTH',
  quantity: 200,
  eta: '2026-12-09',
};

/** Share of products whose volume the ERP has not measured (volumeM3 null: a master-data gap). */
const UNMEASURED_SHARE = 0.02;

export function buildProducts(rnd: SeededRandom, volumes: SeededRandom, count: number): Product[] {
  const products: Product[] = [];
  for (let n = 1; n <= count; n++) {
    const family = FAMILIES[(n - 1) % FAMILIES.length];
    const costCents = rnd.int(...family.costCents);
    const unitOfMeasure = rnd.weighted([
      [UnitOfMeasure.EA, 6],
      [UnitOfMeasure.CASE, 3],
      [UnitOfMeasure.PALLET, 1],
    ]);
    const weightKg = round(0.1 + rnd.next() * 25, 3);
    const listCents = withBasisPoints(costCents, rnd.int(...family.markupBp) - 10_000);
    const density = family.densityKgM3 * (0.8 + volumes.next() * 0.45);
    const volumeM3 =
      volumes.next() < UNMEASURED_SHARE ? null : Math.max(0.00001, round(weightKg / density, 5));
    const product: Product = {
      sku: sku(n),
      name: `${family.name.toLowerCase().replace('_', ' ')} item ${n}`,
      family: family.name,
      unitOfMeasure,
      weightKg,
      volumeM3,
      unitCost: fromCents(costCents),
      listPrice: fromCents(listCents),
      substitutes: [],
    };
    products.push({ ...product, ...REFERENCE_PRODUCTS[product.sku] });
  }
  // Approved substitutes: neighbours in the same family (every third SKU has one, every sixth two).
  const step = FAMILIES.length;
  for (let i = 0; i + step < products.length; i += 3) {
    products[i].substitutes = [products[i + step].sku];
    if (i % 6 === 0 && i + 2 * step < products.length)
      products[i].substitutes.push(products[i + 2 * step].sku);
  }
  return products;
}

/** The validity windows of the demo's contracts, seen from late November 2026. */
const WINDOWS = {
  current: { validFrom: '2026-01-01', validTo: '2026-12-31' },
  expired: { validFrom: '2025-07-01', validTo: '2026-06-30' },
  nextYear: { validFrom: '2027-01-01', validTo: '2027-12-31' },
} as const;

const TERMS: Record<'KEY_ACCOUNT' | 'REGIONAL', { tolerancePct: number; marginFloorPct: number }> = {
  KEY_ACCOUNT: { tolerancePct: 3, marginFloorPct: 8 },
  REGIONAL: { tolerancePct: 2, marginFloorPct: 12 },
};

/**
 * SKU contracts for key accounts (15–20 SKUs) and regional customers (8–12), a family contract on
 * a commodity family for about half the regional customers, none for SMB. Most run through 2026;
 * about 8 % expired at the end of June, about 6 % start only in 2027 and about 6 % of the current
 * ones already have their 2027 renewal. Prices are 5–15 % under list, never with a margin under
 * the floor + 2 points, and never above list.
 */
export function buildContracts(
  rnd: SeededRandom,
  customers: CustomerChanged[],
  products: Product[],
): Contract[] {
  const contracts: Contract[] = [];
  for (const { customer } of customers) {
    if (customer.segment === CustomerSegment.SMB) continue;
    const terms = TERMS[customer.segment];
    const isReference = customer.id === customerId(1);
    const count = customer.segment === CustomerSegment.KEY_ACCOUNT ? rnd.int(15, 20) : rnd.int(8, 12);
    const picks = isReference
      ? [0, 1, ...Array.from({ length: count - 2 }, () => rnd.int(2, products.length - 1))]
      : Array.from({ length: count }, () => rnd.int(0, products.length - 1));
    for (const index of new Set(picks)) {
      const product = products[index];
      const fixed = isReference ? REFERENCE_CONTRACT_PRICES[product.sku] : undefined;
      const kind = fixed
        ? 'current'
        : rnd.weighted([
            ['current', 80],
            ['renewed', 6],
            ['expired', 8],
            ['nextYear', 6],
          ] as const);
      const priceFor = () =>
        fixed ??
        fromCents(
          Math.max(
            withBasisPoints(toCents(product.listPrice), -rnd.int(500, 1_500)),
            minimumPriceForMargin(toCents(product.unitCost), terms.marginFloorPct + 2),
          ),
        );
      const base = { customerId: customer.id, sku: product.sku, family: null, ...terms };
      const id = `CT-${customer.id}-${product.sku}`;
      const window = kind === 'renewed' ? 'current' : kind;
      contracts.push({ id, ...base, price: priceFor(), ...WINDOWS[window] });
      if (kind === 'renewed')
        contracts.push({ id: `${id}-2027`, ...base, price: priceFor(), ...WINDOWS.nextYear });
    }
    if (customer.segment === CustomerSegment.REGIONAL && rnd.next() < 0.5) {
      const family = rnd.pick(COMMODITY_FAMILIES);
      contracts.push({
        id: `CT-${customer.id}-FAM-${family}`,
        customerId: customer.id,
        sku: null,
        family,
        price: familyContractPrice(products, family, terms.marginFloorPct, rnd.int(300, 600)),
        ...terms,
        ...WINDOWS.current,
      });
    }
  }
  return contracts;
}

/**
 * One price for every SKU of a commodity family: the family's lowest list price less a discount,
 * but never a margin under the floor + 2 points on its costliest SKU.
 */
function familyContractPrice(
  products: Product[],
  family: string,
  floorPct: number,
  discountBp: number,
): number {
  let minListCents = Infinity;
  let maxCostCents = 0;
  for (const p of products) {
    if (p.family !== family) continue;
    minListCents = Math.min(minListCents, toCents(p.listPrice));
    maxCostCents = Math.max(maxCostCents, toCents(p.unitCost));
  }
  return fromCents(
    Math.max(withBasisPoints(minListCents, -discountBp), minimumPriceForMargin(maxCostCents, floorPct + 2)),
  );
}

/** Share of SKUs out of stock everywhere (a supplier problem: only procurement can help). */
const STOCK_OUT_SHARE = 0.015;

/**
 * Stock per SKU × DC. 1.5 % of the SKUs are out everywhere (0–15 on hand at every DC). For the
 * others each DC is, independently: well stocked (95 %: 90–600 on hand, at most a third
 * allocated, so at least 60 available, more than any ordinary line asks), low (4 %: 0–40 on
 * hand) or not stocked there (1 %: 0). Every SKU has a level at every DC, zero or not.
 */
export function buildStock(
  rnd: SeededRandom,
  products: Product[],
): { dcCode: string; levels: StockLevel[] }[] {
  const stockOut = new Set(
    products.filter((p) => !REFERENCE_STOCK[p.sku] && rnd.next() < STOCK_OUT_SHARE).map((p) => p.sku),
  );
  return DCS.map((dc) => ({
    dcCode: dc.code,
    levels: products.map((p) => {
      const fixed = REFERENCE_STOCK[p.sku]?.[dc.code];
      if (fixed) return { sku: p.sku, dcCode: dc.code, onHand: fixed[0], allocated: fixed[1] };
      const onHand = stockOut.has(p.sku)
        ? rnd.int(0, 15)
        : rnd.weighted([
            [() => rnd.int(90, 600), 95],
            [() => rnd.int(0, 40), 4],
            [() => 0, 1],
          ])();
      return { sku: p.sku, dcCode: dc.code, onHand, allocated: rnd.int(0, Math.floor(onHand / 3)) };
    }),
  }));
}

/**
 * Open purchase order lines with ETAs over the next three weeks (working days): replenishment for
 * 60 % of the low or unstocked SKU × DC pairs and for 2 % of the well-stocked ones, plus
 * SKU-00001's at DC-NORTH after the reference order's date.
 */
export function buildInboundPurchaseOrders(
  rnd: SeededRandom,
  stock: { dcCode: string; levels: StockLevel[] }[],
): InboundPurchaseOrder[] {
  const orders: InboundPurchaseOrder[] = [REFERENCE_INBOUND];
  let next = 100_002;
  for (const { dcCode, levels } of stock) {
    for (const level of levels) {
      if (REFERENCE_STOCK[level.sku]) continue;
      const low = level.onHand - level.allocated < 60;
      if (rnd.next() >= (low ? 0.6 : 0.02)) continue;
      orders.push({
        id: `PO-${next++}`,
        sku: level.sku,
        dcCode,
        quantity: rnd.int(10, 60) * 10,
        eta: onOrNextWorkingDay(addDays(DEMO_TODAY, rnd.int(1, 19))),
      });
    }
  }
  return orders;
}
