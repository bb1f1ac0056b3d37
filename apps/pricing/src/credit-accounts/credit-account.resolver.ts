import {
  Args,
  Context,
  Float,
  ID,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { fromCents } from '../common/domain/fixed-point.util';
import { openOrdersValueByCustomerLoader } from '../order-exposure/order-exposure.loader';
import { OrderExposureService } from '../order-exposure/order-exposure.service';
import { loadCreditAccount } from './credit-account.loader';
import { CreditAccountObject } from './credit-account.object';
import { CreditAccountsService } from './credit-accounts.service';

@Resolver(() => CreditAccountObject)
export class CreditAccountResolver {
  constructor(
    private readonly accounts: CreditAccountsService,
    private readonly exposure: OrderExposureService,
  ) {}

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

  @ResolveField(() => Float)
  async openOrdersValue(@Parent() account: CreditAccountObject, @Context() ctx: GraphQLRequestContext) {
    return fromCents(await openOrdersValueByCustomerLoader(ctx, this.exposure).load(account.customerId));
  }
}
