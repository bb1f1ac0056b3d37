import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, ShipmentBlocker } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';
import { isDcAllowed } from './routing-rule.rule';
import { compareText } from './compare-text.util';

const BLOCKER_TEXT: Readonly<Record<ShipmentBlocker, string>> = {
  CAPACITY_FULL: 'every carrier is full',
  CUTOFF_PASSED: 'the cut-off has passed',
  NO_COLLECTION: 'no carrier collects that day',
  IN_THE_PAST: 'the requested date has passed',
};

/**
 * The order's SHIPMENT_CONSTRAINT exception: no carrier can take it from the assigned DC on the
 * requested date (or none collects there at all). Says why and the next ship date on offer.
 */
export function shipmentConstraintException(
  order: OrderContext,
  dcCode: string | null,
): DetectedException | null {
  const rules = order.customer?.routingRules ?? null;
  const options = order.shipmentOptions;
  // A missing ship-to is MASTER_DATA; a DC the customer forbids and a rule that leaves no
  // carrier at all are ROUTING_RULE: reporting them here too would say the same thing twice.
  if (dcCode === null || options === null || order.shipTo === null || !isDcAllowed(rules, dcCode))
    return null;
  if (options.length === 0 && rules !== null) return null;

  const atDc = options.filter((option) => option.dcCode === dcCode);
  if (atDc.some((option) => option.onRequestedDate)) return null;

  const blockers = [...new Set(atDc.flatMap((option) => option.requestedDateBlockers))].sort();
  const next = atDc
    .filter((option) => option.shipDate !== null)
    .sort(
      (a, b) => compareText(a.shipDate ?? '', b.shipDate ?? '') || compareText(a.carrierCode, b.carrierCode),
    )[0];
  const why =
    blockers.length > 0
      ? blockers.map((blocker) => BLOCKER_TEXT[blocker]).join(', ')
      : 'no carrier can take it';
  return {
    category: ExceptionCategory.SHIPMENT_CONSTRAINT,
    lineNo: null,
    reason:
      atDc.length === 0
        ? `no allowed carrier collects at ${dcCode} with a lane to the ship-to's region (${order.shipTo.region})`
        : `nothing can ship from ${dcCode} on ${order.requestedDate}: ${why}` +
          (next ? `; next: ${next.carrierCode} on ${next.shipDate}` : ''),
    facts: {
      dcCode,
      requestedDate: order.requestedDate,
      blockers,
      nextShipDate: next?.shipDate ?? null,
      nextCarrier: next?.carrierCode ?? null,
    },
  };
}
