import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionTablesModule } from '../decision-tables/decision-tables.module';
import { ApprovalAuthorityService } from './approval-authority.service';
import { ApprovalEntity } from './approval.entity';
import { ApprovalRequirementResolver } from './approval-requirement.resolver';
import { ApprovalsService } from './approvals.service';
import { CaseApprovalsResolver } from './case-approvals.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ApprovalEntity]), DecisionTablesModule],
  providers: [ApprovalsService, CaseApprovalsResolver, ApprovalAuthorityService, ApprovalRequirementResolver],
  exports: [ApprovalsService, ApprovalAuthorityService],
})
export class ApprovalsModule {}
