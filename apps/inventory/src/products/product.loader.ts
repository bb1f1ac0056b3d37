import type { GraphQLRequestContext } from '@ordex/platform';
import type { ProductsService } from './products.service';

/** The products of each SKU asked for in one request (null for an unknown SKU), fetched in one query. */
export function productBySkuLoader(ctx: GraphQLRequestContext, products: ProductsService) {
  return ctx.loaders.get('inventory.productBySku', (skus: readonly string[]) => products.bySkus(skus));
}
