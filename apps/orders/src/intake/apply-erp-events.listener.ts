import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandAcknowledgement, createEvent, DomainEventType, EventEnvelope, Order } from '@ordex/contracts';
import { enqueueEvent, enqueueEvents, ErpIntake, PermanentEventError, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { CustomersService } from '../customers/customers.service';
import { HoldAcknowledgementsService } from '../holds/hold-acknowledgements.service';
import { orderNotesToKeep } from '../orders/domain/order-notes.util';
import { OrdersService } from '../orders/orders.service';

/**
 * Keeps the order mirror and the customer master current from the ERP's events, tells the other
 * services about each order version it mirrors (through the outbox, in the same transaction), and
 * settles the hold commands orders sent with the ERP's acknowledgements.
 */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly customers: CustomersService,
    private readonly orders: OrdersService,
    private readonly holdAcks: HoldAcknowledgementsService,
  ) {}

  onModuleInit(): void {
    this.intake.register('orders-erp-intake', {
      'erp.customer.changed.v1': (payload, _event, tx) => this.customers.applyCustomerChanged(payload, tx),
      'erp.order.created.v1': { batch: (events, tx) => this.mirrorVersions(events, tx) },
      'erp.order.changed.v1': { batch: (events, tx) => this.mirrorVersions(events, tx) },
      'erp.order.cancelled.v1': async (payload, event, tx) => {
        const outcome = await this.orders.applyCancellation(payload, tx);
        if (outcome === 'unknown') throw new PermanentEventError(`unknown order ${payload.orderNumber}`);
        if (outcome === 'cancelled') {
          await enqueueEvent(
            tx,
            this.derived('orders.order.cancelled.v1', payload.orderNumber, payload, event),
          );
        }
      },
      'erp.command.acknowledged.v1': (payload, event, tx) => this.settleCommand(payload, event, tx),
    });
  }

  /** Settles a command orders sent, and its hold, with the ERP's answer. */
  private async settleCommand(
    ack: CommandAcknowledgement,
    event: EventEnvelope<CommandAcknowledgement>,
    tx: EntityManager,
  ): Promise<void> {
    const applied = await this.holdAcks.apply(ack, tx);
    const context = { eventId: event.id, commandId: ack.commandId, ...applied };
    if (applied.outcome === 'unknown') {
      this.logger.debug(context, 'acknowledgement of a command orders did not send ignored');
    } else if (applied.outcome === 'duplicate') {
      this.logger.info(context, 'acknowledgement of an already acknowledged command ignored');
    } else if (applied.outcome === 'out-of-step') {
      this.logger.warn(context, 'command acknowledged, but its hold was not waiting for it: hold unchanged');
    }
  }

  /** Mirrors order versions (one per order) and queues an order event for each one that was new. */
  private async mirrorVersions(events: EventEnvelope<Order>[], tx: EntityManager): Promise<void> {
    const outcomes = await this.orders.applyOrderVersions(
      events.map((event) => event.data),
      tx,
    );
    const derived: EventEnvelope<Order>[] = [];
    for (const event of events) {
      const order = event.data;
      const outcome = outcomes.get(order.orderNumber);
      if (outcome === 'stale') {
        this.logger.info(
          { eventId: event.id, orderNumber: order.orderNumber },
          'older order version ignored',
        );
      } else if (outcome) {
        // The version as mirrored: other services read the notes orders keeps, not the ERP's raw
        // text. A version without notes is passed on as it came (no `notes` key added).
        const mirrored =
          order.notes === undefined ? order : { ...order, notes: orderNotesToKeep(order.notes) };
        derived.push(this.derived(`orders.order.${outcome}.v1`, order.orderNumber, mirrored, event));
      }
    }
    await enqueueEvents(tx, derived);
  }

  /** An event of ours caused by an ERP event: same correlation, caused by it. */
  private derived<T>(
    type: DomainEventType,
    key: string,
    data: T,
    cause: EventEnvelope<unknown>,
  ): EventEnvelope<T> {
    return createEvent(type, key, data, {
      source: 'ordex.orders',
      correlationId: cause.correlationid,
      causationId: cause.id,
    });
  }
}
