import type { GraphQLRequestContext } from '@ordex/platform';
import type { ProductDimensionsService } from './product-dimensions.service';

/** The dimensions of each SKU asked for in one request (null: unknown), fetched in one query. */
export function productDimensionBySkuLoader(
  ctx: GraphQLRequestContext,
  dimensions: ProductDimensionsService,
) {
  return ctx.loaders.get('logistics.productDimensionBySku', (skus: readonly string[]) =>
    dimensions.bySkus(skus),
  );
}
