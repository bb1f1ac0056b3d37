import { z } from 'zod'
import { CaseStatus, CommandOutcome, CustomerSegment, CustomerTier, ErpCommandType, ExceptionCategory, ExecutionCommandType, HoldType, OrderStatus, Region, Team, UnitOfMeasure } from './canonical.generated'
import type { ActivityAttribute, ActivityObject, Carrier, CarrierCapacity, CarrierChanged, CarrierDepot, CarrierLane, CaseActivity, CaseUpdated, CommandAcknowledgement, Contract, CreditAccount, CreditUpdated, Customer, CustomerChanged, DeliveryWindow, DistributionCenter, ErpCommand, ExecutionCommand, InboundPurchaseOrder, Order, OrderCancelled, OrderLine, Partner, Product, RoutingRule, ShipTo, StockAdjusted, StockLevel, StockSnapshot } from './canonical.generated'

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

export const ErpCommandTypeSchema: z.ZodType<ErpCommandType> = z.nativeEnum(ErpCommandType);

export const ExceptionCategorySchema: z.ZodType<ExceptionCategory> = z.nativeEnum(ExceptionCategory);

export const ExecutionCommandTypeSchema: z.ZodType<ExecutionCommandType> = z.nativeEnum(ExecutionCommandType);

export const HoldTypeSchema: z.ZodType<HoldType> = z.nativeEnum(HoldType);

export const OrderStatusSchema: z.ZodType<OrderStatus> = z.nativeEnum(OrderStatus);

export const RegionSchema: z.ZodType<Region> = z.nativeEnum(Region);

export const TeamSchema: z.ZodType<Team> = z.nativeEnum(Team);

export const UnitOfMeasureSchema: z.ZodType<UnitOfMeasure> = z.nativeEnum(UnitOfMeasure);

export function ActivityAttributeSchema(): z.ZodObject<Properties<ActivityAttribute>> {
  return z.object({
    __typename: z.literal('ActivityAttribute').optional(),
    name: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    value: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

export function ActivityObjectSchema(): z.ZodObject<Properties<ActivityObject>> {
  return z.object({
    __typename: z.literal('ActivityObject').optional(),
    id: z.string().min(1),
    qualifier: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    type: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

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

export function CarrierChangedSchema(): z.ZodObject<Properties<CarrierChanged>> {
  return z.object({
    __typename: z.literal('CarrierChanged').optional(),
    carrier: z.lazy(() => CarrierSchema()),
    depots: z.array(z.lazy(() => CarrierDepotSchema())),
    lanes: z.array(z.lazy(() => CarrierLaneSchema()))
  })
}

export function CarrierDepotSchema(): z.ZodObject<Properties<CarrierDepot>> {
  return z.object({
    __typename: z.literal('CarrierDepot').optional(),
    cutoffLocalTime: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    dailyCapacityKg: z.number(),
    dcCode: z.string().min(1),
    timeZone: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

export function CarrierLaneSchema(): z.ZodObject<Properties<CarrierLane>> {
  return z.object({
    __typename: z.literal('CarrierLane').optional(),
    costPerKg: z.number(),
    dcCode: z.string().min(1),
    minimumCharge: z.number(),
    region: RegionSchema,
    transitDays: z.number().int().min(-2147483648).max(2147483647)
  })
}

export function CaseActivitySchema(): z.ZodObject<Properties<CaseActivity>> {
  return z.object({
    __typename: z.literal('CaseActivity').optional(),
    activity: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    activityId: z.string().min(1),
    actor: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    attributes: z.array(z.lazy(() => ActivityAttributeSchema())),
    caseId: z.string().min(1),
    customerId: z.string().min(1).nullish(),
    objects: z.array(z.lazy(() => ActivityObjectSchema())),
    occurredAt: z.string().datetime({ offset: true }),
    orderNumber: z.string().min(1),
    team: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish()
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

export function DeliveryWindowSchema(): z.ZodObject<Properties<DeliveryWindow>> {
  return z.object({
    __typename: z.literal('DeliveryWindow').optional(),
    closesAt: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    opensAt: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    weekday: z.number().int().min(-2147483648).max(2147483647)
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

export function ErpCommandSchema(): z.ZodObject<Properties<ErpCommand>> {
  return z.object({
    __typename: z.literal('ErpCommand').optional(),
    commandId: z.string().min(1),
    commandType: ErpCommandTypeSchema,
    erpVersion: z.number().int().min(-2147483648).max(2147483647),
    holdId: z.string().min(1).nullish(),
    holdType: HoldTypeSchema.nullish(),
    orderNumber: z.string().min(1),
    reason: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    requestedAt: z.string().datetime({ offset: true }),
    requestedBy: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  })
}

export function ExecutionCommandSchema(): z.ZodObject<Properties<ExecutionCommand>> {
  return z.object({
    __typename: z.literal('ExecutionCommand').optional(),
    caseId: z.string().min(1),
    commandId: z.string().min(1),
    commandType: ExecutionCommandTypeSchema,
    erpVersion: z.number().int().min(-2147483648).max(2147483647),
    fromDc: z.string().min(1).nullish(),
    lineNo: z.number().int().min(-2147483648).max(2147483647).nullish(),
    orderNumber: z.string().min(1),
    price: z.number().nullish(),
    quantity: z.number().int().min(-2147483648).max(2147483647).nullish(),
    reason: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    requestedAt: z.string().datetime({ offset: true }),
    requestedBy: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters'),
    shipDate: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish(),
    sku: z.string().min(1).nullish(),
    toDc: z.string().min(1).nullish()
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
    notes: z.string().refine((v) => !v.includes('\u0000'), 'must not contain NUL characters').nullish(),
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
    volumeM3: z.number().nullish(),
    weightKg: z.number()
  })
}

export function RoutingRuleSchema(): z.ZodObject<Properties<RoutingRule>> {
  return z.object({
    __typename: z.literal('RoutingRule').optional(),
    allowedCarriers: z.array(z.string().min(1)),
    allowedDcs: z.array(z.string().min(1)),
    customerId: z.string().min(1),
    deliveryWindows: z.array(z.lazy(() => DeliveryWindowSchema())),
    excludedCarriers: z.array(z.string().min(1)),
    preferredDc: z.string().min(1).nullish(),
    shipComplete: z.boolean()
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
