import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { OrderLineResolver } from './order-line.resolver';

@Module({ imports: [StockModule], providers: [OrderLineResolver] })
export class OrderLinesModule {}
