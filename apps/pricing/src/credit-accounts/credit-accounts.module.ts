import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderExposureModule } from '../order-exposure/order-exposure.module';
import { CreditAccountEntity } from './credit-account.entity';
import { CreditAccountResolver } from './credit-account.resolver';
import { CreditAccountsService } from './credit-accounts.service';
import { CustomerResolver } from './customer.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([CreditAccountEntity]), OrderExposureModule],
  providers: [CreditAccountsService, CreditAccountResolver, CustomerResolver],
  exports: [CreditAccountsService],
})
export class CreditAccountsModule {}
