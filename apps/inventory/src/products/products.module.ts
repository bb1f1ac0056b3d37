import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboundModule } from '../inbound/inbound.module';
import { StockModule } from '../stock/stock.module';
import { ProductEntity } from './product.entity';
import { ProductResolver } from './product.resolver';
import { ProductsService } from './products.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity]), StockModule, InboundModule],
  providers: [ProductsService, ProductResolver],
  exports: [ProductsService],
})
export class ProductsModule {}
