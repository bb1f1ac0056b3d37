import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditAccountEntity } from './credit-account.entity';
import { CreditAccountResolver } from './credit-account.resolver';
import { CreditAccountsService } from './credit-accounts.service';
import { CustomerResolver } from './customer.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([CreditAccountEntity])],
  providers: [CreditAccountsService, CreditAccountResolver, CustomerResolver],
  exports: [CreditAccountsService],
})
export class CreditAccountsModule {}
