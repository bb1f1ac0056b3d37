import { AnalyticsSchema } from './analytics-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { AnalyticsAppModule } from './analytics-app.module';
import { EventLogEntryEntity } from './event-log/event-log-entry.entity';
import { KpiPointEntity } from './kpis/kpi-point.entity';
import { AnalyticsInit1764288000000 } from './migrations/1764288000000-analytics-init';

/** The analytics subgraph: the object-centric event log and KPI series. */
export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  defaultPort: 4006,
  module: AnalyticsAppModule,
  schemaScope: AnalyticsSchema,
  entities: [EventLogEntryEntity, KpiPointEntity],
  migrations: [AnalyticsInit1764288000000],
};
