import type { RoutingRule } from '@ordex/contracts';
import { minuteOfDay } from '../../calendar/domain/local-time.util';

/** Why a routing rule cannot be applied (it is dead-lettered with this reason); null when it can. */
export function routingRuleProblem(rule: RoutingRule): string | null {
  for (const window of rule.deliveryWindows) {
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7)
      return `routing rule of ${rule.customerId}: weekday ${window.weekday} is not 1 (Monday) to 7 (Sunday)`;
    const opens = minuteOfDay(window.opensAt);
    const closes = minuteOfDay(window.closesAt);
    if (opens === null || closes === null)
      return `routing rule of ${rule.customerId}: delivery window ${window.opensAt}–${window.closesAt} is not HH:MM–HH:MM`;
    if (opens >= closes)
      return `routing rule of ${rule.customerId}: delivery window ${window.opensAt}–${window.closesAt} closes before it opens`;
  }
  return null;
}
