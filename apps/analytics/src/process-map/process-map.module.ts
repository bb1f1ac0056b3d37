import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventLogEntryEntity } from '../event-log/event-log-entry.entity';
import { ProcessMapResolver } from './process-map.resolver';
import { ProcessMapService } from './process-map.service';

@Module({
  imports: [TypeOrmModule.forFeature([EventLogEntryEntity])],
  providers: [ProcessMapService, ProcessMapResolver],
  exports: [ProcessMapService],
})
export class ProcessMapModule {}
