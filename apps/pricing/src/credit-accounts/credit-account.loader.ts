import type { GraphQLRequestContext } from '@ordex/platform';
import { toCreditAccountObject } from './credit-account.mapper';
import type { CreditAccountObject } from './credit-account.object';
import type { CreditAccountsService } from './credit-accounts.service';

/** The credit account of a customer, batched with every other one asked for in the request. */
export async function loadCreditAccount(
  ctx: GraphQLRequestContext,
  accounts: CreditAccountsService,
  customerId: string,
): Promise<CreditAccountObject | null> {
  const entity = await ctx.loaders
    .get('pricing.creditAccountByCustomer', (ids: readonly string[]) => accounts.byCustomerIds(ids))
    .load(customerId);
  return entity ? toCreditAccountObject(entity) : null;
}
