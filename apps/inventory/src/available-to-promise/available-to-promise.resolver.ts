import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext } from '@ordex/platform';
import { allDistributionCentersLoader } from '../distribution-centers/distribution-center.loader';
import { DistributionCentersService } from '../distribution-centers/distribution-centers.service';
import { openInboundBySkuLoader } from '../inbound/inbound.loader';
import { InboundService } from '../inbound/inbound.service';
import { productBySkuLoader } from '../products/product.loader';
import { ProductsService } from '../products/products.service';
import { stockBySkuLoader } from '../stock/stock.loader';
import { StockService } from '../stock/stock.service';
import { AvailableToPromiseObject } from './available-to-promise.object';
import { availableToPromise, selectDcCodes } from './domain/available-to-promise.util';
import { isCalendarDate } from './domain/calendar-date.util';

@Resolver(() => AvailableToPromiseObject)
export class AvailableToPromiseResolver {
  constructor(
    private readonly products: ProductsService,
    private readonly stock: StockService,
    private readonly inbound: InboundService,
    private readonly centers: DistributionCentersService,
  ) {}

  @Query(() => AvailableToPromiseObject, {
    description:
      'Whether a quantity of a SKU can be promised by a date (an ETA on the date counts), per distribution centre and overall. quantity ≥ 1; date YYYY-MM-DD; dcCodes narrows the DCs (all known ones by default). Errors: BAD_USER_INPUT.',
  })
  async availableToPromise(
    @Context() ctx: GraphQLRequestContext,
    @Args('sku', { type: () => ID }) sku: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @Args('date', { description: 'YYYY-MM-DD.' }) date: string,
    @Args('dcCodes', { type: () => [ID], nullable: true, description: 'Only these DCs (known codes).' })
    dcCodes?: string[] | null,
  ): Promise<AvailableToPromiseObject> {
    if (quantity < 1) throw clientError('BAD_USER_INPUT', 'quantity must be 1 or more');
    if (!isCalendarDate(date)) throw clientError('BAD_USER_INPUT', 'date must be a real day YYYY-MM-DD');
    if (dcCodes && dcCodes.length === 0)
      throw clientError('BAD_USER_INPUT', 'dcCodes must name at least one DC');
    const [product, stock, inbound, centers] = await Promise.all([
      productBySkuLoader(ctx, this.products).load(sku),
      stockBySkuLoader(ctx, this.stock).load(sku),
      openInboundBySkuLoader(ctx, this.inbound).load(sku),
      allDistributionCentersLoader(ctx, this.centers).load('all'),
    ]);
    const { codes, unknown } = selectDcCodes(
      centers.map((dc) => dc.code),
      dcCodes,
    );
    if (unknown.length > 0)
      throw clientError('BAD_USER_INPUT', `unknown distribution centre(s): ${unknown.join(', ')}`);
    return availableToPromise({
      sku,
      quantity,
      date,
      skuKnown: product !== null,
      dcCodes: codes,
      stock,
      inbound,
    });
  }
}
