import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DecisionTablesModule } from '../decision-tables/decision-tables.module';
import { SlaModule } from '../sla/sla.module';
import { ActionRankingService } from './action-ranking.service';
import { CaseAssessmentService } from './case-assessment.service';
import { ServiceRiskService } from './service-risk.service';
import { RuleVersionsService } from './rule-versions.service';
import { TaskPlannerService } from './task-planner.service';

/**
 * Routing and SLAs for tasks, priority and recommendations for cases, on the case's pinned tables;
 * the learned service-risk and action-outcome models where they may decide.
 */
@Module({
  imports: [AuditModule, DecisionTablesModule, SlaModule],
  providers: [
    RuleVersionsService,
    TaskPlannerService,
    CaseAssessmentService,
    ServiceRiskService,
    ActionRankingService,
  ],
  exports: [TaskPlannerService, CaseAssessmentService, RuleVersionsService, ServiceRiskService],
})
export class AssessmentModule {}
