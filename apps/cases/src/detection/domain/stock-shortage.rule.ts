import { ExceptionCategory } from '@ordex/contracts';
import type { DcAvailabilityContext, OrderContext, OrderLineContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';
import { compareText } from './compare-text.util';

/**
 * A line's STOCK_SHORTAGE exception: the assigned DC will not have the whole quantity by the
 * requested date (a DC the inventory does not list has none). Names the best other DC the
 * customer allows that could fill the whole quantity by then.
 */
export function stockShortageException(
  order: OrderContext,
  line: OrderLineContext,
  dcCode: string | null,
): DetectedException | null {
  if (dcCode === null || line.availability === null) return null;
  const byDc = line.availability.byDc;
  const atDc = byDc.find((entry) => entry.dcCode === dcCode);
  const availableByRequestedDate = atDc?.availableByRequestedDate ?? 0;
  if (availableByRequestedDate >= line.quantity) return null;

  const earliestFillDate = atDc?.earliestFillDate ?? null;
  const alternate = bestAlternateDc(
    byDc,
    dcCode,
    line.quantity,
    order.customer?.routingRules?.allowedDcs ?? [],
  );
  const elsewhere = alternate
    ? `${alternate.dcCode} has ${alternate.availableByRequestedDate}`
    : 'no other DC has it all';
  const fill = earliestFillDate === null ? '' : `; the full quantity from ${earliestFillDate}`;
  return {
    category: ExceptionCategory.STOCK_SHORTAGE,
    lineNo: line.lineNo,
    reason:
      `${line.quantity} × ${line.sku} needed at ${dcCode} by ${order.requestedDate}; ` +
      `${availableByRequestedDate} available by then (${elsewhere})${fill}`,
    facts: {
      sku: line.sku,
      dcCode,
      quantity: line.quantity,
      availableByRequestedDate,
      earliestFillDate,
      alternateDc: alternate?.dcCode ?? null,
    },
  };
}

/** The other DC with the most stock by the requested date (ties by code), if it covers the quantity. */
function bestAlternateDc(
  byDc: DcAvailabilityContext[],
  dcCode: string,
  quantity: number,
  allowedDcs: string[],
): DcAvailabilityContext | null {
  const candidates = byDc
    .filter((entry) => entry.dcCode !== dcCode && entry.availableByRequestedDate >= quantity)
    .filter((entry) => allowedDcs.length === 0 || allowedDcs.includes(entry.dcCode))
    .sort(
      (a, b) => b.availableByRequestedDate - a.availableByRequestedDate || compareText(a.dcCode, b.dcCode),
    );
  return candidates[0] ?? null;
}
