import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import { caseActivityRecord } from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';
import { ProcessFactsService } from '../facts/process-facts.service';

/** Writes every step of the cases service's work into the event log, once, and its exception facts. */
@Injectable()
export class RecordCaseActivityListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly eventLog: EventLogService,
    private readonly facts: ProcessFactsService,
  ) {}

  onModuleInit(): void {
    this.intake.registerDomain('analytics-case-activity', {
      'cases.activity.recorded.v1': async (_activity, event, tx) => {
        const record = caseActivityRecord(event);
        if (await this.eventLog.append(record, tx)) await this.facts.caseStep(tx, record);
      },
    });
  }
}
