import type { z } from 'zod';
import type {
  Carrier,
  CarrierCapacity,
  CarrierChanged,
  CommandAcknowledgement,
  Contract,
  CreditAccount,
  CreditUpdated,
  CustomerChanged,
  DistributionCenter,
  InboundPurchaseOrder,
  Order,
  OrderCancelled,
  Partner,
  Product,
  RoutingRule,
  StockAdjusted,
  StockSnapshot,
} from '../generated/canonical.generated';
import {
  CarrierCapacitySchema,
  CarrierChangedSchema,
  CarrierSchema,
  CommandAcknowledgementSchema,
  ContractSchema,
  CreditAccountSchema,
  CreditUpdatedSchema,
  CustomerChangedSchema,
  DistributionCenterSchema,
  InboundPurchaseOrderSchema,
  OrderCancelledSchema,
  OrderSchema,
  PartnerSchema,
  ProductSchema,
  RoutingRuleSchema,
  StockAdjustedSchema,
  StockSnapshotSchema,
} from '../generated/canonical.zod.generated';

/** The ERP intake contract (docs/events.md): each inbound subject, its payload and business key. */
export interface ErpEventPayloads {
  'erp.order.created.v1': Order;
  'erp.order.changed.v1': Order;
  'erp.order.cancelled.v1': OrderCancelled;
  'erp.customer.changed.v1': CustomerChanged;
  'erp.partner.changed.v1': Partner;
  'erp.credit.updated.v1': CreditAccount;
  'erp.credit.updated.v2': CreditUpdated;
  'erp.product.changed.v1': Product;
  'erp.dc.changed.v1': DistributionCenter;
  'erp.stock.snapshot.v1': StockSnapshot;
  'erp.stock.adjusted.v1': StockAdjusted;
  'erp.purchase-order.eta-changed.v1': InboundPurchaseOrder;
  'erp.contract.changed.v1': Contract;
  'erp.carrier.changed.v1': Carrier;
  'erp.carrier.changed.v2': CarrierChanged;
  'erp.routing-rule.changed.v1': RoutingRule;
  'erp.carrier.capacity-changed.v1': CarrierCapacity;
  'erp.command.acknowledged.v1': CommandAcknowledgement;
}

export type ErpEventType = keyof ErpEventPayloads;

interface ErpEventSpec<T> {
  schema: () => z.ZodType<T>;
  key: (payload: T) => string;
}

/** Builds a generated schema on first use and keeps it: schemas are checked on every event. */
function once<T>(build: () => z.ZodType<T>): () => z.ZodType<T> {
  let schema: z.ZodType<T> | undefined;
  return () => (schema ??= build());
}

export const ERP_EVENTS: { [K in ErpEventType]: ErpEventSpec<ErpEventPayloads[K]> } = {
  'erp.order.created.v1': { schema: once(OrderSchema), key: (p) => p.orderNumber },
  'erp.order.changed.v1': { schema: once(OrderSchema), key: (p) => p.orderNumber },
  'erp.order.cancelled.v1': { schema: once(OrderCancelledSchema), key: (p) => p.orderNumber },
  'erp.customer.changed.v1': { schema: once(CustomerChangedSchema), key: (p) => p.customer.id },
  'erp.partner.changed.v1': { schema: once(PartnerSchema), key: (p) => p.id },
  'erp.credit.updated.v1': { schema: once(CreditAccountSchema), key: (p) => p.customerId },
  'erp.credit.updated.v2': { schema: once(CreditUpdatedSchema), key: (p) => p.customerId },
  'erp.product.changed.v1': { schema: once(ProductSchema), key: (p) => p.sku },
  'erp.dc.changed.v1': { schema: once(DistributionCenterSchema), key: (p) => p.code },
  'erp.stock.snapshot.v1': { schema: once(StockSnapshotSchema), key: (p) => p.dcCode },
  'erp.stock.adjusted.v1': { schema: once(StockAdjustedSchema), key: (p) => p.dcCode },
  'erp.purchase-order.eta-changed.v1': { schema: once(InboundPurchaseOrderSchema), key: (p) => p.id },
  'erp.contract.changed.v1': { schema: once(ContractSchema), key: (p) => p.id },
  'erp.carrier.changed.v1': { schema: once(CarrierSchema), key: (p) => p.code },
  'erp.carrier.changed.v2': { schema: once(CarrierChangedSchema), key: (p) => p.carrier.code },
  'erp.routing-rule.changed.v1': { schema: once(RoutingRuleSchema), key: (p) => p.customerId },
  'erp.carrier.capacity-changed.v1': {
    schema: CarrierCapacitySchema,
    key: (p) => `${p.carrierCode}|${p.dcCode}`,
  },
  'erp.command.acknowledged.v1': {
    schema: CommandAcknowledgementSchema,
    key: (p) => p.orderNumber ?? p.commandId,
  },
};

export function isErpEventType(type: string): type is ErpEventType {
  return Object.prototype.hasOwnProperty.call(ERP_EVENTS, type);
}

/**
 * Schema evolution: an older version of an event type that is still live, and how its payload
 * becomes the current version's. Producers of the old version keep working; consumers register
 * for the current version only and receive both.
 */
export const ERP_UPCASTERS = {
  'erp.credit.updated.v1': {
    to: 'erp.credit.updated.v2',
    upcast: (v1: CreditAccount): CreditUpdated => ({
      customerId: v1.customerId,
      creditLimit: v1.creditLimit,
      openReceivables: v1.openReceivables,
      overdueAmount: null,
      overdueDays: v1.overdueDays,
    }),
  },
  'erp.carrier.changed.v1': {
    to: 'erp.carrier.changed.v2',
    upcast: (v1: Carrier): CarrierChanged => ({ carrier: v1, depots: [], lanes: [] }),
  },
} as const satisfies {
  [K in ErpEventType]?: { to: ErpEventType; upcast: (payload: ErpEventPayloads[K]) => unknown };
};

export type UpcastableErpEventType = keyof typeof ERP_UPCASTERS;

/** The types whose events reach a consumer registered for `type`: itself and what upcasts into it. */
export function erpTypesDeliveredAs(type: ErpEventType): ErpEventType[] {
  const older = (Object.keys(ERP_UPCASTERS) as UpcastableErpEventType[]).filter(
    (from) => ERP_UPCASTERS[from].to === type,
  );
  return [type, ...older];
}
