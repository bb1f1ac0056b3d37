import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createEvent } from '@ordex/contracts';
import { enqueueEvent, ErpIntake, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import { CustomersService } from '../customers/customers.service';
import { OrdersService } from '../orders/orders.service';

/**
 * Keeps the order mirror and the customer master current from the ERP's events, and tells the
 * other services about each order version it mirrors (through the outbox, in the same transaction).
 */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly customers: CustomersService,
    private readonly orders: OrdersService,
  ) {}

  onModuleInit(): void {
    this.intake.register('orders-erp-intake', {
      'erp.customer.changed.v1': (payload, _event, tx) => this.customers.applyCustomerChanged(payload, tx),
      'erp.order.created.v1': async (payload, event, tx) => {
        const outcome = await this.orders.applyOrderVersion(payload, tx);
        if (outcome === 'stale') {
          this.logger.info(
            { eventId: event.id, orderNumber: payload.orderNumber },
            'older order version ignored',
          );
          return;
        }
        const mirrored = createEvent(`orders.order.${outcome}.v1`, payload.orderNumber, payload, {
          source: 'ordex.orders',
          correlationId: event.correlationid,
          causationId: event.id,
        });
        await enqueueEvent(tx, mirrored);
      },
    });
  }
}
