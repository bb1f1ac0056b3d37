import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { CreditAccountsModule } from '../credit-accounts/credit-accounts.module';
import { OrderExposureModule } from '../order-exposure/order-exposure.module';
import { PriceListModule } from '../price-list/price-list.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';
import { TrackOrderExposureListener } from './track-order-exposure.listener';

@Module({
  imports: [ContractsModule, CreditAccountsModule, PriceListModule, OrderExposureModule],
  providers: [ApplyErpEventsListener, TrackOrderExposureListener],
})
export class ErpIntakeModule {}
