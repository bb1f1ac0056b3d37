import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope, Order } from '@ordex/contracts';
import { ErpIntake } from '@ordex/platform';
import type { EntityManager } from 'typeorm';
import { DETECTION_SETTINGS, type DetectionOptions } from './detection.settings';
import { Affected, EvaluationQueueService } from './evaluation-queue.service';

/**
 * Every ERP change that can raise or clear an exception asks for the orders it concerns to be
 * evaluated: order versions and cancellations, stock, inbound purchase orders, products,
 * contracts, credit, customers and their routing rules, carriers and their capacity, the ERP's
 * acknowledgements. The evaluation itself reads the graph (DetectionWorker), after a short delay
 * that lets the owning service apply the same event.
 */
@Injectable()
export class WatchForExceptionCausesListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly queue: EvaluationQueueService,
    @Inject(DETECTION_SETTINGS) private readonly settings: DetectionOptions,
  ) {}

  onModuleInit(): void {
    const on =
      <T>(affected: (payload: T) => Affected, what: (payload: T) => string) =>
      (payload: T, event: EventEnvelope<T>, tx: EntityManager) =>
        this.queue.request(
          tx,
          affected(payload),
          `${event.type}: ${what(payload)}`,
          this.settings.settleDelayMs,
        );
    this.intake.register('cases-detection', {
      'erp.order.created.v1': { batch: (events, tx) => this.watch(events, tx) },
      'erp.order.changed.v1': { batch: (events, tx) => this.watch(events, tx) },
      'erp.order.cancelled.v1': (payload, event, tx) =>
        this.queue.orderCancelled(
          payload.orderNumber,
          payload.erpVersion,
          `${event.type}: ${payload.orderNumber} v${payload.erpVersion}`,
          this.settings.settleDelayMs,
          tx,
        ),
      'erp.stock.adjusted.v1': on(
        (p) => ({ sku: p.sku }),
        (p) => `${p.sku} at ${p.dcCode}`,
      ),
      'erp.stock.snapshot.v1': on(
        () => ({ allOpen: true }),
        (p) => `every level at ${p.dcCode}`,
      ),
      'erp.purchase-order.eta-changed.v1': on(
        (p) => ({ sku: p.sku }),
        (p) => `${p.id}: ${p.quantity} × ${p.sku} at ${p.dcCode} by ${p.eta}`,
      ),
      'erp.product.changed.v1': on(
        (p) => ({ sku: p.sku }),
        (p) => p.sku,
      ),
      'erp.contract.changed.v1': on(
        (p) => ({ customerId: p.customerId }),
        (p) => `${p.id} of ${p.customerId}`,
      ),
      'erp.credit.updated.v2': on(
        (p) => ({ customerId: p.customerId }),
        (p) => p.customerId,
      ),
      'erp.customer.changed.v1': on(
        (p) => ({ customerId: p.customer.id }),
        (p) => p.customer.id,
      ),
      'erp.routing-rule.changed.v1': on(
        (p) => ({ customerId: p.customerId }),
        (p) => p.customerId,
      ),
      'erp.carrier.changed.v2': on(
        () => ({ allOpen: true }),
        (p) => p.carrier.code,
      ),
      'erp.carrier.capacity-changed.v1': on(
        (p) => ({ requestedDate: p.shipDate }),
        (p) => `${p.carrierCode} at ${p.dcCode} on ${p.shipDate}`,
      ),
      'erp.dc.changed.v1': on(
        () => ({ allOpen: true }),
        (p) => p.code,
      ),
      'erp.command.acknowledged.v1': (payload, event, tx) =>
        payload.orderNumber
          ? this.queue.request(
              tx,
              { orderNumber: payload.orderNumber },
              `${event.type}: ${payload.commandType} ${payload.outcome}`,
              this.settings.settleDelayMs,
            )
          : Promise.resolve(),
    });
  }

  private watch(events: EventEnvelope<Order>[], tx: EntityManager): Promise<void> {
    return this.queue.watchOrders(
      events.map((e) => ({
        order: e.data,
        reason: `${e.type}: ${e.data.orderNumber} v${e.data.erpVersion}`,
      })),
      this.settings.settleDelayMs,
      tx,
    );
  }
}
