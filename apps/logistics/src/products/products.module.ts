import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductDimensionEntity } from './product-dimension.entity';
import { ProductDimensionsService } from './product-dimensions.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProductDimensionEntity])],
  providers: [ProductDimensionsService],
  exports: [ProductDimensionsService],
})
export class ProductsModule {}
