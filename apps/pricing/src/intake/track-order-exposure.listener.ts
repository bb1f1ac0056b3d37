import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope, Order } from '@ordex/contracts';
import { ErpIntake, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { OrderExposureService } from '../order-exposure/order-exposure.service';

/**
 * Keeps pricing's record of open orders current from the ERP's order events, for credit
 * exposure. Its own durable consumer: on first start it reads the ERP stream's order history
 * from the beginning, so the exposure of orders placed before pricing kept it is known too.
 */
@Injectable()
export class TrackOrderExposureListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly exposure: OrderExposureService,
  ) {}

  onModuleInit(): void {
    const versions = {
      batch: async (events: EventEnvelope<Order>[], tx: EntityManager) =>
        this.logIgnored(
          events,
          await this.exposure.applyOrderVersions(
            events.map((e) => e.data),
            tx,
          ),
        ),
    };
    this.intake.register('pricing-order-exposure', {
      'erp.order.created.v1': versions,
      'erp.order.changed.v1': versions,
      'erp.order.cancelled.v1': {
        batch: async (events, tx) =>
          this.logIgnored(
            events,
            await this.exposure.applyCancellations(
              events.map((e) => e.data),
              tx,
            ),
          ),
      },
    });
  }

  private logIgnored(events: EventEnvelope<{ orderNumber: string }>[], applied: Set<string>): void {
    for (const event of events) {
      if (!applied.has(event.data.orderNumber)) {
        this.logger.info(
          { eventId: event.id, type: event.type, orderNumber: event.data.orderNumber },
          'older order version ignored',
        );
      }
    }
  }
}
