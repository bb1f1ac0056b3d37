import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalDecisionsService } from '../approvals/approval-decisions.service';
import { AssessmentModule } from '../assessment/assessment.module';
import { AuditModule } from '../audit/audit.module';
import { CustomerMessageService } from '../communication/customer-message.service';
import { CaseActionEntity } from './case-action.entity';
import { CaseActionsReader } from './case-actions.reader';
import { CaseActionsResolver } from './case-actions.resolver';
import { CaseActionsService } from './case-actions.service';
import { CaseProgressService } from './case-progress.service';
import { ExecutionCommandsService } from './execution-commands.service';
import { ExecutionDispatcher } from './execution-dispatcher.service';
import { EXECUTION_SETTINGS, executionSettingsFrom } from './execution.settings';
import { SettleActionWhenErpAcknowledgesListener } from './settle-action-when-erp-acknowledges.listener';

/** Acting on cases: taking recommendations, deciding approvals, commands to the ERP and their answers. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseActionEntity]), AuditModule, AssessmentModule],
  providers: [
    CustomerMessageService,
    CaseProgressService,
    ExecutionCommandsService,
    CaseActionsService,
    CaseActionsReader,
    ApprovalDecisionsService,
    CaseActionsResolver,
    SettleActionWhenErpAcknowledgesListener,
    { provide: EXECUTION_SETTINGS, useFactory: () => executionSettingsFrom(process.env) },
    ExecutionDispatcher,
  ],
  exports: [CaseActionsService, CaseProgressService, ExecutionCommandsService],
})
export class ActionsModule {}
