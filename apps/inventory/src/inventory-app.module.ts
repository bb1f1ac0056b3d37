import { Module } from '@nestjs/common';
import { DistributionCentersModule } from './distribution-centers/distribution-centers.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { OrderLinesModule } from './order-lines/order-lines.module';
import { ProductsModule } from './products/products.module';
import { StockModule } from './stock/stock.module';

@Module({
  imports: [ProductsModule, DistributionCentersModule, StockModule, OrderLinesModule, ErpIntakeModule],
})
export class InventoryAppModule {}
