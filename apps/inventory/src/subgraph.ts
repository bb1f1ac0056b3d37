import { OrderLineObject } from './order-lines/order-line.object';
import type { SubgraphDefinition } from '@ordex/platform';
import { DistributionCenterEntity } from './distribution-centers/distribution-center.entity';
import { InventoryAppModule } from './inventory-app.module';
import { InventorySchema } from './inventory-schema.scope';
import { InventoryInit1764288000000 } from './migrations/1764288000000-inventory-init';
import { InventoryVolumeAndClosedInbound1764892800000 } from './migrations/1764892800000-inventory-volume-and-closed-inbound';
import { ProductEntity } from './products/product.entity';
import { InboundPurchaseOrderEntity } from './inbound/inbound-purchase-order.entity';
import { StockSnapshotEntity } from './stock/stock-snapshot.entity';
import { StockEntity } from './stock/stock.entity';

/** The inventory subgraph: the product master, distribution centres, stock per SKU and DC, inbound purchase orders. */
export const inventorySubgraph: SubgraphDefinition = {
  name: 'inventory',
  defaultPort: 4002,
  module: InventoryAppModule,
  schemaScope: InventorySchema,
  extendedTypes: [OrderLineObject],
  entities: [
    ProductEntity,
    DistributionCenterEntity,
    StockEntity,
    StockSnapshotEntity,
    InboundPurchaseOrderEntity,
  ],
  migrations: [InventoryInit1764288000000, InventoryVolumeAndClosedInbound1764892800000],
};
