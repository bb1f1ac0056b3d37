import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { CarriersModule } from '../carriers/carriers.module';
import { ProductsModule } from '../products/products.module';
import { RoutingModule } from '../routing/routing.module';
import { ShipmentOptionsResolver } from './shipment-options.resolver';

@Module({
  imports: [CarriersModule, CapacityModule, RoutingModule, ProductsModule],
  providers: [ShipmentOptionsResolver],
})
export class ShipmentOptionsModule {}
