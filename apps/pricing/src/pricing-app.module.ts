import { Module } from '@nestjs/common';
import { ContractsModule } from './contracts/contracts.module';
import { CreditAccountsModule } from './credit-accounts/credit-accounts.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { PriceChecksModule } from './price-checks/price-checks.module';
import { PriceListModule } from './price-list/price-list.module';

@Module({
  imports: [ContractsModule, PriceListModule, CreditAccountsModule, PriceChecksModule, ErpIntakeModule],
})
export class PricingAppModule {}
