import { isMonthEnd, RISK_FEATURES, riskFeatures, workingDaysBetween, type RiskInput } from './risk-input';
import { RISK_RULES, rulesRisk } from './rules-risk';

const input: RiskInput = {
  orderedAt: new Date('2026-11-06T15:00:00Z'), // a Friday
  requestedDate: '2026-11-10', // the Tuesday after: Monday and Tuesday are working days
  lines: 3,
  orderValue: Math.E - 1,
  segment: 'SMB',
  tier: 'GOLD',
  monthEnd: false,
  categories: ['STOCK_SHORTAGE', 'PRICE_MISMATCH', 'STOCK_SHORTAGE'],
  recentExceptions: 0,
};

describe('service-risk features', () => {
  it('counts working days after the order day up to the promised date', () => {
    expect(workingDaysBetween(input.orderedAt, '2026-11-10')).toBe(2);
    expect(workingDaysBetween(input.orderedAt, '2026-11-06')).toBe(0);
    expect(workingDaysBetween(input.orderedAt, '2026-11-08')).toBe(0);
    expect(workingDaysBetween(input.orderedAt, '2026-11-20')).toBe(10);
    expect(() => workingDaysBetween(input.orderedAt, 'soon')).toThrow(
      'requestedDate soon is not an ISO date',
    );
  });

  it('writes every feature by name, categories once each, crossed with the slack', () => {
    const values = riskFeatures(input);
    const named = Object.fromEntries(RISK_FEATURES.map((name, i) => [name, values[i]]));
    expect(values).toHaveLength(RISK_FEATURES.length);
    expect(named).toMatchObject({
      slack_working_days: 2,
      due_within_a_day: 0,
      lines: 3,
      month_end: 0,
      segment_SMB: 1,
      segment_KEY_ACCOUNT: 0,
      tier_GOLD: 1,
      exception_count: 2,
      log_recent_exceptions: 0,
      category_STOCK_SHORTAGE: 1,
      category_PRICE_MISMATCH: 1,
      category_CREDIT_HOLD: 0,
      category_STOCK_SHORTAGE_x_slack: 2,
      category_CREDIT_HOLD_x_slack: 0,
    });
    expect(named.log_order_value).toBeCloseTo(1, 6);
  });

  it('the rules combine the categories as independent causes, more when the promise is tight', () => {
    const onTime = (1 - RISK_RULES.base) * (1 - 0.6) * (1 - 0.3);
    expect(rulesRisk(input, 2)).toBeCloseTo(1 - onTime, 12);
    expect(rulesRisk(input, 1)).toBeCloseTo(1 - onTime * (1 - RISK_RULES.tightPromise), 12);
    expect(rulesRisk({ ...input, categories: [] }, 0)).toBeCloseTo(RISK_RULES.base, 12);
  });

  it('month end is the last three working days of the month', () => {
    // November 2026 ends on Monday the 30th: its last three working days are the 26th, 27th and 30th.
    expect(['25', '26', '27', '28', '30'].map((d) => isMonthEnd(new Date(`2026-11-${d}T10:00:00Z`)))).toEqual(
      [false, true, true, false, true],
    );
  });
});
