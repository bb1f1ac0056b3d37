import type { CustomerEntity } from './customer.entity';
import type { CustomerObject, ShipToObject } from './customer.object';
import type { ShipToEntity } from './ship-to.entity';

export function toCustomerObject(entity: CustomerEntity): CustomerObject {
  return {
    id: entity.id,
    name: entity.name,
    segment: entity.segment,
    tier: entity.tier,
    paymentTermsDays: entity.paymentTermsDays,
  };
}

export function toShipToObject(entity: ShipToEntity): ShipToObject {
  return { id: entity.id, customerId: entity.customerId, name: entity.name, region: entity.region };
}
