import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import { orderReceivedRecord } from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';

/** Writes the ERP's events into the event log, each once. */
@Injectable()
export class RecordErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly eventLog: EventLogService,
  ) {}

  onModuleInit(): void {
    this.intake.register('analytics-erp-intake', {
      'erp.order.created.v1': (_payload, event, tx) => this.eventLog.append(orderReceivedRecord(event), tx),
    });
  }
}
