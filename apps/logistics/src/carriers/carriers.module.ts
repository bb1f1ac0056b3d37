import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarrierDepotEntity } from './carrier-depot.entity';
import { CarrierEntity } from './carrier.entity';
import { CarrierResolver } from './carrier.resolver';
import { CarriersService } from './carriers.service';
import { LaneEntity } from './lane.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CarrierEntity, LaneEntity, CarrierDepotEntity])],
  providers: [CarriersService, CarrierResolver],
  exports: [CarriersService],
})
export class CarriersModule {}
