import type { PriceListEntryEntity } from './price-list-entry.entity';
import type { PriceListEntryObject } from './price-list-entry.object';

export function toPriceListEntryObject(entity: PriceListEntryEntity): PriceListEntryObject {
  return { sku: entity.sku, family: entity.family, listPrice: entity.listPrice, unitCost: entity.unitCost };
}
