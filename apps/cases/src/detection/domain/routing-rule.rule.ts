import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, RoutingRuleContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';

type BrokenRule = 'DC_NOT_ALLOWED' | 'DELIVERY_WINDOW' | 'NO_ALLOWED_CARRIER' | 'SHIP_COMPLETE';

/** Whether the customer's routing rule lets the order ship from the DC (no allowed DCs listed: any). */
export function isDcAllowed(rules: RoutingRuleContext | null, dcCode: string): boolean {
  return rules === null || rules.allowedDcs.length === 0 || rules.allowedDcs.includes(dcCode);
}

/**
 * The order's ROUTING_RULE exception: one listing every customer rule the plan breaks (DC not
 * allowed, ship-complete with a short line, delivery window missed, no carrier allowed).
 * `shortages` are the order's STOCK_SHORTAGE exceptions at the assigned DC.
 */
export function routingRuleException(
  order: OrderContext,
  dcCode: string | null,
  shortages: DetectedException[],
): DetectedException | null {
  const rules = order.customer?.routingRules ?? null;
  if (rules === null) return null;
  const broken = new Map<BrokenRule, string>();

  if (dcCode !== null && !isDcAllowed(rules, dcCode)) {
    broken.set(
      'DC_NOT_ALLOWED',
      `${dcCode} is not among the customer's allowed DCs (${rules.allowedDcs.join(', ')})`,
    );
  }
  const shortLines = shortages.map((shortage) => String(shortage.lineNo));
  if (rules.shipComplete && shortLines.length > 0) {
    const which = shortLines.length === 1 ? `line ${shortLines[0]} is` : `lines ${shortLines.join(', ')} are`;
    broken.set('SHIP_COMPLETE', `the customer takes complete shipments only and ${which} short at ${dcCode}`);
  }
  const onDate = order.shipmentOptions?.find((option) => option.dcCode === dcCode && option.onRequestedDate);
  if (onDate?.deliveryWindowMet === false) {
    broken.set(
      'DELIVERY_WINDOW',
      `${onDate.carrierCode} from ${onDate.dcCode} on ${onDate.shipDate} delivers on ${onDate.deliveryDate}, ` +
        `outside the customer's delivery window`,
    );
  }
  if (order.shipmentOptions?.length === 0 && order.shipTo !== null) {
    broken.set('NO_ALLOWED_CARRIER', 'no carrier the customer allows serves the ship-to');
  }
  if (broken.size === 0) return null;

  const codes = [...broken.keys()].sort();
  return {
    category: ExceptionCategory.ROUTING_RULE,
    lineNo: null,
    reason: codes.map((code) => broken.get(code)).join('; '),
    facts: {
      broken: codes,
      dcCode,
      allowedDcs: rules.allowedDcs,
      shipComplete: rules.shipComplete,
      shortLines,
      allowedCarriers: rules.allowedCarriers,
      excludedCarriers: rules.excludedCarriers,
    },
  };
}
