import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { toCents } from '../common/domain/fixed-point.util';
import { loadCreditAccount } from '../credit-accounts/credit-account.loader';
import { CreditAccountsService } from '../credit-accounts/credit-accounts.service';
import { otherOpenOrdersValue } from '../order-exposure/order-exposure.loader';
import { OrderExposureService } from '../order-exposure/order-exposure.service';
import { CreditCheckObject } from './credit-check.object';
import { toCreditCheckObject } from './credit-check.mapper';
import { checkCredit } from './domain/credit-check.util';
import { OrderObject } from './order.object';

@Resolver(() => OrderObject)
export class OrderResolver {
  constructor(
    private readonly accounts: CreditAccountsService,
    private readonly exposure: OrderExposureService,
  ) {}

  /** Two statements per request however many orders: one for accounts, one for open orders. */
  @ResolveField(() => CreditCheckObject, { nullable: true })
  async creditCheck(
    @Parent() order: OrderObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<CreditCheckObject> {
    const [account, others] = await Promise.all([
      loadCreditAccount(ctx, this.accounts, order.customerId),
      otherOpenOrdersValue(ctx, this.exposure, order),
    ]);
    const check = checkCredit(
      account && {
        creditLimit: toCents(account.creditLimit),
        openReceivables: toCents(account.openReceivables),
        overdueDays: account.overdueDays,
        overdueAmount: account.overdueAmount === null ? null : toCents(account.overdueAmount),
      },
      others,
      toCents(order.orderValue),
    );
    return toCreditCheckObject(check);
  }
}
