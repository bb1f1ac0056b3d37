import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventLogEntryEntity } from './event-log-entry.entity';
import { EventLogResolver } from './event-log.resolver';
import { EventLogService } from './event-log.service';

@Module({
  imports: [TypeOrmModule.forFeature([EventLogEntryEntity])],
  providers: [EventLogService, EventLogResolver],
  exports: [EventLogService],
})
export class EventLogModule {}
