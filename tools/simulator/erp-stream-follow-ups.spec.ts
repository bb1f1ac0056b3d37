import { ExceptionCategory, type Order, type OrderCancelled } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { erpEventStream } from './erp-stream';
import type { SimulatedEvent } from './stream-options';

const demo = buildDemoDistributor(DEMO_SIZES.small, 42);
const shares = { changeShare: 0.2, cancelShare: 0.05, duplicateShare: 0.04, resendShare: 0.25 };

function sample(orders: number): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  const included = new Set<string>();
  let cutoff = Infinity;
  for (const event of erpEventStream({ seed: 5, demo, start: '2026-11-02', ...shares })) {
    if (event.label && included.size < orders) included.add(event.label.orderNumber);
    if (event.label && included.size === orders && cutoff === Infinity) cutoff = event.at + 14 * 86_400_000;
    if (event.at > cutoff) break;
    if (!event.orderNumber || included.has(event.orderNumber)) events.push(event);
  }
  return events;
}

const within = (hits: number, n: number, p: number) =>
  Math.abs(hits / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n) + 1 / n;

describe('order changes, cancellations, duplicates and re-sends', () => {
  const events = sample(3000);
  const byOrder = new Map<string, SimulatedEvent[]>();
  for (const e of events)
    if (e.orderNumber) byOrder.set(e.orderNumber, [...(byOrder.get(e.orderNumber) ?? []), e]);
  const orders = events.filter((e) => e.label);
  const count = (kind: string) => events.filter((e) => e.kind === kind).length;

  it('re-sends an event id as a duplicate at its share, with the same payload', () => {
    const sent = new Map<string, SimulatedEvent>();
    const orderEvents = events.filter((e) =>
      ['order', 'change', 'cancel', 'ship', 'late-first-version'].includes(e.kind),
    );
    for (const e of events) {
      if (e.kind === 'duplicate') {
        const original = sent.get(e.event.id);
        expect(original).toBeDefined();
        expect(e.event.data).toEqual(original!.event.data);
        expect(e.at).toBeGreaterThanOrEqual(original!.at);
      } else {
        expect(sent.has(e.event.id)).toBe(false);
        sent.set(e.event.id, e);
      }
    }
    expect(within(count('duplicate'), orderEvents.length, shares.duplicateShare)).toBe(true);
  });

  it('changes orders in new, increasing versions, and re-sends an older version after a newer one', () => {
    let resends = 0;
    for (const [orderNumber, list] of byOrder) {
      const erpSync = list[0].label?.categories.includes(ExceptionCategory.ERP_SYNC) ?? false;
      let newest = 0;
      const versions = new Map<number, Order>();
      for (const e of list) {
        if (e.kind === 'duplicate') continue;
        if (e.kind === 'cancel') {
          expect((e.event.data as OrderCancelled).erpVersion).toBeGreaterThan(newest);
          continue;
        }
        const order = e.event.data as Order;
        expect(order.orderNumber).toBe(orderNumber);
        if (e.kind === 'resend') {
          resends++;
          expect(order.erpVersion).toBeLessThan(newest);
          expect(order).toEqual(versions.get(order.erpVersion));
          expect(e.event.type).toBe(order.erpVersion === 1 ? 'erp.order.created.v1' : 'erp.order.changed.v1');
        } else if (e.kind === 'late-first-version') {
          expect(erpSync).toBe(true);
          expect(order.erpVersion).toBe(1);
          expect(newest).toBeGreaterThanOrEqual(2);
        } else {
          expect(order.erpVersion).toBeGreaterThan(newest);
          newest = order.erpVersion;
        }
        versions.set(order.erpVersion, order);
      }
    }
    expect(resends).toBe(count('resend'));
    expect(within(count('resend'), count('change'), shares.resendShare)).toBe(true);
  });

  it('changes and cancels orders at about their shares (fewer when the order shipped first)', () => {
    const changed = orders.filter((o) =>
      byOrder.get(o.orderNumber!)!.some((e) => e.kind === 'change'),
    ).length;
    const cancelled = orders.filter((o) =>
      byOrder.get(o.orderNumber!)!.some((e) => e.kind === 'cancel'),
    ).length;
    expect(changed / orders.length).toBeGreaterThan(0.75 * shares.changeShare);
    expect(changed / orders.length).toBeLessThan(shares.changeShare + 0.02);
    expect(cancelled / orders.length).toBeGreaterThan(0.6 * shares.cancelShare);
    expect(cancelled / orders.length).toBeLessThan(shares.cancelShare + 0.015);
  });

  it('ships what was not cancelled, and sends nothing for an order after its cancellation', () => {
    for (const list of byOrder.values()) {
      const cancelAt = list.findIndex((e) => e.kind === 'cancel');
      const shipAt = list.findIndex((e) => e.kind === 'ship');
      expect(cancelAt === -1 || shipAt === -1).toBe(true);
      const end = cancelAt === -1 ? shipAt : cancelAt;
      if (end === -1) continue;
      expect(
        list
          .slice(end + 1)
          .every((e) => e.kind === 'duplicate' || e.kind === 'resend' || e.kind === 'late-first-version'),
      ).toBe(true);
    }
  });
});
