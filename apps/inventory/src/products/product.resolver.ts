import {
  Args,
  Context,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { GraphQLRequestContext, pageSize } from '@ordex/platform';
import { openInboundBySkuLoader } from '../inbound/inbound.loader';
import { toInboundPurchaseOrderObject } from '../inbound/inbound-purchase-order.mapper';
import { InboundPurchaseOrderObject } from '../inbound/inbound-purchase-order.object';
import { InboundService } from '../inbound/inbound.service';
import { stockBySkuLoader } from '../stock/stock.loader';
import { toStockLevelObject } from '../stock/stock.mapper';
import { StockLevelObject } from '../stock/stock-level.object';
import { StockService } from '../stock/stock.service';
import { substituteSkus } from './domain/substitutes.util';
import { productBySkuLoader } from './product.loader';
import { toProductObject } from './product.mapper';
import { ProductObject } from './product.object';
import { ProductsService } from './products.service';

@Resolver(() => ProductObject)
export class ProductResolver {
  constructor(
    private readonly productService: ProductsService,
    private readonly stockService: StockService,
    private readonly inboundService: InboundService,
  ) {}

  @Query(() => ProductObject, { nullable: true, description: 'A product by SKU.' })
  product(@Args('sku', { type: () => ID }) sku: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, sku);
  }

  @Query(() => [ProductObject], {
    description:
      'Products in SKU order, keyset-paginated; only those named in `skus` when given (unknown SKUs are left out).',
  })
  async products(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after?: string,
    @Args('skus', { type: () => [ID], nullable: true }) skus?: string[] | null,
  ) {
    const rows = await this.productService.list(pageSize(first), after, skus ?? undefined);
    return rows.map(toProductObject);
  }

  @ResolveReference()
  resolveReference(ref: { sku: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.sku);
  }

  @ResolveField(() => [StockLevelObject])
  async stock(@Parent() product: ProductObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await stockBySkuLoader(ctx, this.stockService).load(product.sku);
    return rows.map(toStockLevelObject);
  }

  @ResolveField(() => [InboundPurchaseOrderObject])
  async inbound(
    @Parent() product: ProductObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<InboundPurchaseOrderObject[]> {
    const rows = await openInboundBySkuLoader(ctx, this.inboundService).load(product.sku);
    return rows.map(toInboundPurchaseOrderObject);
  }

  @ResolveField(() => [ProductObject])
  async substituteProducts(
    @Parent() product: ProductObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<ProductObject[]> {
    const skus = substituteSkus(product.sku, product.substitutes);
    const found = await productBySkuLoader(ctx, this.productService).loadMany(skus);
    const failure = found.find((entity) => entity instanceof Error);
    if (failure) throw failure;
    return found.flatMap((entity) => (entity && !(entity instanceof Error) ? [toProductObject(entity)] : []));
  }

  private async load(ctx: GraphQLRequestContext, sku: string): Promise<ProductObject | null> {
    const entity = await productBySkuLoader(ctx, this.productService).load(sku);
    return entity ? toProductObject(entity) : null;
  }
}
