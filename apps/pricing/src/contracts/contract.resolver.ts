import { Args, Context, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { contractsByCustomerLoader } from './contract.loader';
import { toContractObject } from './contract.mapper';
import { ContractObject } from './contract.object';
import { ContractsService } from './contracts.service';

@Resolver(() => ContractObject)
export class ContractResolver {
  constructor(private readonly contractService: ContractsService) {}

  @Query(() => ContractObject, { nullable: true, description: 'A contract by id.' })
  contract(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, id);
  }

  @Query(() => [ContractObject], { description: "A customer's contracts in id order, current or not." })
  async contracts(
    @Args('customerId', { type: () => ID }) customerId: string,
    @Context() ctx: GraphQLRequestContext,
  ) {
    const rows = await contractsByCustomerLoader(ctx, this.contractService).load(customerId);
    return rows.map(toContractObject);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.id);
  }

  private async load(ctx: GraphQLRequestContext, id: string): Promise<ContractObject | null> {
    const entity = await ctx.loaders
      .get('pricing.contractById', (ids: readonly string[]) => this.contractService.byIds(ids))
      .load(id);
    return entity ? toContractObject(entity) : null;
  }
}
