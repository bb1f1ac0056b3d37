import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { CarriersModule } from '../carriers/carriers.module';
import { ProductsModule } from '../products/products.module';
import { RoutingModule } from '../routing/routing.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({
  imports: [CarriersModule, CapacityModule, RoutingModule, ProductsModule],
  providers: [ApplyErpEventsListener],
})
export class ErpIntakeModule {}
