import { z } from 'zod'
import { CaseStatus, CustomerSegment, CustomerTier, ExceptionCategory, OrderStatus, Region, Team, UnitOfMeasure } from './canonical.generated'
import type { Carrier, Contract, CreditAccount, Customer, CustomerChanged, DistributionCenter, Order, OrderLine, Product, ShipTo, StockLevel, StockSnapshot } from './canonical.generated'

type Properties<T> = Required<{
  [K in keyof T]: z.ZodType<T[K]>;
}>;

type definedNonNullAny = {};

export const isDefinedNonNullAny = (v: any): v is definedNonNullAny => v !== undefined && v !== null;

export const definedNonNullAnySchema = z.any().refine((v) => isDefinedNonNullAny(v));

export const CaseStatusSchema: z.ZodType<CaseStatus> = z.nativeEnum(CaseStatus);

export const CustomerSegmentSchema: z.ZodType<CustomerSegment> = z.nativeEnum(CustomerSegment);

export const CustomerTierSchema: z.ZodType<CustomerTier> = z.nativeEnum(CustomerTier);

export const ExceptionCategorySchema: z.ZodType<ExceptionCategory> = z.nativeEnum(ExceptionCategory);

export const OrderStatusSchema: z.ZodType<OrderStatus> = z.nativeEnum(OrderStatus);

export const RegionSchema: z.ZodType<Region> = z.nativeEnum(Region);

export const TeamSchema: z.ZodType<Team> = z.nativeEnum(Team);

export const UnitOfMeasureSchema: z.ZodType<UnitOfMeasure> = z.nativeEnum(UnitOfMeasure);

export function CarrierSchema(): z.ZodObject<Properties<Carrier>> {
  return z.object({
    __typename: z.literal('Carrier').optional(),
    code: z.string().min(1),
    name: z.string()
  })
}

export function ContractSchema(): z.ZodObject<Properties<Contract>> {
  return z.object({
    __typename: z.literal('Contract').optional(),
    customerId: z.string().min(1),
    family: z.string().nullish(),
    id: z.string().min(1),
    marginFloorPct: z.number(),
    price: z.number(),
    sku: z.string().min(1).nullish(),
    tolerancePct: z.number(),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  })
}

export function CreditAccountSchema(): z.ZodObject<Properties<CreditAccount>> {
  return z.object({
    __typename: z.literal('CreditAccount').optional(),
    creditLimit: z.number(),
    customerId: z.string().min(1),
    openReceivables: z.number(),
    overdueDays: z.number().int()
  })
}

export function CustomerSchema(): z.ZodObject<Properties<Customer>> {
  return z.object({
    __typename: z.literal('Customer').optional(),
    id: z.string().min(1),
    name: z.string(),
    paymentTermsDays: z.number().int(),
    segment: CustomerSegmentSchema,
    tier: CustomerTierSchema
  })
}

export function CustomerChangedSchema(): z.ZodObject<Properties<CustomerChanged>> {
  return z.object({
    __typename: z.literal('CustomerChanged').optional(),
    customer: z.lazy(() => CustomerSchema()),
    shipTos: z.array(z.lazy(() => ShipToSchema()))
  })
}

export function DistributionCenterSchema(): z.ZodObject<Properties<DistributionCenter>> {
  return z.object({
    __typename: z.literal('DistributionCenter').optional(),
    code: z.string().min(1),
    name: z.string(),
    region: RegionSchema
  })
}

export function OrderSchema(): z.ZodObject<Properties<Order>> {
  return z.object({
    __typename: z.literal('Order').optional(),
    currency: z.string(),
    customerId: z.string().min(1),
    erpVersion: z.number().int(),
    lines: z.array(z.lazy(() => OrderLineSchema())),
    orderNumber: z.string().min(1),
    orderedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    requestedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    shipToId: z.string().min(1).nullish(),
    status: OrderStatusSchema
  })
}

export function OrderLineSchema(): z.ZodObject<Properties<OrderLine>> {
  return z.object({
    __typename: z.literal('OrderLine').optional(),
    lineNo: z.number().int(),
    quantity: z.number().int(),
    sku: z.string().min(1),
    unitPrice: z.number()
  })
}

export function ProductSchema(): z.ZodObject<Properties<Product>> {
  return z.object({
    __typename: z.literal('Product').optional(),
    family: z.string(),
    listPrice: z.number(),
    name: z.string(),
    sku: z.string().min(1),
    substitutes: z.array(z.string().min(1)),
    unitCost: z.number(),
    unitOfMeasure: UnitOfMeasureSchema,
    weightKg: z.number()
  })
}

export function ShipToSchema(): z.ZodObject<Properties<ShipTo>> {
  return z.object({
    __typename: z.literal('ShipTo').optional(),
    customerId: z.string().min(1),
    id: z.string().min(1),
    name: z.string(),
    region: RegionSchema
  })
}

export function StockLevelSchema(): z.ZodObject<Properties<StockLevel>> {
  return z.object({
    __typename: z.literal('StockLevel').optional(),
    allocated: z.number().int(),
    dcCode: z.string().min(1),
    onHand: z.number().int(),
    sku: z.string().min(1)
  })
}

export function StockSnapshotSchema(): z.ZodObject<Properties<StockSnapshot>> {
  return z.object({
    __typename: z.literal('StockSnapshot').optional(),
    asOf: z.string().datetime({ offset: true }),
    dcCode: z.string().min(1),
    levels: z.array(z.lazy(() => StockLevelSchema()))
  })
}
