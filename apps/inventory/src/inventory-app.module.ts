import { Module } from '@nestjs/common';
import { AvailableToPromiseModule } from './available-to-promise/available-to-promise.module';
import { DistributionCentersModule } from './distribution-centers/distribution-centers.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { InboundModule } from './inbound/inbound.module';
import { OrderLinesModule } from './order-lines/order-lines.module';
import { ProductsModule } from './products/products.module';
import { StockModule } from './stock/stock.module';

@Module({
  imports: [
    ProductsModule,
    DistributionCentersModule,
    StockModule,
    InboundModule,
    AvailableToPromiseModule,
    OrderLinesModule,
    ErpIntakeModule,
  ],
})
export class InventoryAppModule {}
