import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseExceptionEntity } from './case-exception.entity';
import { CaseEntity } from './case.entity';
import { CaseResolver } from './case.resolver';
import { CasesService } from './cases.service';
import { OrderResolver } from './order.resolver';
import { TaskEntity } from './task.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseExceptionEntity, TaskEntity])],
  providers: [CasesService, CaseResolver, OrderResolver],
  exports: [CasesService],
})
export class CasesModule {}
