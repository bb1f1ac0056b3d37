import type { SubgraphDefinition } from '@ordex/platform';
import { CustomerEntity } from './customers/customer.entity';
import { ShipToEntity } from './customers/ship-to.entity';
import { OrdersInit1764288000000 } from './migrations/1764288000000-orders-init';
import { OrderLineEntity } from './orders/order-line.entity';
import { OrderEntity } from './orders/order.entity';
import { OrdersAppModule } from './orders-app.module';
import { OrdersSchema } from './orders-schema.scope';

/** The orders subgraph: the order mirror (versions, lines, status, holds), customers and ship-tos. */
export const ordersSubgraph: SubgraphDefinition = {
  name: 'orders',
  defaultPort: 4001,
  module: OrdersAppModule,
  schemaScope: OrdersSchema,
  entities: [CustomerEntity, ShipToEntity, OrderEntity, OrderLineEntity],
  migrations: [OrdersInit1764288000000],
  partnerScoped: true,
};
