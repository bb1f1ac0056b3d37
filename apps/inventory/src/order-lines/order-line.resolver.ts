import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext } from '@ordex/platform';
import { isCalendarDate } from '../available-to-promise/domain/calendar-date.util';
import { openInboundBySkuLoader } from '../inbound/inbound.loader';
import { InboundService } from '../inbound/inbound.service';
import { productBySkuLoader } from '../products/product.loader';
import { ProductsService } from '../products/products.service';
import { stockBySkuLoader } from '../stock/stock.loader';
import { StockService } from '../stock/stock.service';
import { linePromise } from './domain/line-promise.util';
import { LineAvailabilityObject, OrderLineObject } from './order-line.object';

@Resolver(() => OrderLineObject)
export class OrderLineResolver {
  constructor(
    private readonly stock: StockService,
    private readonly inbound: InboundService,
    private readonly products: ProductsService,
  ) {}

  /** Every line of a request shares three statements: products, stock and inbound by SKU. */
  @ResolveField(() => LineAvailabilityObject, { nullable: true })
  async availability(
    @Parent() line: OrderLineObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<LineAvailabilityObject> {
    if (!isCalendarDate(line.requestedDate))
      throw clientError('BAD_USER_INPUT', `order line ${line.id} has no valid requested date`);
    const [product, stock, inbound] = await Promise.all([
      productBySkuLoader(ctx, this.products).load(line.sku),
      stockBySkuLoader(ctx, this.stock).load(line.sku),
      openInboundBySkuLoader(ctx, this.inbound).load(line.sku),
    ]);
    return linePromise({
      sku: line.sku,
      requested: line.quantity,
      requestedDate: line.requestedDate,
      skuKnown: product !== null,
      stock,
      inbound,
    });
  }
}
