import type { GraphQLRequestContext } from '@ordex/platform';
import type { StockService } from './stock.service';

/** The stock rows of each SKU asked for in one request, fetched in one query. */
export function stockBySkuLoader(ctx: GraphQLRequestContext, stock: StockService) {
  return ctx.loaders.get('inventory.stockBySku', (skus: readonly string[]) => stock.bySkus(skus));
}
