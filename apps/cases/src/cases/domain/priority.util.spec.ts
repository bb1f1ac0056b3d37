import { ExceptionCategory } from '@ordex/contracts';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  PRIORITY_MODEL,
  Priority,
  PriorityFactor,
  PriorityFactorName,
  PriorityInputs,
  PriorityWeights,
  casePriority,
  marginAtRisk,
} from './priority.util';

const FACTOR_ORDER: PriorityFactorName[] = [
  'CUSTOMER_TIER',
  'ORDER_VALUE',
  'MARGIN_AT_RISK',
  'DATE_RISK',
  'SLA_TIME_LEFT',
];

/** A case with nothing pressing: unknown customer, no money, no threatened date, no SLA. */
const CALM: PriorityInputs = {
  tier: null,
  orderValue: 0,
  marginAtRisk: 0,
  daysToRequestedDate: 30,
  dateThreatened: false,
  slaShareLeft: null,
};

const priorityOf = (overrides: Partial<PriorityInputs>, weights?: PriorityWeights): Priority =>
  casePriority({ ...CALM, ...overrides }, weights);

const factorOf = (priority: Priority, name: PriorityFactorName): PriorityFactor => {
  const found = priority.factors.find((factor) => factor.factor === name);
  if (found === undefined) throw new Error(`no ${name} factor`);
  return found;
};

const contributionOf = (overrides: Partial<PriorityInputs>, name: PriorityFactorName): number =>
  factorOf(priorityOf(overrides), name).contribution;

const isNonDecreasing = (values: number[]): boolean =>
  values.every((value, index) => index === 0 || value >= values[index - 1]);

describe('casePriority', () => {
  it('names its model and weights that sum to 100', () => {
    expect(PRIORITY_MODEL).toBe('priority/1');
    expect(DEFAULT_PRIORITY_WEIGHTS).toEqual({
      tier: 20,
      orderValue: 20,
      marginAtRisk: 15,
      dateRisk: 25,
      slaTimeLeft: 20,
    });
  });

  describe('CUSTOMER_TIER (weight 20)', () => {
    it.each([
      // tier, points, contribution = 20 × points, explanation
      ['PLATINUM', 1, 20, 'PLATINUM customer'],
      ['GOLD', 0.75, 15, 'GOLD customer'],
      ['SILVER', 0.5, 10, 'SILVER customer'],
      ['BRONZE', 0.25, 5, 'BRONZE customer'],
      [null, 0.25, 5, 'customer unknown'],
      ['DIAMOND', 0.25, 5, 'tier "DIAMOND" not recognised, scored as unknown'],
      [' gold ', 0.75, 15, 'GOLD customer'],
    ])('%p scores %p points → %p', (tier, points, contribution, explanation) => {
      expect(factorOf(priorityOf({ tier }), 'CUSTOMER_TIER')).toEqual({
        factor: 'CUSTOMER_TIER',
        input: points,
        weight: 20,
        contribution,
        explanation,
      });
    });

    it('ranks PLATINUM over GOLD over SILVER over BRONZE, unknown alongside BRONZE', () => {
      const byTier = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'].map((tier) =>
        contributionOf({ tier }, 'CUSTOMER_TIER'),
      );
      expect(byTier).toEqual([5, 10, 15, 20]);
      expect(contributionOf({ tier: null }, 'CUSTOMER_TIER')).toBe(byTier[0]);
    });
  });

  describe('ORDER_VALUE (weight 20, log10(1 + v) / log10(100,001), saturating at 100,000)', () => {
    it.each([
      // log10(100,001) = 5.0000043
      [0, 0, 'order value 0.00'], // log10(1) = 0
      [1, 1.2, 'order value 1.00'], // 20 × 0.30103 / 5.0000043 = 1.2041
      [99, 8, 'order value 99.00'], // 20 × 2 / 5.0000043 = 7.99999
      [999, 12, 'order value 999.00'], // 20 × 3 / 5.0000043 = 11.99999
      [9_999, 16, 'order value 9,999.00'], // 20 × 4 / 5.0000043 = 15.99999
      [48_200, 18.73, 'order value 48,200.00'], // 20 × 4.6830584 / 5.0000043 = 18.7322
      [100_000, 20, 'order value 100,000.00'], // 20 × 1
      [1_000_000, 20, 'order value 1,000,000.00'], // capped at 1
    ])('value %p contributes %p', (orderValue, contribution, explanation) => {
      expect(factorOf(priorityOf({ orderValue }), 'ORDER_VALUE')).toEqual({
        factor: 'ORDER_VALUE',
        input: orderValue,
        weight: 20,
        contribution,
        explanation,
      });
    });

    it('grows with the value and saturates, so one huge order cannot swamp the queue', () => {
      const values = [0, 0.5, 1, 10, 100, 1_000, 10_000, 50_000, 99_999, 100_000, 250_000, 1e9];
      const contributions = values.map((orderValue) => contributionOf({ orderValue }, 'ORDER_VALUE'));
      expect(isNonDecreasing(contributions)).toBe(true);
      expect(contributionOf({ orderValue: 1e9 }, 'ORDER_VALUE')).toBe(20);
      expect(contributionOf({ orderValue: 100_000 }, 'ORDER_VALUE')).toBe(20);
      expect(contributionOf({ orderValue: 90_000 }, 'ORDER_VALUE')).toBeLessThan(20);
    });

    it('reads negative or non-finite values as 0', () => {
      for (const orderValue of [-500, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(factorOf(priorityOf({ orderValue }), 'ORDER_VALUE')).toMatchObject({
          input: 0,
          contribution: 0,
          explanation: 'order value 0.00',
        });
      }
    });
  });

  describe('MARGIN_AT_RISK (weight 15, log10(1 + m) / log10(10,001), saturating at 10,000)', () => {
    it.each([
      // log10(10,001) = 4.0000434
      [0, 0, 'no margin at risk'],
      [9, 3.75, 'margin at risk 9.00'], // 15 × 1 / 4.0000434 = 3.74996
      [99, 7.5, 'margin at risk 99.00'], // 15 × 2 / 4.0000434 = 7.49992
      [999, 11.25, 'margin at risk 999.00'], // 15 × 3 / 4.0000434 = 11.24988
      [1_200, 11.55, 'margin at risk 1,200.00'], // 15 × 3.0795430 / 4.0000434 = 11.54816
      [10_000, 15, 'margin at risk 10,000.00'], // 15 × 1
      [50_000, 15, 'margin at risk 50,000.00'], // capped at 1
    ])('margin %p contributes %p', (margin, contribution, explanation) => {
      expect(factorOf(priorityOf({ marginAtRisk: margin }), 'MARGIN_AT_RISK')).toEqual({
        factor: 'MARGIN_AT_RISK',
        input: margin,
        weight: 15,
        contribution,
        explanation,
      });
    });

    it('grows with the margin and saturates', () => {
      const margins = [0, 1, 10, 100, 1_000, 5_000, 9_999, 10_000, 1e7];
      const contributions = margins.map((margin) =>
        contributionOf({ marginAtRisk: margin }, 'MARGIN_AT_RISK'),
      );
      expect(isNonDecreasing(contributions)).toBe(true);
      expect(contributions[contributions.length - 1]).toBe(15);
    });
  });

  describe('DATE_RISK (weight 25)', () => {
    it.each([
      // days, points when threatened, contribution = 25 × points, explanation
      [-3, 1, 25, 'requested date passed 3 days ago'],
      [-1, 1, 25, 'requested date passed 1 day ago'],
      [0, 1, 25, 'requested date is today and threatened'],
      [1, 0.9429, 23.57, 'requested date in 1 day is threatened'], // 1 − 0.8 × 1/14 = 0.942857
      [7, 0.6, 15, 'requested date in 7 days is threatened'], // 1 − 0.8 × 7/14 = 0.6
      [10, 0.4286, 10.71, 'requested date in 10 days is threatened'], // 1 − 0.8 × 10/14 = 0.428571
      [14, 0.2, 5, 'requested date in 14 days is threatened'], // 1 − 0.8 = 0.2
      [30, 0.2, 5, 'requested date in 30 days is threatened'], // floor 0.2
    ])('threatened, %p days out, contributes %p points → %p', (days, _points, contribution, explanation) => {
      const factor = factorOf(priorityOf({ dateThreatened: true, daysToRequestedDate: days }), 'DATE_RISK');
      expect(factor).toEqual({ factor: 'DATE_RISK', input: days, weight: 25, contribution, explanation });
    });

    it.each([-5, 0, 3, 30])('scores nothing when the date is not threatened, even %p days out', (days) => {
      expect(factorOf(priorityOf({ dateThreatened: false, daysToRequestedDate: days }), 'DATE_RISK')).toEqual(
        {
          factor: 'DATE_RISK',
          input: days,
          weight: 25,
          contribution: 0,
          explanation: 'requested date not threatened',
        },
      );
    });

    it('rises as the threatened date comes closer', () => {
      const daysOut = [60, 14, 13, 10, 7, 3, 1, 0, -1, -10];
      const contributions = daysOut.map((days) =>
        contributionOf({ dateThreatened: true, daysToRequestedDate: days }, 'DATE_RISK'),
      );
      expect(isNonDecreasing(contributions)).toBe(true);
    });

    it('reads non-finite days as today', () => {
      expect(
        factorOf(priorityOf({ dateThreatened: true, daysToRequestedDate: Number.NaN }), 'DATE_RISK'),
      ).toMatchObject({ input: 0, contribution: 25, explanation: 'requested date is today and threatened' });
    });
  });

  describe('SLA_TIME_LEFT (weight 20, points 1 − share kept to 0..1)', () => {
    it.each([
      // share, contribution = 20 × clamp(1 − share), explanation
      [1.5, 0, '150% of the SLA left'], // 1 − 1.5 < 0 → 0
      [1, 0, '100% of the SLA left'], // just opened: 1 − 1 = 0
      [0.6, 8, '60% of the SLA left'], // 20 × 0.4
      [0.25, 15, '25% of the SLA left'], // 20 × 0.75
      [0.004, 19.92, 'under 1% of the SLA left'], // 20 × 0.996
      [0, 20, 'SLA due now'], // 20 × 1
      [-0.5, 20, 'SLA breached by 50%'], // 1 − (−0.5) = 1.5 → 1
      [-3, 20, 'SLA breached by 300%'],
    ])('share %p contributes %p', (share, contribution, explanation) => {
      expect(factorOf(priorityOf({ slaShareLeft: share }), 'SLA_TIME_LEFT')).toEqual({
        factor: 'SLA_TIME_LEFT',
        input: share,
        weight: 20,
        contribution,
        explanation,
      });
    });

    it('scores nothing without a task with an SLA, recording the input as an untouched SLA (1)', () => {
      for (const slaShareLeft of [null, Number.NaN]) {
        expect(factorOf(priorityOf({ slaShareLeft }), 'SLA_TIME_LEFT')).toEqual({
          factor: 'SLA_TIME_LEFT',
          input: 1,
          weight: 20,
          contribution: 0,
          explanation: 'no task with an SLA',
        });
      }
    });

    it('rises as the SLA runs out', () => {
      const shares = [2, 1, 0.75, 0.5, 0.1, 0, -0.2, -5];
      const contributions = shares.map((slaShareLeft) => contributionOf({ slaShareLeft }, 'SLA_TIME_LEFT'));
      expect(isNonDecreasing(contributions)).toBe(true);
    });
  });

  describe('score', () => {
    it('is the sum of the contributions rounded half up', () => {
      const priority = priorityOf({
        tier: 'GOLD', // 15
        orderValue: 99, // 8.00
        marginAtRisk: 99, // 7.50
        dateThreatened: true,
        daysToRequestedDate: 7, // 15
        slaShareLeft: 0.25, // 15
      });
      expect(priority.factors.map((factor) => factor.contribution)).toEqual([15, 8, 7.5, 15, 15]);
      // 15 + 8 + 7.5 + 15 + 15 = 60.5 → 61
      expect(priority.score).toBe(61);
    });

    it('rounds the sum of the rounded contributions people see', () => {
      const priority = priorityOf({
        tier: 'SILVER', // 10
        orderValue: 48_200, // 18.73
        marginAtRisk: 1_200, // 11.55
        dateThreatened: true,
        daysToRequestedDate: 1, // 23.57
        slaShareLeft: -0.5, // 20
      });
      // 10 + 18.73 + 11.55 + 23.57 + 20 = 83.85 → 84
      expect(priority.score).toBe(84);
    });

    it('is 100 for the most urgent case and 5 for the calmest (unknown tier still counts as BRONZE)', () => {
      const urgent = priorityOf({
        tier: 'PLATINUM',
        orderValue: 250_000,
        marginAtRisk: 25_000,
        dateThreatened: true,
        daysToRequestedDate: -2,
        slaShareLeft: -1,
      });
      expect(urgent.score).toBe(100); // 20 + 20 + 15 + 25 + 20
      expect(priorityOf({}).score).toBe(5); // 5 + 0 + 0 + 0 + 0
    });

    it('always lists all five factors, in order, and an integer score 0..100 that rounds their sum', () => {
      const tiers = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE', null, 'UNKNOWN'];
      const values = [0, 1, 777.77, 48_200, 1e8];
      const days = [-30, 0, 5, 14, 40];
      const shares = [null, 1, 0.33, 0, -0.5];
      for (const tier of tiers)
        for (const value of values)
          for (const daysToRequestedDate of days)
            for (const slaShareLeft of shares)
              for (const dateThreatened of [true, false]) {
                const priority = casePriority({
                  tier,
                  orderValue: value,
                  marginAtRisk: value / 10,
                  daysToRequestedDate,
                  dateThreatened,
                  slaShareLeft,
                });
                expect(priority.factors.map((factor) => factor.factor)).toEqual(FACTOR_ORDER);
                const sum = priority.factors.reduce((total, factor) => total + factor.contribution, 0);
                expect(priority.score).toBe(Math.round(sum));
                expect(Number.isInteger(priority.score)).toBe(true);
                expect(priority.score).toBeGreaterThanOrEqual(0);
                expect(priority.score).toBeLessThanOrEqual(100);
                for (const factor of priority.factors) {
                  expect(factor.contribution).toBeGreaterThanOrEqual(0);
                  expect(factor.contribution).toBeLessThanOrEqual(factor.weight);
                  expect(factor.explanation).not.toBe('');
                }
              }
    });

    it('never falls when any one input gets more urgent', () => {
      const base: Partial<PriorityInputs> = {
        tier: 'SILVER',
        orderValue: 5_000,
        marginAtRisk: 300,
        dateThreatened: true,
        daysToRequestedDate: 6,
        slaShareLeft: 0.5,
      };
      const scoreOf = (overrides: Partial<PriorityInputs>) => priorityOf({ ...base, ...overrides }).score;
      const before = scoreOf({});
      expect(scoreOf({ tier: 'PLATINUM' })).toBeGreaterThanOrEqual(before);
      expect(scoreOf({ orderValue: 50_000 })).toBeGreaterThanOrEqual(before);
      expect(scoreOf({ marginAtRisk: 3_000 })).toBeGreaterThanOrEqual(before);
      expect(scoreOf({ daysToRequestedDate: 2 })).toBeGreaterThanOrEqual(before);
      expect(scoreOf({ slaShareLeft: -0.1 })).toBeGreaterThanOrEqual(before);
      expect(scoreOf({ dateThreatened: false })).toBeLessThanOrEqual(before);
    });
  });

  describe('weights', () => {
    const TIER_HEAVY: PriorityWeights = {
      tier: 40,
      orderValue: 10,
      marginAtRisk: 10,
      dateRisk: 30,
      slaTimeLeft: 10,
    };

    it('override the defaults: each factor gives its own weight × the same points', () => {
      const priority = priorityOf(
        {
          tier: 'GOLD', // 40 × 0.75 = 30
          orderValue: 99, // 10 × 0.4 = 4
          marginAtRisk: 99, // 10 × 0.5 = 5
          dateThreatened: true,
          daysToRequestedDate: 7, // 30 × 0.6 = 18
          slaShareLeft: 0.25, // 10 × 0.75 = 7.5
        },
        TIER_HEAVY,
      );
      expect(priority.factors.map((factor) => [factor.factor, factor.weight, factor.contribution])).toEqual([
        ['CUSTOMER_TIER', 40, 30],
        ['ORDER_VALUE', 10, 4],
        ['MARGIN_AT_RISK', 10, 5],
        ['DATE_RISK', 30, 18],
        ['SLA_TIME_LEFT', 10, 7.5],
      ]);
      // 30 + 4 + 5 + 18 + 7.5 = 64.5 → 65
      expect(priority.score).toBe(65);
    });

    it('keep a zero-weight factor in the list, contributing nothing', () => {
      const noSla: PriorityWeights = {
        tier: 25,
        orderValue: 25,
        marginAtRisk: 25,
        dateRisk: 25,
        slaTimeLeft: 0,
      };
      const priority = priorityOf({ tier: 'PLATINUM', slaShareLeft: -1 }, noSla);
      expect(factorOf(priority, 'SLA_TIME_LEFT')).toMatchObject({ weight: 0, contribution: 0 });
      expect(priority.factors.map((factor) => factor.factor)).toEqual(FACTOR_ORDER);
      expect(priority.score).toBe(25); // PLATINUM 25 × 1, nothing else
    });

    it('accept decimal weights that sum to 100', () => {
      const thirds: PriorityWeights = {
        tier: 33.333333,
        orderValue: 33.333333,
        marginAtRisk: 33.333334,
        dateRisk: 0,
        slaTimeLeft: 0,
      };
      const priority = priorityOf({ tier: 'PLATINUM', orderValue: 100_000, marginAtRisk: 10_000 }, thirds);
      // 33.33 + 33.33 + 33.33 = 99.99 → 100
      expect(priority.score).toBe(100);
    });

    it.each([
      ['a sum under 100', { ...DEFAULT_PRIORITY_WEIGHTS, tier: 19 }],
      ['a sum over 100', { ...DEFAULT_PRIORITY_WEIGHTS, tier: 21 }],
      ['a negative weight', { tier: -10, orderValue: 30, marginAtRisk: 15, dateRisk: 45, slaTimeLeft: 20 }],
      ['a non-finite weight', { ...DEFAULT_PRIORITY_WEIGHTS, tier: Number.NaN }],
    ])('refuse %s', (_case, weights) => {
      expect(() => priorityOf({}, weights)).toThrow(RangeError);
    });
  });
});

describe('marginAtRisk', () => {
  const {
    CREDIT_HOLD,
    ERP_SYNC,
    MASTER_DATA,
    PRICE_MISMATCH,
    ROUTING_RULE,
    SHIPMENT_CONSTRAINT,
    STOCK_SHORTAGE,
  } = ExceptionCategory;

  // Line margins = unitPrice × quantity × marginPct / 100:
  // line 1: 12.50 × 40 × 18.75 % = 500 × 0.1875 = 93.75
  // line 2: 30.00 × 10 × 20 % (no margin reported) = 300 × 0.2 = 60
  // line 3: 2.00 × 100 × 25 % = 200 × 0.25 = 50
  // whole order: 93.75 + 60 + 50 = 203.75
  const LINES = [
    { lineNo: 1, quantity: 40, unitPrice: 12.5, marginPct: 18.75 },
    { lineNo: 2, quantity: 10, unitPrice: 30, marginPct: null },
    { lineNo: 3, quantity: 100, unitPrice: 2, marginPct: 25 },
  ];

  const onLine = (category: string, lineNo: number | null, facts: Record<string, unknown> = {}) => ({
    category,
    lineNo,
    facts,
  });
  const header = (category: string) => onLine(category, null);
  const priceMismatch = (lineNo: number, contractPrice: number | null, unitPrice?: number) =>
    onLine(
      PRICE_MISMATCH,
      lineNo,
      unitPrice === undefined ? { contractPrice } : { contractPrice, unitPrice },
    );

  it('is 0 without open exceptions', () => {
    expect(marginAtRisk(LINES, [])).toBe(0);
  });

  it('STOCK_SHORTAGE risks the line margin from its price check', () => {
    expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 1)])).toBe(93.75); // 500 × 18.75 %
  });

  it('STOCK_SHORTAGE on a line without a reported margin assumes 20 %', () => {
    expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 2)])).toBe(60); // 300 × 20 %
  });

  it('STOCK_SHORTAGE on several lines adds their margins', () => {
    expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 1), onLine(STOCK_SHORTAGE, 3)])).toBe(143.75); // 93.75 + 50
  });

  it('PRICE_MISMATCH risks what billing under the contract loses', () => {
    expect(marginAtRisk(LINES, [priceMismatch(1, 14, 12.5)])).toBe(60); // (14 − 12.50) × 40
  });

  it('PRICE_MISMATCH risks nothing over the contract price or without a contract price', () => {
    expect(marginAtRisk(LINES, [priceMismatch(1, 12, 12.5)])).toBe(0); // max(0, (12 − 12.50) × 40)
    expect(marginAtRisk(LINES, [priceMismatch(1, null, 12.5)])).toBe(0);
    expect(marginAtRisk(LINES, [onLine(PRICE_MISMATCH, 1, { contractPrice: 'n/a', unitPrice: 12.5 })])).toBe(
      0,
    );
  });

  it('PRICE_MISMATCH without a unit price in its facts uses the line price', () => {
    expect(marginAtRisk(LINES, [priceMismatch(1, 13)])).toBe(20); // (13 − 12.50) × 40
  });

  it.each([CREDIT_HOLD, SHIPMENT_CONSTRAINT])('%s risks the whole order margin', (category) => {
    expect(marginAtRisk(LINES, [header(category)])).toBe(203.75); // 93.75 + 60 + 50
  });

  it('a CREDIT_HOLD carrying a line number still risks the whole order', () => {
    expect(marginAtRisk(LINES, [onLine(CREDIT_HOLD, 2)])).toBe(203.75);
  });

  it.each([MASTER_DATA, ROUTING_RULE, ERP_SYNC])('%s risks no margin of its own', (category) => {
    expect(marginAtRisk(LINES, [header(category), onLine(category, 1)])).toBe(0);
  });

  describe('never counts a line twice', () => {
    it('a line with a shortage and a smaller price loss risks its margin once', () => {
      // max(93.75, (14 − 12.50) × 40 = 60) = 93.75, not 153.75
      expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 1), priceMismatch(1, 14, 12.5)])).toBe(93.75);
    });

    it('a line with a shortage and a larger price loss risks the price loss', () => {
      // max(93.75, (16 − 12.50) × 40 = 140) = 140
      expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 1), priceMismatch(1, 16, 12.5)])).toBe(140);
    });

    it('the same exception twice on a line counts once', () => {
      expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 1), onLine(STOCK_SHORTAGE, 1)])).toBe(93.75);
    });

    it('two header exceptions risk the whole order once', () => {
      expect(marginAtRisk(LINES, [header(CREDIT_HOLD), header(SHIPMENT_CONSTRAINT)])).toBe(203.75);
    });

    it("a header exception's line margins replace smaller line figures", () => {
      // line 2: max(60 shortage, 60 header) = 60; total 93.75 + 60 + 50 = 203.75, not 263.75
      // line 1: max(20 price loss, 93.75 header) = 93.75
      expect(
        marginAtRisk(LINES, [header(CREDIT_HOLD), onLine(STOCK_SHORTAGE, 2), priceMismatch(1, 13, 12.5)]),
      ).toBe(203.75);
    });

    it('a line figure larger than its margin stays under a header exception', () => {
      // line 1: max((16 − 12.50) × 40 = 140, 93.75) = 140; lines 2, 3 take their margins 60 + 50
      // 140 + 60 + 50 = 250
      expect(marginAtRisk(LINES, [header(SHIPMENT_CONSTRAINT), priceMismatch(1, 16, 12.5)])).toBe(250);
    });
  });

  describe('edges', () => {
    it('a line exception on a line it was not given, or with no line, risks 0', () => {
      expect(marginAtRisk(LINES, [onLine(STOCK_SHORTAGE, 9), priceMismatch(9, 20, 1)])).toBe(0);
      expect(
        marginAtRisk(LINES, [
          onLine(STOCK_SHORTAGE, null),
          onLine(PRICE_MISMATCH, null, { contractPrice: 5 }),
        ]),
      ).toBe(0);
    });

    it('a line sold at a loss has no margin to risk', () => {
      // line 4: 10 × 5 × −4 % < 0 → 0; whole order 203.75 + 0
      const lines = [...LINES, { lineNo: 4, quantity: 10, unitPrice: 5, marginPct: -4 }];
      expect(marginAtRisk(lines, [onLine(STOCK_SHORTAGE, 4)])).toBe(0);
      expect(marginAtRisk(lines, [header(CREDIT_HOLD)])).toBe(203.75);
    });

    it('a line with a non-positive price or quantity has no margin to risk', () => {
      // −5 × −10 would read as a positive 50 × 20 % = 10 if signs were not checked
      const lines = [
        { lineNo: 1, quantity: -10, unitPrice: -5, marginPct: null },
        { lineNo: 2, quantity: 0, unitPrice: 5, marginPct: 30 },
      ];
      expect(marginAtRisk(lines, [header(CREDIT_HOLD), onLine(STOCK_SHORTAGE, 1)])).toBe(0);
    });

    it('an order without lines risks nothing', () => {
      expect(marginAtRisk([], [header(CREDIT_HOLD)])).toBe(0);
    });

    it('rounds to cents', () => {
      const lines = [{ lineNo: 1, quantity: 7, unitPrice: 1.01, marginPct: 33 }];
      expect(marginAtRisk(lines, [onLine(STOCK_SHORTAGE, 1)])).toBe(2.33); // 7.07 × 33 % = 2.3331
      expect(marginAtRisk(lines, [priceMismatch(1, 1.043, 1.01)])).toBe(0.23); // 0.033 × 7 = 0.231
    });

    it('feeds the MARGIN_AT_RISK factor', () => {
      const margin = marginAtRisk(LINES, [header(CREDIT_HOLD)]); // 203.75
      // 15 × log10(204.75) / log10(10,001) = 15 × 2.3112 / 4.0000434 = 8.667
      expect(factorOf(casePriority({ ...CALM, marginAtRisk: margin }), 'MARGIN_AT_RISK')).toMatchObject({
        input: 203.75,
        contribution: 8.67,
        explanation: 'margin at risk 203.75',
      });
    });
  });
});
