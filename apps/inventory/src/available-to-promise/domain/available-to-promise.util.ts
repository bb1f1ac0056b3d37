import { isOpen } from '../../inbound/domain/inbound-purchase-order.util';
import { availableQuantity, DcStock } from '../../stock/domain/availability.util';

/** A purchase order line expected at a DC. Quantity 0 is a closed line (received or cancelled). */
export interface InboundLine {
  dcCode: string;
  quantity: number;
  /** YYYY-MM-DD. */
  eta: string;
}

/** What one DC can promise of a SKU: now, and by a date counting the purchase orders due by then. */
export interface DcPromise {
  dcCode: string;
  onHand: number;
  allocated: number;
  availableNow: number;
  inboundByDate: number;
  availableByDate: number;
  fillableNow: boolean;
  canFillByDate: boolean;
  earliestFillDate: string | null;
}

export interface AvailableToPromise {
  sku: string;
  quantity: number;
  date: string;
  skuKnown: boolean;
  totalAvailableNow: number;
  totalAvailableByDate: number;
  fillableFromOneDcByDate: boolean;
  dcsThatCanFillByDate: string[];
  byDc: DcPromise[];
}

export interface AvailableToPromiseInput {
  sku: string;
  quantity: number;
  /** YYYY-MM-DD: a purchase order whose ETA is on this day counts. */
  date: string;
  /** False for a SKU the product master does not have: nothing is promised for it. */
  skuKnown: boolean;
  /** The DCs to answer for, in the order to list them; one without a stock row has nothing on hand. */
  dcCodes: readonly string[];
  /** The SKU's stock rows (other DCs are ignored). */
  stock: readonly DcStock[];
  /** The SKU's purchase order lines (other DCs and closed lines are ignored). */
  inbound: readonly InboundLine[];
}

/**
 * One DC's promise of `quantity` by `date`. Dates are YYYY-MM-DD, so they compare as strings.
 * The earliest fill date walks the open purchase orders in ETA order and is the ETA at which what
 * is available now plus everything received so far first covers the quantity.
 */
export function dcPromise(
  dcCode: string,
  stock: Pick<DcStock, 'onHand' | 'allocated'> | undefined,
  inbound: readonly InboundLine[],
  quantity: number,
  date: string,
): DcPromise {
  const onHand = stock?.onHand ?? 0;
  const allocated = stock?.allocated ?? 0;
  const availableNow = availableQuantity({ onHand, allocated });
  const fillableNow = availableNow >= quantity;
  const open = inbound.filter(isOpen).sort((a, b) => compareText(a.eta, b.eta));
  let inboundByDate = 0;
  let cumulative = availableNow;
  let earliestFillDate: string | null = null;
  for (const po of open) {
    if (po.eta <= date) inboundByDate += po.quantity;
    cumulative += po.quantity;
    if (!fillableNow && earliestFillDate === null && cumulative >= quantity) earliestFillDate = po.eta;
  }
  const availableByDate = availableNow + inboundByDate;
  return {
    dcCode,
    onHand,
    allocated,
    availableNow,
    inboundByDate,
    availableByDate,
    fillableNow,
    canFillByDate: availableByDate >= quantity,
    earliestFillDate,
  };
}

/** A DC's promise of a SKU the product master does not know: nothing, whatever rows exist. */
export function nothingToPromise(dcCode: string): DcPromise {
  return {
    dcCode,
    onHand: 0,
    allocated: 0,
    availableNow: 0,
    inboundByDate: 0,
    availableByDate: 0,
    fillableNow: false,
    canFillByDate: false,
    earliestFillDate: null,
  };
}

/** Available-to-promise of a SKU per DC and overall (the rules are in the inventory README). */
export function availableToPromise(input: AvailableToPromiseInput): AvailableToPromise {
  const { sku, quantity, date, skuKnown, dcCodes } = input;
  const stockByDc = new Map(input.stock.map((s) => [s.dcCode, s]));
  const inboundByDc = new Map<string, InboundLine[]>();
  for (const po of input.inbound) {
    const lines = inboundByDc.get(po.dcCode);
    if (lines) lines.push(po);
    else inboundByDc.set(po.dcCode, [po]);
  }
  const byDc = dcCodes.map((dc) =>
    skuKnown
      ? dcPromise(dc, stockByDc.get(dc), inboundByDc.get(dc) ?? [], quantity, date)
      : nothingToPromise(dc),
  );
  return {
    sku,
    quantity,
    date,
    skuKnown,
    totalAvailableNow: sum(byDc.map((dc) => dc.availableNow)),
    totalAvailableByDate: sum(byDc.map((dc) => dc.availableByDate)),
    fillableFromOneDcByDate: byDc.some((dc) => dc.canFillByDate),
    dcsThatCanFillByDate: rankDcsThatCanFill(byDc),
    byDc,
  };
}

/**
 * The DCs that can fill the whole quantity by the date, best first: those that can ship now before
 * those waiting for inbound, then the most available by the date, then by code (a stable order).
 */
export function rankDcsThatCanFill(byDc: readonly DcPromise[]): string[] {
  return byDc
    .filter((dc) => dc.canFillByDate)
    .sort(
      (a, b) =>
        Number(b.fillableNow) - Number(a.fillableNow) ||
        b.availableByDate - a.availableByDate ||
        compareText(a.dcCode, b.dcCode),
    )
    .map((dc) => dc.dcCode);
}

/**
 * The DCs an answer covers: all known ones, or those asked for (in the known order) — with the
 * asked codes no DC has, which the caller must refuse.
 */
export function selectDcCodes(
  known: readonly string[],
  asked: readonly string[] | null | undefined,
): { codes: string[]; unknown: string[] } {
  if (asked === null || asked === undefined) return { codes: [...known], unknown: [] };
  const wanted = new Set(asked);
  const knownSet = new Set(known);
  return {
    codes: known.filter((code) => wanted.has(code)),
    unknown: [...wanted].filter((code) => !knownSet.has(code)),
  };
}

/** Code-unit order, the same on every machine (YYYY-MM-DD dates sort as days). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
