import { Module } from '@nestjs/common';
import { InboundModule } from '../inbound/inbound.module';
import { ProductsModule } from '../products/products.module';
import { StockModule } from '../stock/stock.module';
import { OrderLineResolver } from './order-line.resolver';

@Module({ imports: [StockModule, InboundModule, ProductsModule], providers: [OrderLineResolver] })
export class OrderLinesModule {}
