import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BusinessCalendarEntity } from './business-calendar.entity';
import { BusinessCalendarResolver } from './business-calendar.resolver';
import { BusinessCalendarsService } from './business-calendars.service';

/** Business calendars per DC region: what SLA deadlines count on. */
@Module({
  imports: [TypeOrmModule.forFeature([BusinessCalendarEntity]), AuditModule],
  providers: [BusinessCalendarsService, BusinessCalendarResolver],
  exports: [BusinessCalendarsService],
})
export class SlaModule {}
