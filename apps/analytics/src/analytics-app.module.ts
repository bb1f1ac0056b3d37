import { Module } from '@nestjs/common';
import { EventLogModule } from './event-log/event-log.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { KpisModule } from './kpis/kpis.module';

@Module({ imports: [EventLogModule, KpisModule, ErpIntakeModule] })
export class AnalyticsAppModule {}
