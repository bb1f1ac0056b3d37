import type {
  Carrier,
  CarrierCapacity,
  CarrierChanged,
  CarrierDepot,
  Contract,
  CreditAccount,
  CreditUpdated,
  CustomerChanged,
  InboundPurchaseOrder,
  Product,
  Region,
  RoutingRule,
} from '@ordex/contracts';
import type { DemoDistributor } from '@ordex/demo-data';

/**
 * What the demo distributor is being extended with (routing rules, inbound purchase orders,
 * capacity; carriers with depots, credit with the overdue amount). Read through this view so the
 * simulator works on the demo data before and after that change, using only those names.
 */
interface DemoExtensions {
  routingRules?: readonly RoutingRule[];
  inboundPurchaseOrders?: readonly InboundPurchaseOrder[];
  capacity?: readonly CarrierCapacity[];
  carriers: readonly (Carrier | CarrierChanged)[];
  credit: readonly (CreditAccount | CreditUpdated)[];
}

export interface SimCustomer {
  readonly id: string;
  readonly record: CustomerChanged;
  /** SKU contracts of the customer (family contracts count as coverage only). */
  readonly contracts: ReadonlyMap<string, Contract>;
  readonly contractFamilies: ReadonlySet<string>;
}

/** The demo distributor indexed for the generator: every lookup it makes per order is a map hit. */
export interface SimMasterData {
  readonly dcCodes: readonly string[];
  readonly dcByRegion: ReadonlyMap<Region, string>;
  readonly products: readonly Product[];
  readonly productBySku: ReadonlyMap<string, Product>;
  readonly customers: readonly SimCustomer[];
  readonly credit: ReadonlyMap<string, CreditUpdated>;
  readonly routingRules: ReadonlyMap<string, RoutingRule>;
  /** onHand − allocated per `sku|dc`. */
  readonly available: ReadonlyMap<string, number>;
  readonly inbound: ReadonlyMap<string, readonly InboundPurchaseOrder[]>;
  readonly carrierCodes: readonly string[];
  /** The carriers that collect from each DC; empty when the ERP sent carriers without depots. */
  readonly depotsByDc: ReadonlyMap<string, readonly { carrierCode: string; depot: CarrierDepot }[]>;
  /** Capacity events of the demo data, per `carrier|dc|date`. */
  readonly capacity: ReadonlyMap<string, CarrierCapacity>;
}

export const stockKey = (sku: string, dc: string) => `${sku}|${dc}`;
export const slotKey = (carrier: string, dc: string, date: string) => `${carrier}|${dc}|${date}`;

export function simMasterData(demo: DemoDistributor): SimMasterData {
  const extended = demo as unknown as DemoExtensions;
  const carriers: CarrierChanged[] = extended.carriers.map((c) =>
    'carrier' in c ? c : { carrier: c, depots: [], lanes: [] },
  );
  const depotsByDc = new Map<string, { carrierCode: string; depot: CarrierDepot }[]>();
  for (const { carrier, depots } of carriers) {
    for (const depot of depots) {
      depotsByDc.set(depot.dcCode, [
        ...(depotsByDc.get(depot.dcCode) ?? []),
        { carrierCode: carrier.code, depot },
      ]);
    }
  }
  const contractsByCustomer = new Map<string, Contract[]>();
  for (const contract of demo.contracts) {
    contractsByCustomer.set(contract.customerId, [
      ...(contractsByCustomer.get(contract.customerId) ?? []),
      contract,
    ]);
  }
  const available = new Map<string, number>();
  for (const { dcCode, levels } of demo.stock) {
    for (const level of levels) available.set(stockKey(level.sku, dcCode), level.onHand - level.allocated);
  }
  const inbound = new Map<string, InboundPurchaseOrder[]>();
  for (const po of extended.inboundPurchaseOrders ?? []) {
    const key = stockKey(po.sku, po.dcCode);
    inbound.set(key, [...(inbound.get(key) ?? []), po]);
  }
  return {
    dcCodes: demo.distributionCenters.map((dc) => dc.code),
    dcByRegion: new Map(demo.distributionCenters.map((dc) => [dc.region, dc.code])),
    products: demo.products,
    productBySku: new Map(demo.products.map((p) => [p.sku, p])),
    customers: demo.customers.map((record) => {
      const contracts = contractsByCustomer.get(record.customer.id) ?? [];
      return {
        id: record.customer.id,
        record,
        contracts: new Map(contracts.filter((c) => c.sku).map((c) => [c.sku as string, c])),
        contractFamilies: new Set(contracts.filter((c) => !c.sku && c.family).map((c) => c.family as string)),
      };
    }),
    credit: new Map(
      extended.credit.map((c) => [c.customerId, { overdueAmount: null, ...c } as CreditUpdated]),
    ),
    routingRules: new Map((extended.routingRules ?? []).map((r) => [r.customerId, r])),
    available,
    inbound,
    carrierCodes: carriers.map((c) => c.carrier.code),
    depotsByDc,
    capacity: new Map(
      (extended.capacity ?? []).map((c) => [slotKey(c.carrierCode, c.dcCode, c.shipDate), c]),
    ),
  };
}

/** True when the customer has any contract (SKU or family): its SKUs without one are master-data gaps. */
export function isContractCustomer(customer: SimCustomer): boolean {
  return customer.contracts.size > 0 || customer.contractFamilies.size > 0;
}

/** Money in integer cents, so shares and tolerances are compared without float error. */
export { fromCents, toCents } from '@ordex/demo-data';
