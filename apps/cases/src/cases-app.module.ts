import { Module } from '@nestjs/common';
import { BacktestModule } from './backtest/backtest.module';
import { ActionsModule } from './actions/actions.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { DecisionTablesModule } from './decision-tables/decision-tables.module';
import { DetectionModule } from './detection/detection.module';
import { EscalationModule } from './escalation/escalation.module';
import { WorkflowHealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { QueuesModule } from './queues/queues.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { SlaModule } from './sla/sla.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    CasesModule,
    AuditModule,
    RecommendationsModule,
    ApprovalsModule,
    DecisionTablesModule,
    WebhooksModule,
    LiveModule,
    DetectionModule,
    SlaModule,
    EscalationModule,
    ActionsModule,
    QueuesModule,
    WorkflowHealthModule,
    BacktestModule,
  ],
})
export class CasesAppModule {}
