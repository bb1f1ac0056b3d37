import { AccountCents, checkCredit } from './credit-check.util';

const account = (overrides: Partial<AccountCents> = {}): AccountCents => ({
  creditLimit: 10_000_000, // 100,000.00
  openReceivables: 4_000_000,
  overdueDays: 0,
  overdueAmount: 0,
  ...overrides,
});

describe('checkCredit', () => {
  it('adds receivables, the other open orders and this order into the exposure', () => {
    expect(checkCredit(account(), 2_500_000, 1_000_000)).toEqual({
      hasAccount: true,
      creditLimit: 10_000_000,
      openReceivables: 4_000_000,
      otherOpenOrdersValue: 2_500_000,
      orderValue: 1_000_000,
      exposure: 7_500_000,
      headroom: 2_500_000,
      withinLimit: true,
      overLimitBy: 0,
      overdueDays: 0,
      overdueAmount: 0,
      overdue: false,
      passes: true,
    });
  });

  it('passes an exposure exactly at the limit', () => {
    expect(checkCredit(account(), 2_500_000, 3_500_000)).toMatchObject({
      exposure: 10_000_000,
      headroom: 0,
      withinLimit: true,
      overLimitBy: 0,
      passes: true,
    });
  });

  it('fails an exposure one cent over the limit, by that cent', () => {
    expect(checkCredit(account(), 2_500_000, 3_500_001)).toMatchObject({
      exposure: 10_000_001,
      headroom: -1,
      withinLimit: false,
      overLimitBy: 1,
      passes: false,
    });
  });

  it('fails an account overdue by a single day, within the limit or not', () => {
    expect(checkCredit(account({ overdueDays: 1, overdueAmount: 50_000 }), 0, 100)).toMatchObject({
      withinLimit: true,
      overdue: true,
      overdueDays: 1,
      overdueAmount: 50_000,
      passes: false,
    });
  });

  it('keeps an unreported overdue amount unknown', () => {
    expect(checkCredit(account({ overdueAmount: null }), 0, 100).overdueAmount).toBeNull();
  });

  it('fails without an account, reporting what is known', () => {
    expect(checkCredit(null, 120_000, 30_000)).toEqual({
      hasAccount: false,
      creditLimit: null,
      openReceivables: null,
      otherOpenOrdersValue: 120_000,
      orderValue: 30_000,
      exposure: 150_000,
      headroom: null,
      withinLimit: null,
      overLimitBy: null,
      overdueDays: null,
      overdueAmount: null,
      overdue: null,
      passes: false,
    });
  });

  it('fails a zero limit for any order of value', () => {
    expect(checkCredit(account({ creditLimit: 0, openReceivables: 0 }), 0, 1)).toMatchObject({
      withinLimit: false,
      overLimitBy: 1,
      passes: false,
    });
    expect(checkCredit(account({ creditLimit: 0, openReceivables: 0 }), 0, 0).passes).toBe(true);
  });
});
