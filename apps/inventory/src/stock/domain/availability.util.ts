import type { StockLevel } from '@ordex/contracts';

export type DcStock = Pick<StockLevel, 'dcCode' | 'onHand' | 'allocated'>;

export interface DcAvailability {
  dcCode: string;
  onHand: number;
  allocated: number;
  available: number;
}

export interface LineAvailability {
  sku: string;
  requested: number;
  totalAvailable: number;
  fillableFromOneDc: boolean;
  byDc: DcAvailability[];
}

/** What a DC can still promise: allocated stock is spoken for, and over-allocation is not negative stock. */
export function availableQuantity({ onHand, allocated }: Pick<StockLevel, 'onHand' | 'allocated'>): number {
  return Math.max(0, onHand - allocated);
}

/** Whether a line's quantity can be filled, per DC (in the order given) and across all DCs. */
export function lineAvailability(
  sku: string,
  requested: number,
  stock: readonly DcStock[],
): LineAvailability {
  const byDc = stock.map((s) => ({
    dcCode: s.dcCode,
    onHand: s.onHand,
    allocated: s.allocated,
    available: availableQuantity(s),
  }));
  return {
    sku,
    requested,
    totalAvailable: byDc.reduce((sum, dc) => sum + dc.available, 0),
    fillableFromOneDc: byDc.some((dc) => dc.available >= requested),
    byDc,
  };
}
