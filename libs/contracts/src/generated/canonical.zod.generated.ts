import { z } from 'zod'
import { CaseStatus, CommandOutcome, CustomerSegment, CustomerTier, ExceptionCategory, OrderStatus, Region, Team, UnitOfMeasure } from './canonical.generated'
import type { Carrier, CarrierCapacity, CaseUpdated, CommandAcknowledgement, Contract, CreditAccount, CreditUpdated, Customer, CustomerChanged, DistributionCenter, InboundPurchaseOrder, Order, OrderCancelled, OrderLine, Partner, Product, ShipTo, StockAdjusted, StockLevel, StockSnapshot } from './canonical.generated'

type Properties<T> = Required<{
  [K in keyof T]: z.ZodType<T[K]>;
}>;

type definedNonNullAny = {};

export const isDefinedNonNullAny = (v: any): v is definedNonNullAny => v !== undefined && v !== null;

export const definedNonNullAnySchema = z.any().refine((v) => isDefinedNonNullAny(v));

export const CaseStatusSchema: z.ZodType<CaseStatus> = z.nativeEnum(CaseStatus);

export const CommandOutcomeSchema: z.ZodType<CommandOutcome> = z.nativeEnum(CommandOutcome);

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
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

export function CarrierCapacitySchema(): z.ZodObject<Properties<CarrierCapacity>> {
  return z.object({
    __typename: z.literal('CarrierCapacity').optional(),
    bookedKg: z.number(),
    capacityKg: z.number(),
    carrierCode: z.string().min(1),
    dcCode: z.string().min(1),
    shipDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date')
  })
}

export function CaseUpdatedSchema(): z.ZodObject<Properties<CaseUpdated>> {
  return z.object({
    __typename: z.literal('CaseUpdated').optional(),
    caseId: z.string().min(1),
    change: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    changedAt: z.string().datetime({ offset: true }),
    customerId: z.string().min(1),
    orderNumber: z.string().min(1),
    priority: z.number().int().min(-2147483648).max(2147483647),
    status: CaseStatusSchema
  })
}

export function CommandAcknowledgementSchema(): z.ZodObject<Properties<CommandAcknowledgement>> {
  return z.object({
    __typename: z.literal('CommandAcknowledgement').optional(),
    acknowledgedAt: z.string().datetime({ offset: true }),
    commandId: z.string().min(1),
    commandType: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    erpVersion: z.number().int().min(-2147483648).max(2147483647).nullish(),
    orderNumber: z.string().min(1).nullish(),
    outcome: CommandOutcomeSchema,
    reason: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish()
  })
}

export function ContractSchema(): z.ZodObject<Properties<Contract>> {
  return z.object({
    __typename: z.literal('Contract').optional(),
    customerId: z.string().min(1),
    family: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish(),
    id: z.string().min(1),
    marginFloorPct: z.number(),
    price: z.number(),
    sku: z.string().min(1).nullish(),
    tolerancePct: z.number(),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date'),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date')
  })
}

export function CreditAccountSchema(): z.ZodObject<Properties<CreditAccount>> {
  return z.object({
    __typename: z.literal('CreditAccount').optional(),
    creditLimit: z.number(),
    customerId: z.string().min(1),
    openReceivables: z.number(),
    overdueDays: z.number().int().min(-2147483648).max(2147483647)
  })
}

export function CreditUpdatedSchema(): z.ZodObject<Properties<CreditUpdated>> {
  return z.object({
    __typename: z.literal('CreditUpdated').optional(),
    creditLimit: z.number(),
    customerId: z.string().min(1),
    openReceivables: z.number(),
    overdueAmount: z.number().nullish(),
    overdueDays: z.number().int().min(-2147483648).max(2147483647)
  })
}

export function CustomerSchema(): z.ZodObject<Properties<Customer>> {
  return z.object({
    __typename: z.literal('Customer').optional(),
    id: z.string().min(1),
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    paymentTermsDays: z.number().int().min(-2147483648).max(2147483647),
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
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    region: RegionSchema
  })
}

export function InboundPurchaseOrderSchema(): z.ZodObject<Properties<InboundPurchaseOrder>> {
  return z.object({
    __typename: z.literal('InboundPurchaseOrder').optional(),
    dcCode: z.string().min(1),
    eta: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date'),
    id: z.string().min(1),
    quantity: z.number().int().min(-2147483648).max(2147483647),
    sku: z.string().min(1)
  })
}

export function OrderSchema(): z.ZodObject<Properties<Order>> {
  return z.object({
    __typename: z.literal('Order').optional(),
    currency: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    customerId: z.string().min(1),
    erpVersion: z.number().int().min(-2147483648).max(2147483647),
    lines: z.array(z.lazy(() => OrderLineSchema())),
    orderNumber: z.string().min(1),
    orderedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date'),
    requestedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'must be a real calendar date'),
    shipToId: z.string().min(1).nullish(),
    status: OrderStatusSchema
  })
}

export function OrderCancelledSchema(): z.ZodObject<Properties<OrderCancelled>> {
  return z.object({
    __typename: z.literal('OrderCancelled').optional(),
    cancelledAt: z.string().datetime({ offset: true }),
    erpVersion: z.number().int().min(-2147483648).max(2147483647),
    orderNumber: z.string().min(1),
    reason: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish()
  })
}

export function OrderLineSchema(): z.ZodObject<Properties<OrderLine>> {
  return z.object({
    __typename: z.literal('OrderLine').optional(),
    lineNo: z.number().int().min(-2147483648).max(2147483647),
    quantity: z.number().int().min(-2147483648).max(2147483647),
    sku: z.string().min(1),
    unitPrice: z.number()
  })
}

export function PartnerSchema(): z.ZodObject<Properties<Partner>> {
  return z.object({
    __typename: z.literal('Partner').optional(),
    customerIds: z.array(z.string().min(1)),
    id: z.string().min(1),
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

export function ProductSchema(): z.ZodObject<Properties<Product>> {
  return z.object({
    __typename: z.literal('Product').optional(),
    family: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    listPrice: z.number(),
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
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
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    region: RegionSchema
  })
}

export function StockAdjustedSchema(): z.ZodObject<Properties<StockAdjusted>> {
  return z.object({
    __typename: z.literal('StockAdjusted').optional(),
    adjustedAt: z.string().datetime({ offset: true }),
    allocatedDelta: z.number().int().min(-2147483648).max(2147483647),
    dcCode: z.string().min(1),
    onHandDelta: z.number().int().min(-2147483648).max(2147483647),
    reason: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    sku: z.string().min(1)
  })
}

export function StockLevelSchema(): z.ZodObject<Properties<StockLevel>> {
  return z.object({
    __typename: z.literal('StockLevel').optional(),
    allocated: z.number().int().min(-2147483648).max(2147483647),
    dcCode: z.string().min(1),
    onHand: z.number().int().min(-2147483648).max(2147483647),
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
