import { createHash } from 'node:crypto';
import { createEvent, ERP_EVENTS, ErpEventPayloads, ErpEventType, EventEnvelope } from '@ordex/contracts';
import type { DemoDistributor } from './demo-distributor';

export const DEMO_SOURCE = 'ordex-demo-erp';

function erpEvent<K extends ErpEventType>(
  type: K,
  payload: ErpEventPayloads[K],
  time: string,
): EventEnvelope<ErpEventPayloads[K]> {
  const key = ERP_EVENTS[type].key(payload);
  // Ids derive from the content's key, so loading the demo twice publishes duplicates the
  // backbone recognises instead of new facts.
  const id = `demo-${createHash('sha256').update(`${type}|${key}`).digest('hex').slice(0, 32)}`;
  return createEvent(type, key, payload, { source: DEMO_SOURCE, id, time });
}

/** The ERP events that load a demo distributor, master data before the orders that use it. */
export function demoErpEvents(
  demo: DemoDistributor,
  time = '2026-11-27T06:00:00.000Z',
): EventEnvelope<unknown>[] {
  return [
    ...demo.distributionCenters.map((dc) => erpEvent('erp.dc.changed.v1', dc, time)),
    ...demo.products.map((p) => erpEvent('erp.product.changed.v1', p, time)),
    ...demo.carriers.map((c) => erpEvent('erp.carrier.changed.v1', c, time)),
    ...demo.customers.map((c) => erpEvent('erp.customer.changed.v1', c, time)),
    ...demo.partners.map((p) => erpEvent('erp.partner.changed.v1', p, time)),
    ...demo.credit.map((c) => erpEvent('erp.credit.updated.v1', c, time)),
    ...demo.contracts.map((c) => erpEvent('erp.contract.changed.v1', c, time)),
    ...demo.stock.map((s) =>
      erpEvent('erp.stock.snapshot.v1', { dcCode: s.dcCode, asOf: time, levels: s.levels }, time),
    ),
    ...demo.orders.map((o) => erpEvent('erp.order.created.v1', o, time)),
  ];
}
