import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { priceListEntryBySkuLoader } from './price-list-entry.loader';
import { toPriceListEntryObject } from './price-list-entry.mapper';
import { PriceListEntryObject } from './price-list-entry.object';
import { PriceListService } from './price-list.service';

@Resolver(() => PriceListEntryObject)
export class PriceListResolver {
  constructor(private readonly priceListService: PriceListService) {}

  @Query(() => [PriceListEntryObject], {
    description: 'The price-list entries of the given SKUs; unknown SKUs are left out.',
  })
  async priceList(@Args('skus', { type: () => [ID] }) skus: string[], @Context() ctx: GraphQLRequestContext) {
    const loader = priceListEntryBySkuLoader(ctx, this.priceListService);
    const entries = await Promise.all(skus.map((sku) => loader.load(sku)));
    return entries.filter((e) => e !== null).map(toPriceListEntryObject);
  }
}
