import { LogisticsSchema } from './logistics-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { CapacitySlotEntity } from './capacity/capacity-slot.entity';
import { CarrierEntity } from './carriers/carrier.entity';
import { LaneEntity } from './carriers/lane.entity';
import { LogisticsAppModule } from './logistics-app.module';
import { LogisticsInit1764288000000 } from './migrations/1764288000000-logistics-init';
import { RoutingRuleEntity } from './routing/routing-rule.entity';
import { ShipmentPlanEntity } from './shipment-plans/shipment-plan.entity';

/** The logistics subgraph: carriers and their lanes, daily capacity, customer routing rules, shipment plans. */
export const logisticsSubgraph: SubgraphDefinition = {
  name: 'logistics',
  defaultPort: 4004,
  module: LogisticsAppModule,
  schemaScope: LogisticsSchema,
  entities: [CarrierEntity, LaneEntity, CapacitySlotEntity, RoutingRuleEntity, ShipmentPlanEntity],
  migrations: [LogisticsInit1764288000000],
};
