import { Module } from '@nestjs/common';
import { triageFromEnv } from '@ordex/decision';
import { AuditModule } from '../audit/audit.module';
import { NoteTriageService } from './note-triage.service';
import { NOTE_TRIAGE_SETTINGS, noteTriageSettingsFrom, TEXT_TRIAGE } from './note-triage.settings';

/** Order notes read into the exception taxonomy, so each note reaches the team that owns it. */
@Module({
  imports: [AuditModule],
  providers: [
    { provide: TEXT_TRIAGE, useFactory: () => triageFromEnv(process.env) },
    { provide: NOTE_TRIAGE_SETTINGS, useFactory: () => noteTriageSettingsFrom(process.env) },
    NoteTriageService,
  ],
  exports: [NoteTriageService],
})
export class NoteTriageModule {}
