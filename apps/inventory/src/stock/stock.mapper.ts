import { availableQuantity } from './domain/availability.util';
import type { StockLevelObject } from './stock-level.object';
import type { StockEntity } from './stock.entity';

export function toStockLevelObject(entity: StockEntity): StockLevelObject {
  return {
    sku: entity.sku,
    dcCode: entity.dcCode,
    onHand: entity.onHand,
    allocated: entity.allocated,
    available: availableQuantity(entity),
  };
}
