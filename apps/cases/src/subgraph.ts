import { CasesSchema } from './cases-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { CaseActionEntity } from './actions/case-action.entity';
import { ExecutionCommandEntity } from './actions/execution-command.entity';
import { ApprovalEntity } from './approvals/approval.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CaseExceptionEntity } from './cases/case-exception.entity';
import { CaseEntity } from './cases/case.entity';
import { TaskEntity } from './cases/task.entity';
import { CasesAppModule } from './cases-app.module';
import { DecisionTableEntity } from './decision-tables/decision-table.entity';
import { CasesInit1764288000000 } from './migrations/1764288000000-cases-init';
import { CaseCustomer1764633600001 } from './migrations/1764633600001-case-customer';
import { WebhookDelivery1764633600002 } from './migrations/1764633600002-webhook-delivery';
import { ApprovalAuthority1764633600003 } from './migrations/1764633600003-approval-authority';
import { CasesGovernance1764374400000 } from './migrations/1764374400000-cases-governance';
import { CaseDetection1764979200000 } from './migrations/1764979200000-case-detection';
import { CaseAssessment1765065600000 } from './migrations/1765065600000-case-assessment';
import { CaseActions1765152000000 } from './migrations/1765152000000-case-actions';
import { CaseCommunication1765238400000 } from './migrations/1765238400000-case-communication';
import { ExecutionDispatch1765324800000 } from './migrations/1765324800000-execution-dispatch';
import { WebhookReplay1765411200000 } from './migrations/1765411200000-webhook-replay';
import { CaseReopenedAt1765497600000 } from './migrations/1765497600000-case-reopened-at';
import { ApprovalWithdrawn1765584000000 } from './migrations/1765584000000-approval-withdrawn';
import { CaseServiceRisk1765843200000 } from './migrations/1765843200000-case-service-risk';
import { ActionRanking1766188800000 } from './migrations/1766188800000-action-ranking';
import { CaseNoteTriage1766361600000 } from './migrations/1766361600000-case-note-triage';
import { RecommendationRankingInput1766448000000 } from './migrations/1766448000000-recommendation-ranking-input';
import { RecommendationEntity } from './recommendations/recommendation.entity';
import { BusinessCalendarEntity } from './sla/business-calendar.entity';
import { EscalationEntity } from './sla/escalation.entity';
import { WebhookSubscriptionEntity } from './webhooks/webhook-subscription.entity';

/**
 * The cases subgraph: one case per order with its exceptions, team tasks, recommendations,
 * approvals and tamper-evident audit trail; the decision tables and partners' webhook subscriptions.
 */
export const casesSubgraph: SubgraphDefinition = {
  name: 'cases',
  defaultPort: 4005,
  module: CasesAppModule,
  schemaScope: CasesSchema,
  entities: [
    CaseEntity,
    CaseExceptionEntity,
    TaskEntity,
    AuditEntryEntity,
    RecommendationEntity,
    ApprovalEntity,
    DecisionTableEntity,
    WebhookSubscriptionEntity,
    BusinessCalendarEntity,
    EscalationEntity,
    CaseActionEntity,
    ExecutionCommandEntity,
  ],
  migrations: [
    CasesInit1764288000000,
    CasesGovernance1764374400000,
    CaseCustomer1764633600001,
    WebhookDelivery1764633600002,
    ApprovalAuthority1764633600003,
    CaseDetection1764979200000,
    CaseAssessment1765065600000,
    CaseActions1765152000000,
    CaseCommunication1765238400000,
    ExecutionDispatch1765324800000,
    WebhookReplay1765411200000,
    CaseReopenedAt1765497600000,
    ApprovalWithdrawn1765584000000,
    CaseServiceRisk1765843200000,
    ActionRanking1766188800000,
    CaseNoteTriage1766361600000,
    RecommendationRankingInput1766448000000,
  ],
  partnerScoped: true,
  readsGraph: true,
};
