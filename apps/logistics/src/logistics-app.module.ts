import { Module } from '@nestjs/common';
import { CapacityModule } from './capacity/capacity.module';
import { CarriersModule } from './carriers/carriers.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { RoutingModule } from './routing/routing.module';

@Module({ imports: [CarriersModule, CapacityModule, RoutingModule, ErpIntakeModule] })
export class LogisticsAppModule {}
