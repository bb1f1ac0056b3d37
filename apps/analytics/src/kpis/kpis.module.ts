import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KpiPointEntity } from './kpi-point.entity';
import { KpiResolver } from './kpi.resolver';
import { KpisService } from './kpis.service';

@Module({
  imports: [TypeOrmModule.forFeature([KpiPointEntity])],
  providers: [KpisService, KpiResolver],
  exports: [KpisService],
})
export class KpisModule {}
