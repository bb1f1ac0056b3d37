import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import type { OrderLineObject, OrderObject } from './order.object';

export function toOrderObject(entity: OrderEntity): OrderObject {
  return {
    orderNumber: entity.orderNumber,
    erpVersion: entity.erpVersion,
    customerId: entity.customerId,
    shipToId: entity.shipToId,
    orderedOn: entity.orderedOn,
    requestedDate: entity.requestedDate,
    currency: entity.currency,
    status: entity.status,
    notes: entity.notes,
  };
}

export function toOrderLineObject(line: OrderLineEntity, order: OrderObject): OrderLineObject {
  return {
    id: `${line.orderNumber}:${line.lineNo}`,
    orderNumber: line.orderNumber,
    lineNo: line.lineNo,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    customerId: order.customerId,
    orderedOn: order.orderedOn,
    requestedDate: order.requestedDate,
  };
}
