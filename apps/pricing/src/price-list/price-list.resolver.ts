import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext } from '@ordex/platform';
import { priceListEntryBySkuLoader } from './price-list-entry.loader';
import { toPriceListEntryObject } from './price-list-entry.mapper';
import { PriceListEntryObject } from './price-list-entry.object';
import { PriceListService } from './price-list.service';

/** The most SKUs one priceList query may ask for. */
export const MAX_PRICE_LIST_SKUS = 500;

@Resolver(() => PriceListEntryObject)
export class PriceListResolver {
  constructor(private readonly priceListService: PriceListService) {}

  @Query(() => [PriceListEntryObject], {
    description: `The price-list entries of the given SKUs (at most ${MAX_PRICE_LIST_SKUS}); unknown SKUs are left out.`,
  })
  async priceList(@Args('skus', { type: () => [ID] }) skus: string[], @Context() ctx: GraphQLRequestContext) {
    if (skus.length > MAX_PRICE_LIST_SKUS) {
      throw clientError(
        'BAD_USER_INPUT',
        `priceList takes at most ${MAX_PRICE_LIST_SKUS} SKUs, got ${skus.length}`,
      );
    }
    const loader = priceListEntryBySkuLoader(ctx, this.priceListService);
    const entries = await Promise.all(skus.map((sku) => loader.load(sku)));
    return entries.filter((e) => e !== null).map(toPriceListEntryObject);
  }
}
