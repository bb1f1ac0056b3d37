import { Module } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module';
import { RecordErpEventsListener } from './record-erp-events.listener';

@Module({ imports: [EventLogModule], providers: [RecordErpEventsListener] })
export class ErpIntakeModule {}
