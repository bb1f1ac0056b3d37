import type { InboundPurchaseOrder } from '@ordex/contracts';

/** Whether a purchase order line still counts: quantity 0 means received or cancelled. */
export function isOpen(po: Pick<InboundPurchaseOrder, 'quantity'>): boolean {
  return po.quantity > 0;
}

/** Why an ETA change cannot be applied, or null when it can. */
export function inboundProblem(po: InboundPurchaseOrder): string | null {
  if (po.quantity < 0) return `purchase order ${po.id} has a negative quantity (${po.quantity})`;
  return null;
}
