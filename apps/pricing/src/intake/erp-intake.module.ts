import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { CreditAccountsModule } from '../credit-accounts/credit-accounts.module';
import { PriceListModule } from '../price-list/price-list.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({
  imports: [ContractsModule, CreditAccountsModule, PriceListModule],
  providers: [ApplyErpEventsListener],
})
export class ErpIntakeModule {}
