import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { contractCandidates } from '../contracts/contract.loader';
import { ContractsService } from '../contracts/contracts.service';
import { priceListEntryBySkuLoader } from '../price-list/price-list-entry.loader';
import { PriceListService } from '../price-list/price-list.service';
import { checkPrice } from './domain/price-check.util';
import { OrderLineObject, PriceCheckObject } from './order-line.object';
import { toPriceCheckObject } from './price-check.mapper';

@Resolver(() => OrderLineObject)
export class OrderLineResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly priceList: PriceListService,
  ) {}

  /** Two statements per request however many lines: one for contracts, one for the price list. */
  @ResolveField(() => PriceCheckObject, { nullable: true })
  async priceCheck(
    @Parent() line: OrderLineObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<PriceCheckObject> {
    const [contracts, listing] = await Promise.all([
      contractCandidates(ctx, this.contracts, { customerId: line.customerId, sku: line.sku }),
      priceListEntryBySkuLoader(ctx, this.priceList).load(line.sku),
    ]);
    return toPriceCheckObject(checkPrice(line, contracts, listing));
  }
}
