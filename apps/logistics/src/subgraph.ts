import { LogisticsSchema } from './logistics-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { CapacitySlotEntity } from './capacity/capacity-slot.entity';
import { CarrierDepotEntity } from './carriers/carrier-depot.entity';
import { CarrierEntity } from './carriers/carrier.entity';
import { LaneEntity } from './carriers/lane.entity';
import { LogisticsAppModule } from './logistics-app.module';
import { LogisticsInit1764288000000 } from './migrations/1764288000000-logistics-init';
import { LogisticsShipmentOptions1764892800000 } from './migrations/1764892800000-logistics-shipment-options';
import { ProductDimensionEntity } from './products/product-dimension.entity';
import { RoutingRuleEntity } from './routing/routing-rule.entity';
import { OrderObject } from './shipment-options/order.object';
import { ShipmentPlanEntity } from './shipment-plans/shipment-plan.entity';

/**
 * The logistics subgraph: carriers with their depots and lanes, daily capacity, customer routing
 * rules, product weights, orders' shipment options and shipment plans.
 */
export const logisticsSubgraph: SubgraphDefinition = {
  name: 'logistics',
  defaultPort: 4004,
  module: LogisticsAppModule,
  schemaScope: LogisticsSchema,
  // Order is only extended here (shipmentOptions); no field of ours returns it.
  extendedTypes: [OrderObject],
  entities: [
    CarrierEntity,
    CarrierDepotEntity,
    LaneEntity,
    CapacitySlotEntity,
    RoutingRuleEntity,
    ProductDimensionEntity,
    ShipmentPlanEntity,
  ],
  migrations: [LogisticsInit1764288000000, LogisticsShipmentOptions1764892800000],
};
