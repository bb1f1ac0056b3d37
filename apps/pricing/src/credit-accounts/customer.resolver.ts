import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { loadCreditAccount } from './credit-account.loader';
import { CreditAccountObject } from './credit-account.object';
import { CreditAccountsService } from './credit-accounts.service';
import { CustomerObject } from './customer.object';

@Resolver(() => CustomerObject)
export class CustomerResolver {
  constructor(private readonly accounts: CreditAccountsService) {}

  @ResolveField(() => CreditAccountObject, { nullable: true })
  credit(@Parent() customer: CustomerObject, @Context() ctx: GraphQLRequestContext) {
    return loadCreditAccount(ctx, this.accounts, customer.id);
  }
}
