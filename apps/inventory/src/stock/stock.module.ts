import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboundPurchaseOrderEntity } from './inbound-purchase-order.entity';
import { StockEntity } from './stock.entity';
import { StockService } from './stock.service';

@Module({
  imports: [TypeOrmModule.forFeature([StockEntity, InboundPurchaseOrderEntity])],
  providers: [StockService],
  exports: [StockService],
})
export class StockModule {}
