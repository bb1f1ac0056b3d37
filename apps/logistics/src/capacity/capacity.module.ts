import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CapacitySlotEntity } from './capacity-slot.entity';
import { CapacityResolver } from './capacity.resolver';
import { CapacityService } from './capacity.service';

@Module({
  imports: [TypeOrmModule.forFeature([CapacitySlotEntity])],
  providers: [CapacityService, CapacityResolver],
  exports: [CapacityService],
})
export class CapacityModule {}
