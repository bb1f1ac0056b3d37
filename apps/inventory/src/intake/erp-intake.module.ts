import { Module } from '@nestjs/common';
import { DistributionCentersModule } from '../distribution-centers/distribution-centers.module';
import { InboundModule } from '../inbound/inbound.module';
import { ProductsModule } from '../products/products.module';
import { StockModule } from '../stock/stock.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({
  imports: [ProductsModule, DistributionCentersModule, StockModule, InboundModule],
  providers: [ApplyErpEventsListener],
})
export class ErpIntakeModule {}
