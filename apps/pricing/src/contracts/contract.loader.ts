import type { GraphQLRequestContext } from '@ordex/platform';
import type { ContractsService } from './contracts.service';

/** The contracts of each customer asked for in one request, fetched in one query. */
export function contractsByCustomerLoader(ctx: GraphQLRequestContext, contracts: ContractsService) {
  return ctx.loaders.get('pricing.contractsByCustomer', (ids: readonly string[]) =>
    contracts.byCustomerIds(ids),
  );
}
