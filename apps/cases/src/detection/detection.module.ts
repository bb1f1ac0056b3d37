import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { AuditModule } from '../audit/audit.module';
import { NoteTriageModule } from '../triage/note-triage.module';
import { CaseReconcilerService } from './case-reconciler.service';
import { DetectionWorker } from './detection-worker.service';
import { DETECTION_SETTINGS, detectionSettingsFrom } from './detection.settings';
import { EvaluationQueueService } from './evaluation-queue.service';
import { WatchForExceptionCausesListener } from './watch-for-exception-causes.listener';

/**
 * Exception detection: what triggers an evaluation, the durable work list, the worker, the case
 * reconciler (which keeps each case's triage of its order's notes current).
 */
@Module({
  imports: [AuditModule, AssessmentModule, ActionsModule, NoteTriageModule],
  providers: [
    { provide: DETECTION_SETTINGS, useFactory: () => detectionSettingsFrom(process.env) },
    EvaluationQueueService,
    CaseReconcilerService,
    WatchForExceptionCausesListener,
    DetectionWorker,
  ],
  exports: [EvaluationQueueService, DetectionWorker],
})
export class DetectionModule {}
