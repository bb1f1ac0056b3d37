import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clientError, GraphQLRequestContext } from '@ordex/platform';
import { addDays, isCalendarDate } from '../calendar/domain/calendar.util';
import { parseInstant } from '../calendar/domain/local-time.util';
import { slotsByRangeLoader } from '../capacity/capacity.loader';
import { CapacityService } from '../capacity/capacity.service';
import { networkByRegionLoader } from '../carriers/carrier.loader';
import { CarriersService } from '../carriers/carriers.service';
import { productDimensionBySkuLoader } from '../products/product-dimension.loader';
import { ProductDimensionsService } from '../products/product-dimensions.service';
import { routingRuleByCustomerLoader } from '../routing/routing-rule.loader';
import { toRoutingPolicy } from '../routing/routing-rule.mapper';
import { RoutingService } from '../routing/routing.service';
import { orderWeight } from './domain/order-weight.util';
import { planShipmentOptions, slotKey } from './domain/shipment-options.util';
import { OrderObject } from './order.object';
import { ShipmentOptionObject } from './shipment-option.object';

/** The longest horizon a request may look ahead (calendar days after the requested date). */
export const MAX_HORIZON_DAYS = 31;
const DEFAULT_HORIZON_DAYS = 5;

/** More options than any order has (DCs × carriers): the cap only refuses nonsense. */
const MAX_OPTIONS = 100;

@Resolver(() => OrderObject)
export class ShipmentOptionsResolver {
  constructor(
    private readonly carriers: CarriersService,
    private readonly capacity: CapacityService,
    private readonly routing: RoutingService,
    private readonly dimensions: ProductDimensionsService,
  ) {}

  /**
   * Each order of a request loads its rule, its SKUs' weights, the lanes into its region and the
   * slots of its date range through request-wide loaders: four statements however many orders.
   */
  @ResolveField(() => [ShipmentOptionObject])
  async shipmentOptions(
    @Parent() order: OrderObject,
    @Context() ctx: GraphQLRequestContext,
    @Args('asOf', {
      type: () => String,
      nullable: true,
      description: 'ISO 8601 instant with offset that decides which cut-offs have passed; default now.',
    })
    asOf?: string | null,
    @Args('horizonDays', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_HORIZON_DAYS,
      description: `Calendar days after the requested date to look for a ship date (0–${MAX_HORIZON_DAYS}).`,
    })
    horizonDaysArg?: number | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `Only the best options, in the list's order (1–${MAX_OPTIONS}); all by default.`,
    })
    first?: number | null,
  ): Promise<ShipmentOptionObject[]> {
    if (first != null && (!Number.isInteger(first) || first < 1 || first > MAX_OPTIONS))
      throw clientError('BAD_USER_INPUT', `first must be from 1 to ${MAX_OPTIONS}`);
    const horizonDays = horizonDaysArg ?? DEFAULT_HORIZON_DAYS;
    const asOfMs = asOf == null ? Date.now() : parseInstant(asOf);
    if (asOfMs === null)
      throw clientError(
        'BAD_USER_INPUT',
        'asOf must be an ISO 8601 instant with an offset, e.g. 2026-12-07T14:00:00Z',
      );
    if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS)
      throw clientError('BAD_USER_INPUT', `horizonDays must be from 0 to ${MAX_HORIZON_DAYS}`);
    const region = order.shipTo?.region ?? null;
    if (region === null || !isCalendarDate(order.requestedDate)) return [];

    const lines = order.lines ?? [];
    const lastDay = addDays(order.requestedDate, horizonDays);
    const [rule, dimensions, legs, slots] = await Promise.all([
      routingRuleByCustomerLoader(ctx, this.routing).load(order.customerId),
      productDimensionBySkuLoader(ctx, this.dimensions).loadMany([...new Set(lines.map((l) => l.sku))]),
      networkByRegionLoader(ctx, this.carriers).load(region),
      slotsByRangeLoader(ctx, this.capacity).load(`${order.requestedDate}|${lastDay}`),
    ]);
    const weights = new Map<string, number>();
    for (const dimension of dimensions) {
      if (dimension instanceof Error) throw dimension;
      if (dimension) weights.set(dimension.sku, dimension.weightKg);
    }
    const weight = orderWeight(lines, (sku) => weights.get(sku));
    const slotsByKey = new Map(slots.map((s) => [slotKey(s.carrierCode, s.dcCode, s.shipDate), s]));
    const options = planShipmentOptions(
      {
        requestedDate: order.requestedDate,
        region,
        weightMg: weight.weightMg,
        unknownSkus: weight.unknownSkus,
        asOfMs,
        horizonDays,
        rule: rule ? toRoutingPolicy(rule) : null,
      },
      legs,
      slotsByKey,
    );
    return first == null ? options : options.slice(0, first);
  }
}
