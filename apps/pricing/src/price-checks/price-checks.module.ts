import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { PriceListModule } from '../price-list/price-list.module';
import { OrderLineResolver } from './order-line.resolver';

@Module({ imports: [ContractsModule, PriceListModule], providers: [OrderLineResolver] })
export class PriceChecksModule {}
