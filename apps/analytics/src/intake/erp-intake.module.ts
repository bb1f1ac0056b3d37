import { Module } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module';
import { FactsModule } from '../facts/facts.module';
import { RecordCaseActivityListener } from './record-case-activity.listener';
import { RecordErpEventsListener } from './record-erp-events.listener';

@Module({
  imports: [EventLogModule, FactsModule],
  providers: [RecordErpEventsListener, RecordCaseActivityListener],
})
export class ErpIntakeModule {}
