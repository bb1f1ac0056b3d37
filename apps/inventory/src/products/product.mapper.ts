import type { ProductEntity } from './product.entity';
import type { ProductObject } from './product.object';

export function toProductObject(entity: ProductEntity): ProductObject {
  return {
    sku: entity.sku,
    name: entity.name,
    family: entity.family,
    unitOfMeasure: entity.unitOfMeasure,
    weightKg: entity.weightKg,
    volumeM3: entity.volumeM3,
    unitCost: entity.unitCost,
    listPrice: entity.listPrice,
    substitutes: entity.substitutes,
  };
}
