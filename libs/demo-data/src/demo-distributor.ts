import type {
  CarrierCapacity,
  CarrierChanged,
  Contract,
  CreditUpdated,
  CustomerChanged,
  DistributionCenter,
  InboundPurchaseOrder,
  Order,
  Partner,
  Product,
  RoutingRule,
  StockLevel,
} from '@ordex/contracts';
import { buildCapacity, FullDay } from './demo-capacity';
import { buildContracts, buildInboundPurchaseOrders, buildProducts, buildStock } from './demo-catalog';
import { buildCredit, buildCustomers, buildPartners, buildRoutingRules } from './demo-customers';
import { streamFor } from './demo-ids';
import { buildCarriers, DCS } from './demo-network';
import {
  buildOrders,
  OffContractLine,
  plantOffContractPrices,
  plantUnknownSkus,
  UnknownSkuLine,
} from './demo-orders';
import { findShortLines, orderDcResolver, pickFullDays, ShortLine } from './demo-planted';

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

/**
 * The exceptions the demo holds on purpose, by category (DOMAIN.md), so tests and demos can find
 * them. Not ERP data: no event carries it.
 */
export interface PlantedExceptions {
  /** STOCK_SHORTAGE: lines their order's preferred DC cannot fill from what is available now. */
  shortLines: ShortLine[];
  /** PRICE_MISMATCH: lines priced off their contract beyond its tolerance. */
  offContractLines: OffContractLine[];
  /** CREDIT_HOLD: customers whose exposure exceeds the limit, or who are overdue. */
  credit: { overLimit: string[]; overdue: string[]; nearLimit: string[] };
  /** SHIPMENT_CONSTRAINT: every carrier with a depot at the DC is full that day, and the orders hit. */
  fullCarrierDays: (FullDay & { orderNumbers: string[] })[];
  /** MASTER_DATA: order lines for SKUs the product master does not know. */
  unknownSkuLines: UnknownSkuLine[];
  /** MASTER_DATA: products whose volume the ERP has not measured (volumeM3 null). */
  unmeasuredVolume: string[];
}

/** The master and transactional data of a demo distributor, as the ERP would send it. */
export interface DemoDistributor {
  distributionCenters: DistributionCenter[];
  products: Product[];
  stock: { dcCode: string; levels: StockLevel[] }[];
  /** Open purchase order lines expected at the DCs (erp.purchase-order.eta-changed.v1). */
  inboundPurchaseOrders: InboundPurchaseOrder[];
  customers: CustomerChanged[];
  /** Trading partners and the customers they act for (every fourth customer each). */
  partners: Partner[];
  /** How each customer's orders may ship (erp.routing-rule.changed.v1); not every customer has one. */
  routingRules: RoutingRule[];
  /** Credit standing per customer (erp.credit.updated.v2, with the amount overdue). */
  credit: CreditUpdated[];
  contracts: Contract[];
  /** Carriers with their depots and lanes (erp.carrier.changed.v2). */
  carriers: CarrierChanged[];
  /** Carrier capacity on the depot-days that differ from the standard (erp.carrier.capacity-changed.v1). */
  capacity: CarrierCapacity[];
  orders: Order[];
  planted: PlantedExceptions;
}

/**
 * Builds the demo distributor deterministically from a seed (one random stream per concern).
 * Order SO-1001 is DOMAIN.md's reference scenario: key account C-0001 (preferred DC-NORTH, may
 * also ship from DC-SOUTH, splits allowed), line 1 short at DC-NORTH (20 available) but 500 at
 * DC-SOUTH, line 2 priced 9 % under a contract whose tolerance is 3 %, requested for Wednesday
 * 2 December when every carrier from DC-NORTH is full (the 3rd has room, DC-SOUTH has room on
 * the 2nd), and credit in good standing.
 */
export function buildDemoDistributor(size: DemoSize, seed = 42): DemoDistributor {
  const rnd = (concern: string) => streamFor(seed, concern);
  const products = buildProducts(rnd('products'), rnd('volumes'), size.products);
  const customers = buildCustomers(rnd('customers'), size.customers);
  const carriers = buildCarriers();
  const contracts = buildContracts(rnd('contracts'), customers, products);
  const stock = buildStock(rnd('stock'), products);
  const inboundPurchaseOrders = buildInboundPurchaseOrders(rnd('inbound'), stock);
  const routingRules = buildRoutingRules(rnd('routing'), customers, carriers);
  const orders = buildOrders(rnd('orders'), size.orders, customers, products, contracts);
  const unknownSkuLines = plantUnknownSkus(rnd('master-data'), orders, products.length);
  const offContractLines = plantOffContractPrices(rnd('prices'), orders, contracts, products);
  const { credit, standing } = buildCredit(rnd('credit'), customers, orders);
  const dcOf = orderDcResolver(customers, routingRules);
  const fullDays = pickFullDays(rnd('full-days'), orders, dcOf);
  const capacity = buildCapacity(rnd('capacity'), carriers, fullDays);
  const customersIn = (kind: string) =>
    [...standing]
      .filter(([, s]) => s === kind)
      .map(([id]) => id)
      .sort();
  return {
    distributionCenters: DCS,
    products,
    stock,
    inboundPurchaseOrders,
    customers,
    partners: buildPartners(customers),
    routingRules,
    credit,
    contracts,
    carriers,
    capacity,
    orders,
    planted: {
      shortLines: findShortLines(orders, stock, inboundPurchaseOrders, dcOf),
      offContractLines,
      credit: {
        overLimit: customersIn('over-limit'),
        overdue: customersIn('overdue'),
        nearLimit: customersIn('near-limit'),
      },
      fullCarrierDays: fullDays.map((day) => ({
        ...day,
        orderNumbers: orders
          .filter((o) => o.requestedDate === day.shipDate && dcOf(o) === day.dcCode)
          .map((o) => o.orderNumber),
      })),
      unknownSkuLines,
      unmeasuredVolume: products.filter((p) => p.volumeM3 === null).map((p) => p.sku),
    },
  };
}
