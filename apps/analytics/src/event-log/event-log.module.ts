import { Module } from '@nestjs/common';
import { EventLogResolver } from './event-log.resolver';
import { EventLogService } from './event-log.service';
import { OcelExportService } from './ocel-export.service';

@Module({
  providers: [EventLogService, OcelExportService, EventLogResolver],
  exports: [EventLogService],
})
export class EventLogModule {}
