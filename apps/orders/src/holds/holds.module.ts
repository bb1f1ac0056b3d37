import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ErpCommandEntity } from './erp-command.entity';
import { HoldAcknowledgementsService } from './hold-acknowledgements.service';
import { HoldCommandsResolver } from './hold-commands.resolver';
import { HoldRequestsService } from './hold-requests.service';
import { HoldsService } from './holds.service';
import { OrderHoldEntity } from './order-hold.entity';
import { OrderHoldsResolver } from './order-holds.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([OrderHoldEntity, ErpCommandEntity])],
  providers: [
    HoldsService,
    HoldRequestsService,
    HoldAcknowledgementsService,
    HoldCommandsResolver,
    OrderHoldsResolver,
  ],
  exports: [HoldAcknowledgementsService],
})
export class HoldsModule {}
