import type { RoutingRule } from '@ordex/contracts';
import { routingRuleProblem } from './routing-rule.util';

const rule: RoutingRule = {
  customerId: 'C-1',
  shipComplete: true,
  allowedDcs: ['DC-N'],
  preferredDc: 'DC-N',
  deliveryWindows: [{ weekday: 2, opensAt: '08:00', closesAt: '12:00' }],
  allowedCarriers: [],
  excludedCarriers: ['SLOW'],
};

describe('routingRuleProblem', () => {
  it('accepts a well-formed rule, and one without windows', () => {
    expect(routingRuleProblem(rule)).toBeNull();
    expect(routingRuleProblem({ ...rule, deliveryWindows: [] })).toBeNull();
  });

  it('refuses weekdays outside 1–7', () => {
    for (const weekday of [0, 8, 1.5]) {
      expect(
        routingRuleProblem({ ...rule, deliveryWindows: [{ weekday, opensAt: '08:00', closesAt: '12:00' }] }),
      ).toBe(`routing rule of C-1: weekday ${weekday} is not 1 (Monday) to 7 (Sunday)`);
    }
  });

  it('refuses unreadable or inverted windows', () => {
    expect(
      routingRuleProblem({ ...rule, deliveryWindows: [{ weekday: 1, opensAt: '8am', closesAt: '12:00' }] }),
    ).toBe('routing rule of C-1: delivery window 8am–12:00 is not HH:MM–HH:MM');
    expect(
      routingRuleProblem({ ...rule, deliveryWindows: [{ weekday: 1, opensAt: '12:00', closesAt: '08:00' }] }),
    ).toBe('routing rule of C-1: delivery window 12:00–08:00 closes before it opens');
  });
});
