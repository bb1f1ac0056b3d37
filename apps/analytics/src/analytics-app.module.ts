import { Module } from '@nestjs/common';
import { EventLogModule } from './event-log/event-log.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { KpisModule } from './kpis/kpis.module';
import { ModelRegistryModule } from './model-registry/model-registry.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { OversightModule } from './oversight/oversight.module';
import { ProcessMapModule } from './process-map/process-map.module';
import { RootCausesModule } from './root-causes/root-causes.module';
import { VariantsModule } from './variants/variants.module';

@Module({
  imports: [
    EventLogModule,
    KpisModule,
    ErpIntakeModule,
    ProcessMapModule,
    VariantsModule,
    RootCausesModule,
    ModelRegistryModule,
    OversightModule,
    OutcomesModule,
  ],
})
export class AnalyticsAppModule {}
