import { Args, Context, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { loadCreditAccount } from './credit-account.loader';
import { CreditAccountObject } from './credit-account.object';
import { CreditAccountsService } from './credit-accounts.service';

@Resolver(() => CreditAccountObject)
export class CreditAccountResolver {
  constructor(private readonly accounts: CreditAccountsService) {}

  @Query(() => CreditAccountObject, { nullable: true, description: "A customer's credit account." })
  creditAccount(
    @Args('customerId', { type: () => ID }) customerId: string,
    @Context() ctx: GraphQLRequestContext,
  ) {
    return loadCreditAccount(ctx, this.accounts, customerId);
  }

  @ResolveReference()
  resolveReference(ref: { customerId: string }, ctx: GraphQLRequestContext) {
    return loadCreditAccount(ctx, this.accounts, ref.customerId);
  }
}
