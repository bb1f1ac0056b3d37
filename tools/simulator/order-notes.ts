import { ExceptionCategory } from '@ordex/contracts';
import { orderCents, type DraftOrder, type PlantedCause } from './order-factory';
import { fromCents } from './sim-master-data';
import type { SimRandom } from './sim-random.util';

/**
 * The free text the ERP holds on a generated order (`Order.notes`): what the order desk or the
 * customer wrote about one of its planted problems, or, on a clean order, a neutral remark
 * (delivery instructions, contact, dock, PO reference). Written terse, abbreviated, sometimes
 * lower case, sometimes quoting the customer, with the order's own figures in the slots.
 *
 * The phrase bank is the simulator's own and must stay independent of the triage model's training
 * corpus (tools/decision/triage-corpus.ts): the notes are what triage is judged on.
 */

/** Share of orders with fallout whose text speaks of one of their planted categories. */
export const CATEGORY_NOTE_SHARE = 0.35;
/** Share of clean orders that carry a neutral remark. */
export const NEUTRAL_NOTE_SHARE = 0.1;
/** Of the category notes, the share that follow a neutral remark of the customer's in the same text. */
const WITH_REMARK_SHARE = 0.2;
/** Of the category notes, the share the order desk signed with a date and initials. */
const STAMPED_SHARE = 0.25;
/** Of the category notes, the share typed all in lower case. */
const LOWER_CASE_SHARE = 0.15;

export interface OrderNote {
  /** The text the ERP holds on the order; null when it holds none. */
  note: string | null;
  /** The planted category the note speaks of; null for a neutral note or none. */
  noteCategory: ExceptionCategory | null;
}

/**
 * Phrasings per category: under a topic (how the category was planted, {@link PlantedCause}) the
 * ones that fit only that way, under `any` the ones that fit every way. `{slot}`s are filled from
 * the order and the cause; a phrasing whose slots the order cannot fill is passed over.
 */
export const CATEGORY_PHRASINGS: Readonly<
  Record<ExceptionCategory, Readonly<Record<string, readonly string[]>>>
> = {
  STOCK_SHORTAGE: {
    'short-line': [
      'ln {line} {sku}: ordered {quantity}, {dc} can cover {available}. asked cust if partial is ok',
      `Cust: "if you can't do all {quantity} x {sku}, send what you have and the rest when it comes in"`,
      '{sku} - {missing} pcs missing for this order, waiting on purchasing for next receipt date',
      'qty on line {line} is more than {dc} has free ({available}), holding till purchasing confirms',
      'pls advise when pos {line} ({sku}) can go complete, system confirms only {available}',
      'buyer called re {sku}, told him we are {missing} short at {dc}',
      'short {missing} x {sku} on line {line} - warehouse checked, nothing else on the shelf',
    ],
    any: [
      'one line cannot be confirmed in full, cust to decide: split or wait',
      'not enough qty for the whole order, waiting for goods receipt',
    ],
  },
  PRICE_MISMATCH: {
    'off-contract': [
      'Cust: "agreed price for {sku} is {contract}, your confirmation shows {price}. pls correct"',
      'price ln {line} keyed manually ({price}), contract {contract} - sales to confirm',
      '{sku} @ {price}?? agreement says {contract}. check before release',
      'buyer insists on {contract}/pc for {sku}, copy of their PO in the shared folder',
      'pos {line} priced off an old quote, {pct}% away from the agreed price',
      'do not invoice until the line {line} price is sorted out ({price} vs {contract})',
    ],
    any: [
      'cust disagrees with the prices on this order, sales rep to call back',
      'pricing to be checked against the customer agreement before the confirmation goes out',
    ],
  },
  CREDIT_HOLD: {
    'over-limit': [
      'this order ({value}) takes {cust} about {over} past their {limit} limit',
      'limit {limit} exceeded by {over}, AR says wait for the next payment run',
      'finance: open items {receivables} against a limit of {limit} -> blocked',
    ],
    overdue: [
      '{overdue} open {days} days past terms, blocked until paid',
      'AR: {days} days late with {overdue}, nothing ships until settled',
      'Cust: "the {overdue} goes out this week, promise"',
    ],
    any: [
      '{cust} blocked by finance, order value {value} - do not release w/o AR ok',
      'acct on stop, AR to call the customer before anything ships',
      'Cust: "payment was sent yesterday, please release our order"',
      'waiting for finance go-ahead on {value}',
      'customer over the line again, rep informed',
    ],
  },
  SHIPMENT_CONSTRAINT: {
    'after-cut-off': [
      `rec'd after {cutoff}, trucks from {dc} already gone. cust wants same day`,
      'Cust: "must go out today!!" - order came in after the {cutoff} cut-off',
      'same-day requested but the last pickup at {dc} was {cutoff}',
      `today's collection at {dc} closed {cutoff}, cust told it may slip a day`,
      'urgent same day - too late for the {cutoff} pickup',
    ],
    'carriers-full': [
      '{carrier} fully booked out of {dc} on {date}, no other forwarder free',
      'no truck space {date} from {dc} ({carriers} all full)',
      'logistics: {date} maxed out at {dc}, need another day from cust',
      'asked cust if {date} can move, every carrier at {dc} booked up that day',
      '{dc} dispatch: zero capacity left for {date}',
    ],
    any: [
      'cust needs it {date}, transport cannot confirm',
      'no confirmed pickup for {date} yet - check with logistics',
    ],
  },
  ROUTING_RULE: {
    'carriers-refused': [
      'Cust: "do not send with {carrier}" - that is who collects at {dc}',
      `delivery rule on the acct excludes {carriers}, can't ship from {dc} as set up`,
      `can't plan the shipment from {dc}: cust rule blocks {carrier}`,
      'forwarder {carrier} not accepted by cust any more, no alternative at {dc}',
    ],
    any: [
      'routing: customer carrier list and {dc} pickups do not match, need an exception or another DC',
      '{cust} changed their shipping instructions - our forwarders not allowed',
      'pls check cust carrier preferences, none of ours allowed as things stand',
      'ship rules on this account conflict with the plan, logistics to look',
    ],
  },
  MASTER_DATA: {
    'unknown-sku': [
      'line {line}: item {sku} does not exist in our system, cust typo?',
      'Cust ordered {sku} ({quantity} pcs) - no such article. asked buyer for the right number',
      '{sku} not found, maybe a new catalogue no.? check with product mgmt',
      'pos {line} item code unknown ({sku})',
      'EDI line {line} came in with invalid item no {sku}',
    ],
    'no-ship-to': [
      'no delivery address on the order - cust to confirm the site',
      'ship-to missing!! who receives this?',
      'Cust: "deliver to our new site" - not set up for {cust}',
      'pls add a ship-to before release, order came in without address',
      'address field empty in the EDI order, asked {cust}',
    ],
    'no-contract': [
      '{sku} (ln {line}) not on the agreement for {cust}, went in at list price - ok?',
      'no contract price for {sku}, sales to set one up or cust accepts list',
      `line {line} item is outside the customer's contract range`,
      'cust wants {sku} on contract terms but there is no agreement for it',
      'pos {line}: article not maintained for this customer',
    ],
    any: ['master data on this order incomplete, check before release'],
  },
  ERP_SYNC: {
    'out-of-order': [
      'order changed right after entry ({change}), second version got in first - check lines',
      '{order} saved twice, EDI sent the update before the original',
      'pls verify: version 2 shows before v1 in the interface log',
      '{change} made right after creation - double-check the latest data is what ships',
      'cust updated the PO ({change}) minutes after sending it, systems may show old data',
    ],
    any: ['interface hiccup on entry, order versions out of sequence'],
  },
};

/** Remarks on a clean order: nothing a person would raise an exception for. */
export const NEUTRAL_PHRASINGS: readonly string[] = [
  'PO {po}',
  'Cust PO ref {po} - pls quote on the delivery note',
  'deliver to goods receiving, gate {gate}',
  'call {contact} 30 min before arrival, ext. {ext}',
  'Cust: "please use the rear entrance, dock {dock}"',
  'attn {contact}, purchasing',
  'delivery to {site}, reception on the ground floor',
  'project {project} - mark all cartons with the project no.',
  'order confirmation to the purchasing mailbox pls',
  `repeat of last month's order, same PO structure ({po})`,
  'forklift on site, pallets fine',
  'invoice to head office, ref {po}',
  'Cust: "ring at the side door and ask for {contact}"',
];

const CONTACTS = [
  'Mr Keller',
  'J. Novak',
  'Ms Brandt',
  'Tom from stores',
  'A. Rossi',
  'Mrs Okafor',
  'P. Lindqvist',
];
const INITIALS = ['MK', 'JN', 'AB', 'TS', 'LR', 'CW', 'EH'];
const SEPARATORS = ['\n', ' | ', ' // '];
const CHANGE_WORDS: Record<string, string> = {
  quantity: 'qty change',
  date: 'new date',
  'add-line': 'line added',
  'remove-line': 'line removed',
};
/** Slots that hold an amount of money (written with two decimals and thousands separators). */
const MONEY_SLOTS = new Set(['price', 'contract', 'limit', 'receivables', 'over', 'overdue', 'value']);

const NO_NOTE: OrderNote = { note: null, noteCategory: null };

/**
 * The note on an order with the planted `categories` (none: a clean order). Draws only from
 * `rnd`: give it a source of its own (keyedRandom by order) and notes change no other draw.
 */
export function orderNote(
  rnd: SimRandom,
  draft: DraftOrder,
  categories: readonly ExceptionCategory[],
): OrderNote {
  const dateStyle = rnd.int(0, 2);
  const slots = orderSlots(rnd, draft, dateStyle);
  if (categories.length === 0)
    return rnd.chance(NEUTRAL_NOTE_SHARE)
      ? { note: phrase(rnd, NEUTRAL_PHRASINGS, slots), noteCategory: null }
      : NO_NOTE;
  if (!rnd.chance(CATEGORY_NOTE_SHARE)) return NO_NOTE;
  const category = rnd.pick(categories);
  const cause = draft.causes.get(category);
  let note = phrase(rnd, phrasingsFor(category, cause?.topic), { ...slots, ...causeSlots(cause, dateStyle) });
  if (rnd.chance(STAMPED_SHARE)) note = `${slots.stamp} ${rnd.pick(INITIALS)}: ${note}`;
  if (rnd.chance(WITH_REMARK_SHARE))
    note = `${phrase(rnd, NEUTRAL_PHRASINGS, slots)}${rnd.pick(SEPARATORS)}${note}`;
  if (rnd.chance(LOWER_CASE_SHARE)) note = note.toLowerCase();
  return { note, noteCategory: category };
}

/** The phrasings that fit a category planted the way `topic` says, the topic's own first. */
export function phrasingsFor(category: ExceptionCategory, topic: string | undefined): readonly string[] {
  const bank = CATEGORY_PHRASINGS[category];
  return [...((topic && bank[topic]) || []), ...(bank.any ?? [])];
}

/** The names of a phrasing's slots. */
export function slotsOf(phrasing: string): string[] {
  return [...phrasing.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** One of the phrasings whose slots are all known, filled in. */
function phrase(
  rnd: SimRandom,
  phrasings: readonly string[],
  slots: Readonly<Record<string, string>>,
): string {
  const usable = phrasings.filter((p) => slotsOf(p).every((name) => name in slots));
  if (usable.length === 0) throw new Error(`no phrasing fits the slots ${Object.keys(slots).join(', ')}`);
  return rnd.pick(usable).replace(/\{(\w+)\}/g, (_, name: string) => slots[name]);
}

/** What any note on the order may quote: the order itself, and the details a customer gives. */
function orderSlots(rnd: SimRandom, draft: DraftOrder, dateStyle: number): Record<string, string> {
  const { order } = draft;
  const site = draft.customer.record.shipTos.find((s) => s.id === order.shipToId)?.name;
  return {
    order: order.orderNumber,
    cust: order.customerId,
    date: writtenDate(order.requestedDate, dateStyle),
    stamp: writtenDate(order.orderedOn, 1),
    value: money(fromCents(orderCents(order))),
    ...(draft.dc ? { dc: draft.dc } : {}),
    ...(site ? { site } : {}),
    po: `45${rnd.int(10_000_000, 99_999_999)}`,
    contact: rnd.pick(CONTACTS),
    ext: String(rnd.int(100, 499)),
    gate: String(rnd.int(1, 9)),
    dock: String(rnd.int(1, 12)),
    project: `P-${rnd.int(1000, 9999)}`,
  };
}

/** The cause's figures as a person writes them, with the ones people work out from them. */
function causeSlots(cause: PlantedCause | undefined, dateStyle: number): Record<string, string> {
  if (!cause) return {};
  const figures = cause.slots;
  const slots: Record<string, string> = {};
  for (const [name, value] of Object.entries(figures)) {
    if (name === 'change') slots.change = CHANGE_WORDS[String(value)] ?? String(value);
    else if (name === 'date') slots.date = writtenDate(String(value), dateStyle);
    else slots[name] = MONEY_SLOTS.has(name) ? money(Number(value)) : String(value);
  }
  const { quantity, available, price, contract } = figures;
  if (typeof quantity === 'number' && typeof available === 'number')
    slots.missing = String(quantity - available);
  if (typeof price === 'number' && typeof contract === 'number' && contract > 0)
    slots.pct = ((Math.abs(price - contract) / contract) * 100).toFixed(1);
  return slots;
}

/** 1234.5 → "1,234.50". */
function money(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A YYYY-MM-DD date the way people write it: as is (0), "05.11." (1) or "5/11" (2). */
function writtenDate(isoDate: string, style: number): string {
  const [, month, day] = isoDate.split('-');
  if (style === 1) return `${day}.${month}.`;
  if (style === 2) return `${Number(day)}/${Number(month)}`;
  return isoDate;
}
