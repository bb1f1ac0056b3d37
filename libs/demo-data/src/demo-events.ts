import { createHash } from 'node:crypto';
import { createEvent, ERP_EVENTS, ErpEventPayloads, ErpEventType, EventEnvelope } from '@ordex/contracts';
import type { DemoDistributor } from './demo-distributor';

export const DEMO_SOURCE = 'ordex-demo-erp';

/**
 * What tells two events of one type and business key apart in the demo: a carrier reports its
 * capacity from a DC (the key) for many ship dates.
 */
const IDENTITY_BEYOND_KEY: { [K in ErpEventType]?: (payload: ErpEventPayloads[K]) => string } = {
  'erp.carrier.capacity-changed.v1': (p) => p.shipDate,
};

function erpEvent<K extends ErpEventType>(
  type: K,
  payload: ErpEventPayloads[K],
  time: string,
): EventEnvelope<ErpEventPayloads[K]> {
  const key = ERP_EVENTS[type].key(payload);
  const beyond = (IDENTITY_BEYOND_KEY[type] as ((p: ErpEventPayloads[K]) => string) | undefined)?.(payload);
  // Ids derive from the content's identity, so loading the demo twice publishes duplicates the
  // backbone recognises instead of new facts.
  const identity = beyond === undefined ? `${type}|${key}` : `${type}|${key}|${beyond}`;
  const id = `demo-${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
  return createEvent(type, key, payload, { source: DEMO_SOURCE, id, time });
}

/**
 * The ERP events that load a demo distributor, master data before what uses it: DCs, products,
 * carriers, customers, partners, routing rules, credit, contracts, stock, inbound purchase
 * orders, carrier capacity, then the orders.
 */
export function demoErpEvents(
  demo: DemoDistributor,
  time = '2026-11-27T06:00:00.000Z',
): EventEnvelope<unknown>[] {
  return [
    ...demo.distributionCenters.map((dc) => erpEvent('erp.dc.changed.v1', dc, time)),
    ...demo.products.map((p) => erpEvent('erp.product.changed.v1', p, time)),
    ...demo.carriers.map((c) => erpEvent('erp.carrier.changed.v2', c, time)),
    ...demo.customers.map((c) => erpEvent('erp.customer.changed.v1', c, time)),
    ...demo.partners.map((p) => erpEvent('erp.partner.changed.v1', p, time)),
    ...demo.routingRules.map((r) => erpEvent('erp.routing-rule.changed.v1', r, time)),
    ...demo.credit.map((c) => erpEvent('erp.credit.updated.v2', c, time)),
    ...demo.contracts.map((c) => erpEvent('erp.contract.changed.v1', c, time)),
    ...demo.stock.map((s) =>
      erpEvent('erp.stock.snapshot.v1', { dcCode: s.dcCode, asOf: time, levels: s.levels }, time),
    ),
    ...demo.inboundPurchaseOrders.map((po) => erpEvent('erp.purchase-order.eta-changed.v1', po, time)),
    ...demo.capacity.map((c) => erpEvent('erp.carrier.capacity-changed.v1', c, time)),
    ...demo.orders.map((o) => erpEvent('erp.order.created.v1', o, time)),
  ];
}
