import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalEntity } from './approval.entity';
import { ApprovalsService } from './approvals.service';
import { CaseApprovalsResolver } from './case-approvals.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ApprovalEntity])],
  providers: [ApprovalsService, CaseApprovalsResolver],
  exports: [ApprovalsService],
})
export class ApprovalsModule {}
