import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import {
  commandAcknowledgedRecord,
  ERP_ACTIVITIES,
  orderCancelledRecord,
  orderVersionRecord,
} from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';
import { ProcessFactsService } from '../facts/process-facts.service';

/**
 * Writes the ERP's events into the event log (each once) and keeps the order facts and the
 * customer and product dimensions that process intelligence slices by.
 */
@Injectable()
export class RecordErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly eventLog: EventLogService,
    private readonly facts: ProcessFactsService,
  ) {}

  onModuleInit(): void {
    this.intake.register('analytics-erp-intake', {
      'erp.order.created.v1': async (order, event, tx) => {
        await this.eventLog.append(orderVersionRecord(event, ERP_ACTIVITIES.created), tx);
        await this.facts.orderVersion(tx, order, new Date(event.time));
      },
      'erp.order.changed.v1': async (order, event, tx) => {
        await this.eventLog.append(orderVersionRecord(event, ERP_ACTIVITIES.changed), tx);
        await this.facts.orderVersion(tx, order, new Date(event.time));
      },
      'erp.order.cancelled.v1': async (cancelled, event, tx) => {
        await this.eventLog.append(orderCancelledRecord(event), tx);
        await this.facts.orderCancelled(tx, cancelled.orderNumber, new Date(cancelled.cancelledAt));
      },
      'erp.command.acknowledged.v1': async (_ack, event, tx) => {
        await this.eventLog.append(commandAcknowledgedRecord(event), tx);
      },
      'erp.customer.changed.v1': (changed, _event, tx) => this.facts.customerChanged(tx, changed),
      'erp.product.changed.v1': (product, _event, tx) => this.facts.productChanged(tx, product),
    });
  }
}
