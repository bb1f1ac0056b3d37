import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext, OrderLineContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';

/** Whether the product master does not know the line's SKU (per inventory or pricing). */
export function isUnknownSku(line: OrderLineContext): boolean {
  return line.availability?.skuKnown === false || line.priceCheck?.skuKnown === false;
}

/**
 * The order-level MASTER_DATA exception: an unknown customer, a missing or unknown ship-to, a
 * customer without a credit account; one exception whose reason joins every part found.
 */
export function masterDataHeaderException(order: OrderContext): DetectedException | null {
  const parts: string[] = [];
  if (order.customer === null) parts.push(`customer ${order.customerId} is not in the customer master`);
  if (order.shipTo === null) {
    parts.push(order.shipToId ? `ship-to ${order.shipToId} is not known` : 'no ship-to was sent');
  }
  if (order.creditCheck?.hasAccount === false)
    parts.push(`no credit account for customer ${order.customerId}`);
  if (parts.length === 0) return null;
  return {
    category: ExceptionCategory.MASTER_DATA,
    lineNo: null,
    reason: parts.join('; '),
    facts: {
      customerId: order.customerId,
      customerKnown: order.customer !== null,
      shipToId: order.shipToId,
      shipToKnown: order.shipTo !== null,
      hasCreditAccount: order.creditCheck?.hasAccount ?? null,
    },
  };
}

/**
 * A line's MASTER_DATA exception: its SKU is not in the product master, or the customer's
 * contract for it lapsed and none is in force. A SKU that never had a contract is priced at list.
 */
export function masterDataLineException(line: OrderLineContext): DetectedException | null {
  if (isUnknownSku(line)) {
    return {
      category: ExceptionCategory.MASTER_DATA,
      lineNo: line.lineNo,
      reason: `SKU ${line.sku} is not in the product master`,
      facts: { sku: line.sku, skuKnown: false, lastContractEndedOn: null },
    };
  }
  const check = line.priceCheck;
  if (check === null || check.hasContract || check.lastContractEndedOn === null) return null;
  return {
    category: ExceptionCategory.MASTER_DATA,
    lineNo: line.lineNo,
    reason: `no contract in force for SKU ${line.sku}: the last one ended on ${check.lastContractEndedOn}`,
    facts: { sku: line.sku, skuKnown: true, lastContractEndedOn: check.lastContractEndedOn },
  };
}
