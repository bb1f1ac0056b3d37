import { Module } from '@nestjs/common';
import { EventLogResolver } from './event-log.resolver';
import { EventLogService } from './event-log.service';

@Module({
  providers: [EventLogService, EventLogResolver],
  exports: [EventLogService],
})
export class EventLogModule {}
