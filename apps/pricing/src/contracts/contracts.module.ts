import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractEntity } from './contract.entity';
import { ContractResolver } from './contract.resolver';
import { ContractsService } from './contracts.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContractEntity])],
  providers: [ContractsService, ContractResolver],
  exports: [ContractsService],
})
export class ContractsModule {}
