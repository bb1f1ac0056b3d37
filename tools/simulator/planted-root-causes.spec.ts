import { CustomerSegment, ExceptionCategory, type Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { overRepresentedSlices, type ObservationUnit, type SliceFinding } from '@ordex/mining';
import { erpEventStream } from './erp-stream';
import type { PlantedPatterns } from './stream-options';

const demo = buildDemoDistributor(DEMO_SIZES.small, 42);
const familyOf = new Map(demo.products.map((p) => [p.sku, p.family]));
const customerOf = new Map(demo.customers.map((c) => [c.customer.id, c.customer]));
const ORDERS = 6_000;
const TIME_ZONE = 'Europe/Berlin';

/**
 * The simulator's history as root-cause analysis sees it: each order a unit with its customer's
 * segment and tier, the families of its SKUs and its time (month-end or not, weekday), and the
 * exception categories planted in it.
 */
function history(patterns: PlantedPatterns): ObservationUnit[] {
  const units: ObservationUnit[] = [];
  for (const { label, event } of erpEventStream({ seed: 7, demo, start: '2026-09-01', patterns })) {
    if (!label) continue;
    const order = event.data as Order;
    const customer = customerOf.get(label.customerId);
    units.push({
      at: Date.parse(label.orderedAt),
      dims: {
        segment: customer?.segment ?? null,
        tier: customer?.tier ?? null,
        family: [...new Set(order.lines.map((l) => familyOf.get(l.sku) ?? 'unknown'))],
      },
      categories: label.categories,
    });
    if (units.length === ORDERS) return units;
  }
  throw new Error('unreachable: the stream is endless');
}

const describeSlice = (f: SliceFinding) => f.slice.map((c) => `${c.dim}=${c.value}`).join(' ∧ ');
const first = (findings: SliceFinding[], category: ExceptionCategory) =>
  findings.find((f) => f.category === category);

describe('root causes of the simulated history', () => {
  const planted = overRepresentedSlices(
    history({
      badContractSegment: CustomerSegment.REGIONAL,
      supplierDelayFamily: 'ELECTRICAL',
      patternFactor: 4,
    }),
    { timeZone: TIME_ZONE },
  );

  it('names each planted cause first for its category', () => {
    expect(describeSlice(first(planted, ExceptionCategory.PRICE_MISMATCH)!)).toBe('segment=REGIONAL');
    expect(describeSlice(first(planted, ExceptionCategory.STOCK_SHORTAGE)!)).toBe('family=ELECTRICAL');
    expect(describeSlice(first(planted, ExceptionCategory.CREDIT_HOLD)!)).toBe('period=month-end');
  });

  it('puts neither first in a history where they were not planted', () => {
    // Price exceptions need contract customers, so contract segments run above the overall rate
    // in any history; the planted segment comes first only when planted.
    const clean = overRepresentedSlices(history({}), { timeZone: TIME_ZONE });
    const price = first(clean, ExceptionCategory.PRICE_MISMATCH);
    const stock = first(clean, ExceptionCategory.STOCK_SHORTAGE);
    expect(price && describeSlice(price)).not.toBe('segment=REGIONAL');
    expect(stock && describeSlice(stock)).not.toBe('family=ELECTRICAL');
    expect(describeSlice(first(clean, ExceptionCategory.CREDIT_HOLD)!)).toBe('period=month-end');
  });
});
