import type { SubgraphDefinition } from '@ordex/platform';
import { ContractEntity } from './contracts/contract.entity';
import { CreditAccountEntity } from './credit-accounts/credit-account.entity';
import { CustomerObject } from './credit-accounts/customer.object';
import { OrderObject } from './credit-checks/order.object';
import { PricingInit1764288000000 } from './migrations/1764288000000-pricing-init';
import { PricingCreditOverdueAmount1764374400000 } from './migrations/1764374400000-pricing-credit-overdue-amount';
import { PricingOrderExposure1764892800000 } from './migrations/1764892800000-pricing-order-exposure';
import { OrderExposureEntity } from './order-exposure/order-exposure.entity';
import { OrderLineObject } from './price-checks/order-line.object';
import { PriceListEntryEntity } from './price-list/price-list-entry.entity';
import { PricingAppModule } from './pricing-app.module';
import { PricingSchema } from './pricing-schema.scope';

/**
 * The pricing subgraph: customer contracts, the price list, credit accounts and open-order
 * exposure; checks each order line's price and each order's credit.
 */
export const pricingSubgraph: SubgraphDefinition = {
  name: 'pricing',
  defaultPort: 4003,
  module: PricingAppModule,
  schemaScope: PricingSchema,
  extendedTypes: [OrderLineObject, OrderObject, CustomerObject],
  entities: [ContractEntity, PriceListEntryEntity, CreditAccountEntity, OrderExposureEntity],
  migrations: [
    PricingInit1764288000000,
    PricingCreditOverdueAmount1764374400000,
    PricingOrderExposure1764892800000,
  ],
};
