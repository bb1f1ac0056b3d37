import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboundPurchaseOrderEntity } from './inbound-purchase-order.entity';
import { InboundPurchaseOrderResolver } from './inbound-purchase-order.resolver';
import { InboundService } from './inbound.service';

@Module({
  imports: [TypeOrmModule.forFeature([InboundPurchaseOrderEntity])],
  providers: [InboundService, InboundPurchaseOrderResolver],
  exports: [InboundService],
})
export class InboundModule {}
