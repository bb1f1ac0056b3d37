import type { ContractEntity } from './contract.entity';
import type { ContractObject } from './contract.object';

export function toContractObject(entity: ContractEntity): ContractObject {
  return {
    id: entity.id,
    customerId: entity.customerId,
    sku: entity.sku,
    family: entity.family,
    price: entity.price,
    tolerancePct: entity.tolerancePct,
    marginFloorPct: entity.marginFloorPct,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
  };
}
