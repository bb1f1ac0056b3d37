import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module';
import { AuditModule } from '../audit/audit.module';
import { EscalationScheduler } from './escalation-scheduler.service';
import { ESCALATION_SETTINGS, escalationSettingsFrom } from './escalation.settings';

/** The scheduler that runs every task's escalation ladder. */
@Module({
  imports: [AssessmentModule, AuditModule],
  providers: [
    { provide: ESCALATION_SETTINGS, useFactory: () => escalationSettingsFrom(process.env) },
    EscalationScheduler,
  ],
  exports: [EscalationScheduler],
})
export class EscalationModule {}
