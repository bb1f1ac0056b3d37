import type { InboundPurchaseOrderEntity } from './inbound-purchase-order.entity';
import type { InboundPurchaseOrderObject } from './inbound-purchase-order.object';

export function toInboundPurchaseOrderObject(entity: InboundPurchaseOrderEntity): InboundPurchaseOrderObject {
  return {
    id: entity.id,
    sku: entity.sku,
    dcCode: entity.dcCode,
    quantity: entity.quantity,
    eta: entity.eta,
  };
}
