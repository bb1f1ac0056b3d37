import { ERP_EVENTS, ExceptionCategory, isErpEventType, type Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { erpEventStream } from './erp-stream';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import { isMonthEndWindow, isoWeekday, localHour } from './sim-calendar.util';
import type { ErpStreamOptions, SimulatedEvent } from './stream-options';

const demo = buildDemoDistributor(DEMO_SIZES.small, 42);

/** Events until `orders` orders have arrived, and what follows them for `tailDays` simulated days. */
function take(options: Partial<ErpStreamOptions>, orders: number, tailDays = 0): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  let seen = 0;
  let lastOrderAt = Infinity;
  for (const event of erpEventStream({ seed: 11, demo, start: '2026-11-02', ...options })) {
    if (event.label && ++seen > orders) lastOrderAt = Math.min(lastOrderAt, event.at);
    if (event.at > lastOrderAt + tailDays * 86_400_000) break;
    if (!(event.label && seen > orders)) events.push(event);
  }
  return events;
}

const labelled = (events: SimulatedEvent[]) => events.filter((e) => e.label);
/** |observed − expected| within 4 standard deviations of a binomial share. */
const withinBounds = (hits: number, n: number, p: number) =>
  Math.abs(hits / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n) + 1 / n;

describe('the simulated ERP event stream', () => {
  const sample = take(
    {
      fallout: Object.fromEntries(EXCEPTION_CATEGORIES.map((c) => [c, 0.1])),
      changeShare: 0.2,
      cancelShare: 0.05,
      duplicateShare: 0.04,
      resendShare: 0.2,
    },
    4000,
    4,
  );
  const orders = labelled(sample);

  it('is deterministic by seed, with event ids stable per (seed, sequence)', () => {
    const a = take({}, 300);
    const b = take({}, 300);
    expect(b).toEqual(a);
    expect(a[0].event.id).toBe('sim-11-1');
    const other = take({ seed: 12 }, 300);
    expect(other.map((e) => e.event.data)).not.toEqual(a.map((e) => e.event.data));
  });

  it('sends only ERP intake events whose payload validates against its schema', () => {
    for (const { event } of sample) {
      expect(isErpEventType(event.type)).toBe(true);
      if (!isErpEventType(event.type)) continue;
      const parsed = ERP_EVENTS[event.type].schema().safeParse(event.data);
      if (!parsed.success) throw new Error(`${event.type} ${event.id}: ${parsed.error.message}`);
      expect(event.subject).toBe(ERP_EVENTS[event.type].key(event.data as never));
      expect(event.source).toBe('ordex-erp-simulator');
    }
  });

  it('plants every category at its configured share (CREDIT_HOLD: outside month end), labels out of the payload', () => {
    const ordinary = orders.filter((o) => !o.label!.monthEnd);
    for (const category of EXCEPTION_CATEGORIES) {
      const pool = category === ExceptionCategory.CREDIT_HOLD ? ordinary : orders;
      const planted = pool.filter((o) =>
        o.label!.details.some((d) => d.startsWith(`${category}:`) && !d.includes('incidental')),
      ).length;
      expect({ category, ok: withinBounds(planted, pool.length, 0.1) }).toEqual({ category, ok: true });
    }
    for (const field of ['categories', 'noteCategory'])
      expect(orders.some((o) => JSON.stringify(o.event.data).includes(field))).toBe(false);
  });

  it('keeps the orders it did not plant clean: stock at the DC, contract prices, known master data', () => {
    const products = new Map(demo.products.map((p) => [p.sku, p]));
    const contracts = new Map(demo.contracts.map((c) => [`${c.customerId}|${c.sku}`, c]));
    for (const { event, label } of orders) {
      const order = event.data as Order;
      const clean = (c: ExceptionCategory) => !label!.categories.includes(c);
      if (clean(ExceptionCategory.MASTER_DATA)) {
        expect(order.shipToId).not.toBeNull();
        for (const line of order.lines) expect(products.has(line.sku)).toBe(true);
      }
      if (clean(ExceptionCategory.PRICE_MISMATCH) && clean(ExceptionCategory.MASTER_DATA)) {
        for (const line of order.lines) {
          const contract = contracts.get(`${order.customerId}|${line.sku}`);
          if (contract) expect(line.unitPrice).toBe(contract.price);
        }
      }
      if (!clean(ExceptionCategory.PRICE_MISMATCH)) {
        const off = order.lines.some((line) => {
          const contract = contracts.get(`${order.customerId}|${line.sku}`);
          return (
            contract &&
            Math.abs(Math.round(line.unitPrice * 100) - Math.round(contract.price * 100)) * 10_000 >
              contract.tolerancePct * 100 * Math.round(contract.price * 100)
          );
        });
        expect(off).toBe(true);
      }
    }
  });

  it('concentrates arrivals in business hours on working days', () => {
    const all = labelled(take({}, 3000));
    const inHours = all.filter((o) => isoWeekday(o.at) <= 5 && localHour(o.at) >= 8 && localHour(o.at) < 18);
    const weekend = all.filter((o) => isoWeekday(o.at) >= 6);
    expect(inHours.length / all.length).toBeGreaterThan(0.9);
    expect(weekend.length / all.length).toBeLessThan(0.02);
  });

  it('shows month-end pressure: more orders per working day and more credit holds', () => {
    const perDay = new Map<number, number>();
    for (const o of orders)
      perDay.set(Math.floor(o.at / 86_400_000), (perDay.get(Math.floor(o.at / 86_400_000)) ?? 0) + 1);
    const mean = (days: number[]) => days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length;
    const days = [...perDay.keys()].filter((d) => isoWeekday(d * 86_400_000) <= 5);
    const monthEndDays = days.filter((d) => isMonthEndWindow(d * 86_400_000));
    expect(monthEndDays.length).toBeGreaterThan(0);
    expect(mean(monthEndDays)).toBeGreaterThan(1.15 * mean(days.filter((d) => !monthEndDays.includes(d))));
    const creditShare = (list: SimulatedEvent[]) =>
      list.filter((o) => o.label!.categories.includes(ExceptionCategory.CREDIT_HOLD)).length / list.length;
    const monthEnd = orders.filter((o) => o.label!.monthEnd);
    expect(creditShare(monthEnd)).toBeGreaterThan(2 * creditShare(orders.filter((o) => !o.label!.monthEnd)));
  });
});
