import { availableToPromise, InboundLine } from '../../available-to-promise/domain/available-to-promise.util';
import { isOpen } from '../../inbound/domain/inbound-purchase-order.util';
import {
  DcAvailability,
  DcStock,
  lineAvailability,
  LineAvailability,
} from '../../stock/domain/availability.util';

export interface DcLinePromise extends DcAvailability {
  inboundByRequestedDate: number;
  availableByRequestedDate: number;
  canFillByRequestedDate: boolean;
  earliestFillDate: string | null;
}

export interface LinePromise extends Omit<LineAvailability, 'byDc'> {
  requestedDate: string;
  skuKnown: boolean;
  totalAvailableByRequestedDate: number;
  fillableFromOneDcByRequestedDate: boolean;
  byDc: DcLinePromise[];
}

export interface LinePromiseInput {
  sku: string;
  requested: number;
  /** YYYY-MM-DD. */
  requestedDate: string;
  skuKnown: boolean;
  /** The SKU's stock rows, in the order `byDc` has always listed them (DC code order). */
  stock: readonly DcStock[];
  /** The SKU's purchase order lines. */
  inbound: readonly InboundLine[];
}

/**
 * An order line's availability now (exactly as {@link lineAvailability} has always answered it)
 * and by the line's requested date. The DCs listed are those holding a stock row for the SKU,
 * in their order, then those that hold none but expect an open purchase order, in code order: a
 * DC with neither can promise nothing and is left out. For a SKU the product master does not
 * know, the figures by the requested date are all 0 and no inbound-only DC is added.
 */
export function linePromise(input: LinePromiseInput): LinePromise {
  const { sku, requested, requestedDate, skuKnown, stock, inbound } = input;
  const now = lineAvailability(sku, requested, stock);
  const held = new Set(now.byDc.map((dc) => dc.dcCode));
  const inboundOnly = skuKnown
    ? [...new Set(inbound.filter((po) => isOpen(po) && !held.has(po.dcCode)).map((po) => po.dcCode))].sort(
        (a, b) => (a < b ? -1 : a > b ? 1 : 0),
      )
    : [];
  const dcCodes = [...now.byDc.map((dc) => dc.dcCode), ...inboundOnly];
  const promise = availableToPromise({
    sku,
    quantity: requested,
    date: requestedDate,
    skuKnown,
    dcCodes,
    stock,
    inbound,
  });
  const byDc = dcCodes.map((dcCode, i): DcLinePromise => {
    const byDate = promise.byDc[i];
    return {
      ...(now.byDc[i] ?? { dcCode, onHand: 0, allocated: 0, available: 0 }),
      inboundByRequestedDate: byDate.inboundByDate,
      availableByRequestedDate: byDate.availableByDate,
      canFillByRequestedDate: byDate.canFillByDate,
      earliestFillDate: byDate.earliestFillDate,
    };
  });
  return {
    sku,
    requested,
    totalAvailable: now.totalAvailable,
    fillableFromOneDc: now.fillableFromOneDc,
    requestedDate,
    skuKnown,
    totalAvailableByRequestedDate: promise.totalAvailableByDate,
    fillableFromOneDcByRequestedDate: promise.fillableFromOneDcByDate,
    byDc,
  };
}
