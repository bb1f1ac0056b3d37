import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { contractsByCustomerLoader } from '../contracts/contract.loader';
import { ContractsService } from '../contracts/contracts.service';
import { priceListEntryBySkuLoader } from '../price-list/price-list-entry.loader';
import { PriceListService } from '../price-list/price-list.service';
import { checkPrice } from './domain/price-check.util';
import { OrderLineObject, PriceCheckObject } from './order-line.object';

@Resolver(() => OrderLineObject)
export class OrderLineResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly priceList: PriceListService,
  ) {}

  @ResolveField(() => PriceCheckObject, { nullable: true })
  async priceCheck(
    @Parent() line: OrderLineObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<PriceCheckObject> {
    const [contracts, listing] = await Promise.all([
      contractsByCustomerLoader(ctx, this.contracts).load(line.customerId),
      priceListEntryBySkuLoader(ctx, this.priceList).load(line.sku),
    ]);
    return checkPrice(line, contracts, listing);
  }
}
