import { CustomerObject } from './credit-accounts/customer.object';
import { OrderLineObject } from './price-checks/order-line.object';
import type { SubgraphDefinition } from '@ordex/platform';
import { ContractEntity } from './contracts/contract.entity';
import { CreditAccountEntity } from './credit-accounts/credit-account.entity';
import { PricingInit1764288000000 } from './migrations/1764288000000-pricing-init';
import { PricingCreditOverdueAmount1764374400000 } from './migrations/1764374400000-pricing-credit-overdue-amount';
import { PriceListEntryEntity } from './price-list/price-list-entry.entity';
import { PricingAppModule } from './pricing-app.module';
import { PricingSchema } from './pricing-schema.scope';

/** The pricing subgraph: customer contracts, the price list and credit accounts; checks each order line's price. */
export const pricingSubgraph: SubgraphDefinition = {
  name: 'pricing',
  defaultPort: 4003,
  module: PricingAppModule,
  schemaScope: PricingSchema,
  extendedTypes: [OrderLineObject, CustomerObject],
  entities: [ContractEntity, PriceListEntryEntity, CreditAccountEntity],
  migrations: [PricingInit1764288000000, PricingCreditOverdueAmount1764374400000],
};
