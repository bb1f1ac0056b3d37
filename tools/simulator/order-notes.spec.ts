import { ERP_EVENTS, ExceptionCategory, type Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { erpEventStream } from './erp-stream';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import {
  CATEGORY_NOTE_SHARE,
  CATEGORY_PHRASINGS,
  NEUTRAL_NOTE_SHARE,
  NEUTRAL_PHRASINGS,
  phrasingsFor,
  slotsOf,
} from './order-notes';
import type { ErpStreamOptions, SimulatedEvent } from './stream-options';

const demo = buildDemoDistributor(DEMO_SIZES.small, 42);

/** The first `orders` orders' events of a stream, with what follows them for `tailDays`. */
function take(options: Partial<ErpStreamOptions>, orders: number, tailDays = 3): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  const included = new Set<string>();
  let stopAt = Infinity;
  for (const event of erpEventStream({ seed: 21, demo, start: '2026-11-02', ...options })) {
    if (event.at > stopAt) break;
    if (event.label && included.size < orders) included.add(event.label.orderNumber);
    else if (event.label && stopAt === Infinity) stopAt = event.at + tailDays * 86_400_000;
    if (!event.orderNumber || included.has(event.orderNumber)) events.push(event);
  }
  return events;
}

/** |observed − expected| within 4 standard deviations of a binomial share. */
const withinBounds = (hits: number, n: number, p: number) =>
  Math.abs(hits / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n) + 1 / n;

/** What a note may quote of any order: no DC (unknown for some orders) and no ship-to name. */
const ALWAYS_KNOWN = [
  'order',
  'cust',
  'date',
  'stamp',
  'value',
  'po',
  'contact',
  'ext',
  'gate',
  'dock',
  'project',
];
/** How each category is planted (`topic`), and the figures the planter gives a note on it. */
const PLANTED_TOPICS: Record<ExceptionCategory, Record<string, string[]>> = {
  STOCK_SHORTAGE: { 'short-line': ['line', 'sku', 'quantity', 'available', 'missing'] },
  PRICE_MISMATCH: { 'off-contract': ['line', 'sku', 'price', 'contract', 'pct'] },
  CREDIT_HOLD: {
    'over-limit': ['limit', 'receivables', 'over'],
    overdue: ['overdue', 'days'],
    standing: [],
  },
  SHIPMENT_CONSTRAINT: { 'after-cut-off': ['cutoff'], 'carriers-full': ['carriers', 'carrier'] },
  ROUTING_RULE: { 'carriers-refused': ['carriers', 'carrier'] },
  MASTER_DATA: {
    'unknown-sku': ['line', 'sku', 'quantity'],
    'no-ship-to': [],
    'no-contract': ['line', 'sku'],
  },
  ERP_SYNC: { 'out-of-order': ['change'] },
};
const fits = (phrasing: string, slots: string[]) => slotsOf(phrasing).every((s) => slots.includes(s));

describe('the phrase bank of order notes', () => {
  it('has at least 5 phrasings for every way each category is planted, and one for any order', () => {
    for (const category of EXCEPTION_CATEGORIES) {
      for (const [topic, figures] of Object.entries(PLANTED_TOPICS[category])) {
        const usable = phrasingsFor(category, topic).filter((p) =>
          fits(p, [...ALWAYS_KNOWN, 'dc', 'site', ...figures]),
        );
        expect({ category, topic, enough: usable.length >= 5 }).toEqual({ category, topic, enough: true });
        // An order whose DC is unknown still gets a note.
        const anyOrder = phrasingsFor(category, topic).filter((p) => fits(p, [...ALWAYS_KNOWN, ...figures]));
        expect({ category, topic, some: anyOrder.length > 0 }).toEqual({ category, topic, some: true });
      }
      const topics = Object.keys(CATEGORY_PHRASINGS[category]).filter((t) => t !== 'any');
      expect(topics.every((t) => t in PLANTED_TOPICS[category])).toBe(true);
    }
    expect(NEUTRAL_PHRASINGS.filter((p) => fits(p, ALWAYS_KNOWN)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('notes on the simulated orders', () => {
  const events = take({ fallout: Object.fromEntries(EXCEPTION_CATEGORIES.map((c) => [c, 0.1])) }, 4000);
  const labels = events.filter((e) => e.label).map((e) => e.label!);
  const fallout = labels.filter((l) => l.categories.length > 0);
  const clean = labels.filter((l) => l.categories.length === 0);

  it('gives about 35 % of orders with fallout a note on one of their planted categories', () => {
    const noted = fallout.filter((l) => l.note !== null);
    expect(fallout.length).toBeGreaterThan(1500);
    expect(withinBounds(noted.length, fallout.length, CATEGORY_NOTE_SHARE)).toBe(true);
    for (const label of noted) expect(label.categories).toContain(label.noteCategory);
    expect(fallout.filter((l) => l.note === null).every((l) => l.noteCategory === null)).toBe(true);
    expect(new Set(noted.map((l) => l.noteCategory))).toEqual(new Set(EXCEPTION_CATEGORIES));
  });

  it('gives about 10 % of clean orders a neutral note, which speaks of no category', () => {
    const noted = clean.filter((l) => l.note !== null);
    expect(clean.length).toBeGreaterThan(1500);
    expect(withinBounds(noted.length, clean.length, NEUTRAL_NOTE_SHARE)).toBe(true);
    expect(clean.every((l) => l.noteCategory === null)).toBe(true);
  });

  it('fills every slot of a note', () => {
    const notes = labels.flatMap((l) => (l.note === null ? [] : [l.note]));
    expect(notes.length).toBeGreaterThan(500);
    for (const note of notes) expect(note).not.toMatch(/[{}]|undefined|NaN|null/);
  });

  it('sends the note in the notes of every version of the order, valid under the ERP schema', () => {
    const noteOf = new Map(labels.map((l) => [l.orderNumber, l.note]));
    let checked = 0;
    for (const { event, orderNumber } of events) {
      if (event.type !== 'erp.order.created.v1' && event.type !== 'erp.order.changed.v1') continue;
      const order = event.data as Order;
      expect(ERP_EVENTS[event.type].schema().safeParse(order).success).toBe(true);
      expect(order.notes ?? null).toBe(noteOf.get(orderNumber!));
      checked++;
    }
    expect(checked).toBeGreaterThan(labels.length);
    // Without a note the ERP sends no notes at all.
    const silent = events.find((e) => e.label?.note === null)!;
    expect(silent.event.data).not.toHaveProperty('notes');
  });

  it('writes the same notes for the same seed, other notes for another', () => {
    const notes = (seed: number) =>
      take({ seed }, 600, 0)
        .filter((e) => e.label)
        .map((e) => [e.label!.note, e.label!.noteCategory]);
    const a = notes(21);
    expect(notes(21)).toEqual(a);
    expect(notes(22)).not.toEqual(a);
  });
});
