import { Module } from '@nestjs/common';
import { ContractsModule } from './contracts/contracts.module';
import { CreditAccountsModule } from './credit-accounts/credit-accounts.module';
import { CreditChecksModule } from './credit-checks/credit-checks.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { OrderExposureModule } from './order-exposure/order-exposure.module';
import { PriceChecksModule } from './price-checks/price-checks.module';
import { PriceListModule } from './price-list/price-list.module';

@Module({
  imports: [
    ContractsModule,
    PriceListModule,
    CreditAccountsModule,
    OrderExposureModule,
    PriceChecksModule,
    CreditChecksModule,
    ErpIntakeModule,
  ],
})
export class PricingAppModule {}
