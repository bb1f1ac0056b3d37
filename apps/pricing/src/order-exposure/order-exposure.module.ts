import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderExposureEntity } from './order-exposure.entity';
import { OrderExposureService } from './order-exposure.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrderExposureEntity])],
  providers: [OrderExposureService],
  exports: [OrderExposureService],
})
export class OrderExposureModule {}
