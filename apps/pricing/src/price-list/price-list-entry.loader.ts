import type { GraphQLRequestContext } from '@ordex/platform';
import type { PriceListService } from './price-list.service';

/** The price-list entry of each SKU asked for in one request, fetched in one query. */
export function priceListEntryBySkuLoader(ctx: GraphQLRequestContext, priceList: PriceListService) {
  return ctx.loaders.get('pricing.priceListEntryBySku', (skus: readonly string[]) => priceList.bySkus(skus));
}
