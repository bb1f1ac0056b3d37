import type { GraphQLRequestContext } from '@ordex/platform';
import type { ContractEntity } from './contract.entity';
import type { ContractsService, CustomerSku } from './contracts.service';

/** The contracts of each customer asked for in one request, fetched in one query. */
export function contractsByCustomerLoader(ctx: GraphQLRequestContext, contracts: ContractsService) {
  return ctx.loaders.get('pricing.contractsByCustomer', (ids: readonly string[]) =>
    contracts.byCustomerIds(ids),
  );
}

/**
 * The contracts that can price a customer's SKU (for the SKU or its family), for every line of
 * the request in one query.
 */
export function contractCandidates(
  ctx: GraphQLRequestContext,
  contracts: ContractsService,
  key: CustomerSku,
): Promise<ContractEntity[]> {
  return ctx.loaders
    .get('pricing.contractCandidates', (keys: readonly string[]) =>
      contracts.candidatesFor(keys.map((k) => JSON.parse(k) as CustomerSku)),
    )
    .load(JSON.stringify({ customerId: key.customerId, sku: key.sku }));
}
