import type { RoutingPolicy } from '../shipment-options/domain/shipment-options.util';
import type { RoutingRuleEntity } from './routing-rule.entity';
import type { RoutingRuleObject } from './routing-rule.object';

export function toRoutingRuleObject(entity: RoutingRuleEntity): RoutingRuleObject {
  return {
    customerId: entity.customerId,
    shipComplete: entity.shipComplete,
    allowedDcs: entity.allowedDcs,
    preferredDc: entity.preferredDc,
    deliveryWindows: entity.deliveryWindows.map((w) => ({
      weekday: w.weekday,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
    })),
    allowedCarriers: entity.allowedCarriers,
    excludedCarriers: entity.excludedCarriers,
  };
}

export function toRoutingPolicy(entity: RoutingRuleEntity): RoutingPolicy {
  return {
    allowedDcs: entity.allowedDcs,
    preferredDc: entity.preferredDc,
    allowedCarriers: entity.allowedCarriers,
    excludedCarriers: entity.excludedCarriers,
    deliveryWindows: entity.deliveryWindows,
  };
}
