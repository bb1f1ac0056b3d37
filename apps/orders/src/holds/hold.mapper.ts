import type { ErpCommandEntity } from './erp-command.entity';
import type { ErpCommandStatusObject, OrderHoldObject } from './hold.object';
import type { OrderHoldEntity } from './order-hold.entity';

export function toOrderHoldObject(entity: OrderHoldEntity): OrderHoldObject {
  return {
    id: entity.id,
    orderNumber: entity.orderNumber,
    type: entity.type,
    reason: entity.reason,
    state: entity.state,
    requestedBy: entity.requestedBy,
    requestedAt: entity.requestedAt,
    placedAt: entity.placedAt,
    releaseRequestedBy: entity.releaseRequestedBy,
    releaseRequestedAt: entity.releaseRequestedAt,
    releaseReason: entity.releaseReason,
    releasedBy: entity.releasedBy,
    releasedAt: entity.releasedAt,
    rejectionReason: entity.rejectionReason,
  };
}

export function toErpCommandStatusObject(entity: ErpCommandEntity): ErpCommandStatusObject {
  return {
    commandId: entity.id,
    commandType: entity.commandType,
    orderNumber: entity.orderNumber,
    holdId: entity.holdId,
    erpVersion: entity.erpVersion,
    status: entity.status,
    reason: entity.reason,
    outcomeReason: entity.outcomeReason,
    requestedBy: entity.requestedBy,
    requestedAt: entity.requestedAt,
    acknowledgedAt: entity.acknowledgedAt,
  };
}
