import { AnalyticsSchema } from './analytics-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { AnalyticsAppModule } from './analytics-app.module';
import { AnalyticsInit1764288000000 } from './migrations/1764288000000-analytics-init';
import { AnalyticsInsights1764374400000 } from './migrations/1764374400000-analytics-insights';
import { ProcessIntelligence1765670400000 } from './migrations/1765670400000-process-intelligence';
import { KpiLedger1765843200000 } from './migrations/1765843200000-kpi-ledger';
import { ModelRegistryArtifacts1765929600000 } from './migrations/1765929600000-model-registry-artifacts';
import { OrderOutcomes1766016000000 } from './migrations/1766016000000-order-outcomes';
import { ActionOutcomes1766102400000 } from './migrations/1766102400000-action-outcomes';
import { ActionOutcomeRankingInput1766534400000 } from './migrations/1766534400000-action-outcome-ranking-input';
import { ActionOutcomePrediction1766620800000 } from './migrations/1766620800000-action-outcome-prediction';
import { ModelVersionEntity } from './model-registry/model-version.entity';
import { RootCauseFindingEntity } from './root-causes/root-cause-finding.entity';
import { ProcessVariantEntity } from './variants/process-variant.entity';

/**
 * The analytics subgraph: the object-centric event log and KPI series, process maps and variants,
 * root-cause findings and the model registry.
 */
export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  defaultPort: 4006,
  module: AnalyticsAppModule,
  schemaScope: AnalyticsSchema,
  entities: [ProcessVariantEntity, RootCauseFindingEntity, ModelVersionEntity],
  migrations: [
    AnalyticsInit1764288000000,
    AnalyticsInsights1764374400000,
    ProcessIntelligence1765670400000,
    KpiLedger1765843200000,
    ModelRegistryArtifacts1765929600000,
    OrderOutcomes1766016000000,
    ActionOutcomes1766102400000,
    ActionOutcomeRankingInput1766534400000,
    ActionOutcomePrediction1766620800000,
  ],
};
