import { Module } from '@nestjs/common';
import { CreditAccountsModule } from '../credit-accounts/credit-accounts.module';
import { OrderExposureModule } from '../order-exposure/order-exposure.module';
import { OrderResolver } from './order.resolver';

@Module({ imports: [CreditAccountsModule, OrderExposureModule], providers: [OrderResolver] })
export class CreditChecksModule {}
