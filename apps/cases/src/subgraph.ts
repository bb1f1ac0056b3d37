import { CasesSchema } from './cases-schema.scope';
import type { SubgraphDefinition } from '@ordex/platform';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CaseExceptionEntity } from './cases/case-exception.entity';
import { CaseEntity } from './cases/case.entity';
import { TaskEntity } from './cases/task.entity';
import { CasesAppModule } from './cases-app.module';
import { CasesInit1764288000000 } from './migrations/1764288000000-cases-init';

/** The cases subgraph: one case per order with its exceptions, team tasks and tamper-evident audit trail. */
export const casesSubgraph: SubgraphDefinition = {
  name: 'cases',
  defaultPort: 4005,
  module: CasesAppModule,
  schemaScope: CasesSchema,
  entities: [CaseEntity, CaseExceptionEntity, TaskEntity, AuditEntryEntity],
  migrations: [CasesInit1764288000000],
};
