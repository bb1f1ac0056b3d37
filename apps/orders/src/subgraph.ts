import type { SubgraphDefinition } from '@ordex/platform';
import { CustomerEntity } from './customers/customer.entity';
import { ShipToEntity } from './customers/ship-to.entity';
import { ErpCommandEntity } from './holds/erp-command.entity';
import { OrderHoldEntity } from './holds/order-hold.entity';
import { OrdersInit1764288000000 } from './migrations/1764288000000-orders-init';
import { OrdersHolds1764892800000 } from './migrations/1764892800000-orders-holds';
import { OrderNotes1766275200000 } from './migrations/1766275200000-order-notes';
import { OrderLineEntity } from './orders/order-line.entity';
import { OrderEntity } from './orders/order.entity';
import { OrdersAppModule } from './orders-app.module';
import { OrdersSchema } from './orders-schema.scope';

/**
 * The orders subgraph: the order mirror (versions, lines, status), the holds ordex asks the ERP
 * for with the commands that carry them, customers and ship-tos.
 */
export const ordersSubgraph: SubgraphDefinition = {
  name: 'orders',
  defaultPort: 4001,
  module: OrdersAppModule,
  schemaScope: OrdersSchema,
  entities: [CustomerEntity, ShipToEntity, OrderEntity, OrderLineEntity, OrderHoldEntity, ErpCommandEntity],
  migrations: [OrdersInit1764288000000, OrdersHolds1764892800000, OrderNotes1766275200000],
  partnerScoped: true,
};
