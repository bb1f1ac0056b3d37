import type { RoutingRuleEntity } from './routing-rule.entity';
import type { RoutingRuleObject } from './routing-rule.object';

export function toRoutingRuleObject(entity: RoutingRuleEntity): RoutingRuleObject {
  return {
    customerId: entity.customerId,
    shipComplete: entity.shipComplete,
    allowedDcs: entity.allowedDcs,
    preferredDc: entity.preferredDc,
  };
}
