import {
  Carrier,
  Contract,
  CreditAccount,
  CustomerChanged,
  CustomerSegment,
  CustomerTier,
  DistributionCenter,
  Order,
  OrderStatus,
  Partner,
  Product,
  Region,
  StockLevel,
  UnitOfMeasure,
} from '@ordex/contracts';
import { round, SeededRandom } from './random.util';

export interface DemoSize {
  customers: number;
  products: number;
  orders: number;
}

export const DEMO_SIZES = {
  small: { customers: 40, products: 300, orders: 60 },
  full: { customers: 500, products: 5000, orders: 2000 },
} as const satisfies Record<string, DemoSize>;

export type DemoSizeName = keyof typeof DEMO_SIZES;

/** The master and transactional data of a demo distributor, as the ERP would send it. */
export interface DemoDistributor {
  distributionCenters: DistributionCenter[];
  products: Product[];
  stock: { dcCode: string; levels: StockLevel[] }[];
  customers: CustomerChanged[];
  /** Trading partners and the customers they act for (every fourth customer each). */
  partners: Partner[];
  credit: CreditAccount[];
  contracts: Contract[];
  carriers: Carrier[];
  orders: Order[];
}

const FAMILIES = [
  'FASTENERS',
  'ADHESIVES',
  'SAFETY',
  'ELECTRICAL',
  'PLUMBING',
  'HVAC',
  'HAND_TOOLS',
  'PACKAGING',
];
const DCS: DistributionCenter[] = [
  { code: 'DC-NORTH', name: 'North distribution centre', region: Region.NORTH },
  { code: 'DC-SOUTH', name: 'South distribution centre', region: Region.SOUTH },
  { code: 'DC-EAST', name: 'East distribution centre', region: Region.EAST },
];
const CARRIERS: Carrier[] = [
  { code: 'CAR-SWIFT', name: 'Swift Freight' },
  { code: 'CAR-NORDIC', name: 'Nordic Haulage' },
  { code: 'CAR-EXPRESS', name: 'Express Parcel' },
  { code: 'CAR-LTL', name: 'Regional LTL' },
];
const CONTRACT_YEAR = { validFrom: '2026-01-01', validTo: '2026-12-31' };
const TIERS_BY_SEGMENT: Record<CustomerSegment, [CustomerTier, number][]> = {
  KEY_ACCOUNT: [
    [CustomerTier.PLATINUM, 3],
    [CustomerTier.GOLD, 1],
  ],
  REGIONAL: [
    [CustomerTier.GOLD, 2],
    [CustomerTier.SILVER, 2],
  ],
  SMB: [
    [CustomerTier.SILVER, 1],
    [CustomerTier.BRONZE, 3],
  ],
};

const sku = (n: number) => `SKU-${String(n).padStart(5, '0')}`;
const customerId = (n: number) => `C-${String(n).padStart(4, '0')}`;

/**
 * Builds the demo distributor deterministically from a seed. Order SO-1001 is DOMAIN.md's
 * reference scenario: key account C-0001, line 1 short at the preferred DC (DC-NORTH) but in
 * stock at DC-SOUTH, line 2 priced 9% under a contract whose tolerance is 3%.
 */
export function buildDemoDistributor(size: DemoSize, seed = 42): DemoDistributor {
  const rnd = new SeededRandom(seed);
  const products = buildProducts(rnd, size.products);
  const customers = buildCustomers(rnd, size.customers);
  const contracts = buildContracts(rnd, customers, products);
  const stock = buildStock(rnd, products);
  const orders = buildOrders(rnd, size.orders, customers, products, contracts);
  return {
    distributionCenters: DCS,
    products,
    stock,
    customers,
    partners: buildPartners(customers),
    credit: customers.map(({ customer }) => ({
      customerId: customer.id,
      creditLimit:
        customer.segment === CustomerSegment.KEY_ACCOUNT
          ? 500_000
          : customer.segment === CustomerSegment.REGIONAL
            ? 150_000
            : 40_000,
      openReceivables: round(rnd.next() * 30_000),
      overdueDays: rnd.weighted([
        [0, 8],
        [rnd.int(1, 45), 2],
      ]),
    })),
    contracts,
    carriers: CARRIERS,
    orders,
  };
}

/** Deterministic and independent of the random stream, so adding them changed no other data. */
function buildPartners(customers: CustomerChanged[]): Partner[] {
  const every = (offset: number) =>
    customers.filter((_, index) => index % 4 === offset).map(({ customer }) => customer.id);
  return [
    { id: 'PRT-NORTHWIND', name: 'Northwind Procurement Cloud', customerIds: every(0) },
    { id: 'PRT-MERIDIAN', name: 'Meridian EDI Services', customerIds: every(1) },
  ];
}

function buildProducts(rnd: SeededRandom, count: number): Product[] {
  const products: Product[] = [];
  for (let n = 1; n <= count; n++) {
    const unitCost = round(2 + rnd.next() * 200);
    products.push({
      sku: sku(n),
      name: `${FAMILIES[(n - 1) % FAMILIES.length].toLowerCase().replace('_', ' ')} item ${n}`,
      family: FAMILIES[(n - 1) % FAMILIES.length],
      unitOfMeasure: rnd.weighted([
        [UnitOfMeasure.EA, 6],
        [UnitOfMeasure.CASE, 3],
        [UnitOfMeasure.PALLET, 1],
      ]),
      weightKg: round(0.1 + rnd.next() * 25, 3),
      unitCost,
      listPrice: round(unitCost * (1.3 + rnd.next() * 0.5)),
      substitutes: [],
    });
  }
  // Approved substitutes: neighbours in the same family.
  for (let i = 0; i + FAMILIES.length < products.length; i += 3) {
    products[i].substitutes = [products[i + FAMILIES.length].sku];
  }
  return products;
}

function buildCustomers(rnd: SeededRandom, count: number): CustomerChanged[] {
  const regions = [Region.NORTH, Region.SOUTH, Region.EAST, Region.WEST];
  const customers: CustomerChanged[] = [];
  for (let n = 1; n <= count; n++) {
    const segment =
      n === 1
        ? CustomerSegment.KEY_ACCOUNT
        : rnd.weighted([
            [CustomerSegment.KEY_ACCOUNT, 1],
            [CustomerSegment.REGIONAL, 3],
            [CustomerSegment.SMB, 6],
          ]);
    const tier = n === 1 ? CustomerTier.PLATINUM : rnd.weighted(TIERS_BY_SEGMENT[segment]);
    const id = customerId(n);
    const shipTos = Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
      id: `${id}-ST${i + 1}`,
      customerId: id,
      name: `Site ${i + 1}`,
      region: n === 1 && i === 0 ? Region.NORTH : rnd.pick(regions),
    }));
    customers.push({
      customer: {
        id,
        name: n === 1 ? 'Northwind Facilities Group' : `Customer ${n}`,
        segment,
        tier,
        paymentTermsDays: rnd.pick([30, 45, 60]),
      },
      shipTos,
    });
  }
  return customers;
}

function buildContracts(rnd: SeededRandom, customers: CustomerChanged[], products: Product[]): Contract[] {
  const contracts: Contract[] = [];
  for (const { customer } of customers) {
    if (customer.segment === CustomerSegment.SMB) continue;
    const picks =
      customer.id === customerId(1)
        ? [0, 1, ...Array.from({ length: 18 }, () => rnd.int(2, products.length - 1))]
        : Array.from({ length: 12 }, () => rnd.int(0, products.length - 1));
    for (const index of new Set(picks)) {
      const product = products[index];
      contracts.push({
        id: `CT-${customer.id}-${product.sku}`,
        customerId: customer.id,
        sku: product.sku,
        family: null,
        price: round(product.listPrice * (0.85 + rnd.next() * 0.1)),
        tolerancePct: 3,
        marginFloorPct: 10,
        ...CONTRACT_YEAR,
      });
    }
  }
  return contracts;
}

function buildStock(rnd: SeededRandom, products: Product[]): { dcCode: string; levels: StockLevel[] }[] {
  return DCS.map((dc) => ({
    dcCode: dc.code,
    levels: products.map((p) => {
      if (p.sku === sku(1))
        return { sku: p.sku, dcCode: dc.code, onHand: dc.code === 'DC-SOUTH' ? 500 : 20, allocated: 0 };
      const onHand = rnd.int(0, 400);
      return { sku: p.sku, dcCode: dc.code, onHand, allocated: rnd.int(0, Math.floor(onHand / 3)) };
    }),
  }));
}

function buildOrders(
  rnd: SeededRandom,
  count: number,
  customers: CustomerChanged[],
  products: Product[],
  contracts: Contract[],
): Order[] {
  const contractPrice = new Map(contracts.map((c) => [`${c.customerId}|${c.sku}`, c.price]));
  const priceFor = (customer: string, product: Product) =>
    contractPrice.get(`${customer}|${product.sku}`) ?? product.listPrice;
  const reference: Order = {
    orderNumber: 'SO-1001',
    erpVersion: 1,
    customerId: customerId(1),
    shipToId: `${customerId(1)}-ST1`,
    orderedOn: '2026-11-26',
    requestedDate: '2026-12-02',
    currency: 'EUR',
    status: OrderStatus.RECEIVED,
    lines: [
      { lineNo: 1, sku: products[0].sku, quantity: 120, unitPrice: priceFor(customerId(1), products[0]) },
      {
        lineNo: 2,
        sku: products[1].sku,
        quantity: 40,
        unitPrice: round(priceFor(customerId(1), products[1]) * 0.91),
      },
    ],
  };
  const orders = [reference];
  for (let n = 2; n <= count; n++) {
    const { customer, shipTos } = customers[rnd.int(0, customers.length - 1)];
    const day = rnd.int(2, 27);
    orders.push({
      orderNumber: `SO-${1000 + n}`,
      erpVersion: 1,
      customerId: customer.id,
      shipToId: rnd.pick(shipTos).id,
      orderedOn: `2026-11-${String(day).padStart(2, '0')}`,
      requestedDate: `2026-12-${String(Math.min(day + rnd.int(2, 10), 28)).padStart(2, '0')}`,
      currency: 'EUR',
      status: OrderStatus.RECEIVED,
      lines: Array.from({ length: rnd.int(1, 5) }, (_, i) => {
        const product = products[rnd.int(0, products.length - 1)];
        return {
          lineNo: i + 1,
          sku: product.sku,
          quantity: rnd.int(1, 60),
          unitPrice: priceFor(customer.id, product),
        };
      }),
    });
  }
  return orders;
}
