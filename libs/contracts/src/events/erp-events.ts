import type { z } from 'zod';
import type {
  Carrier,
  Contract,
  CreditAccount,
  CustomerChanged,
  DistributionCenter,
  Order,
  Product,
  StockSnapshot,
} from '../generated/canonical.generated';
import {
  CarrierSchema,
  ContractSchema,
  CreditAccountSchema,
  CustomerChangedSchema,
  DistributionCenterSchema,
  OrderSchema,
  ProductSchema,
  StockSnapshotSchema,
} from '../generated/canonical.zod.generated';

/** The ERP intake contract: each inbound subject, its payload type and its business key. */
export interface ErpEventPayloads {
  'erp.customer.changed.v1': CustomerChanged;
  'erp.credit.updated.v1': CreditAccount;
  'erp.product.changed.v1': Product;
  'erp.dc.changed.v1': DistributionCenter;
  'erp.stock.snapshot.v1': StockSnapshot;
  'erp.contract.changed.v1': Contract;
  'erp.carrier.changed.v1': Carrier;
  'erp.order.created.v1': Order;
}

export type ErpEventType = keyof ErpEventPayloads;

interface ErpEventSpec<T> {
  schema: () => z.ZodType<T>;
  key: (payload: T) => string;
}

export const ERP_EVENTS: { [K in ErpEventType]: ErpEventSpec<ErpEventPayloads[K]> } = {
  'erp.customer.changed.v1': { schema: CustomerChangedSchema, key: (p) => p.customer.id },
  'erp.credit.updated.v1': { schema: CreditAccountSchema, key: (p) => p.customerId },
  'erp.product.changed.v1': { schema: ProductSchema, key: (p) => p.sku },
  'erp.dc.changed.v1': { schema: DistributionCenterSchema, key: (p) => p.code },
  'erp.stock.snapshot.v1': { schema: StockSnapshotSchema, key: (p) => p.dcCode },
  'erp.contract.changed.v1': { schema: ContractSchema, key: (p) => p.id },
  'erp.carrier.changed.v1': { schema: CarrierSchema, key: (p) => p.code },
  'erp.order.created.v1': { schema: OrderSchema, key: (p) => p.orderNumber },
};

export function isErpEventType(type: string): type is ErpEventType {
  return Object.prototype.hasOwnProperty.call(ERP_EVENTS, type);
}
