import { Module } from '@nestjs/common';
import { CapacityModule } from './capacity/capacity.module';
import { CarriersModule } from './carriers/carriers.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { ProductsModule } from './products/products.module';
import { RoutingModule } from './routing/routing.module';
import { ShipmentOptionsModule } from './shipment-options/shipment-options.module';

@Module({
  imports: [
    CarriersModule,
    CapacityModule,
    RoutingModule,
    ProductsModule,
    ShipmentOptionsModule,
    ErpIntakeModule,
  ],
})
export class LogisticsAppModule {}
