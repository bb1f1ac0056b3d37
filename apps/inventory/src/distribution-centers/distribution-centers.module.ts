import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistributionCenterEntity } from './distribution-center.entity';
import { DistributionCenterResolver } from './distribution-center.resolver';
import { DistributionCentersService } from './distribution-centers.service';

@Module({
  imports: [TypeOrmModule.forFeature([DistributionCenterEntity])],
  providers: [DistributionCentersService, DistributionCenterResolver],
  exports: [DistributionCentersService],
})
export class DistributionCentersModule {}
