import { Module } from '@nestjs/common';
import { DistributionCentersModule } from '../distribution-centers/distribution-centers.module';
import { InboundModule } from '../inbound/inbound.module';
import { ProductsModule } from '../products/products.module';
import { StockModule } from '../stock/stock.module';
import { AvailableToPromiseResolver } from './available-to-promise.resolver';

@Module({
  imports: [ProductsModule, StockModule, InboundModule, DistributionCentersModule],
  providers: [AvailableToPromiseResolver],
})
export class AvailableToPromiseModule {}
