/** A credit account in whole cents. */
export interface AccountCents {
  creditLimit: number;
  openReceivables: number;
  /** Days the oldest open receivable is past its terms; 0 when none is. */
  overdueDays: number;
  /** Receivables past their terms; null when the ERP has not reported it (v1 events). */
  overdueAmount: number | null;
}

/** An order's credit check; every amount in whole cents. */
export interface CreditCheck {
  hasAccount: boolean;
  creditLimit: number | null;
  openReceivables: number | null;
  otherOpenOrdersValue: number;
  orderValue: number;
  exposure: number;
  headroom: number | null;
  withinLimit: boolean | null;
  overLimitBy: number | null;
  overdueDays: number | null;
  overdueAmount: number | null;
  overdue: boolean | null;
  passes: boolean;
}

/**
 * Checks an order against its customer's credit, all in whole cents (so "exactly at the limit"
 * is exact):
 * - exposure = open receivables + the customer's other open orders + this order;
 * - headroom = limit − exposure (negative when over); withinLimit ⇔ exposure ≤ limit, so an
 *   exposure exactly at the limit is within and one cent more is not; overLimitBy = the excess, ≥ 0;
 * - overdue ⇔ overdueDays > 0 (receivables past their terms);
 * - passes ⇔ an account exists, exposure is within the limit and nothing is overdue.
 * Without an account the check fails; the limit and receivables are unknown, so every figure
 * built on them is null and the exposure counts only the open orders and this one.
 */
export function checkCredit(
  account: AccountCents | null,
  otherOpenOrdersValue: number,
  orderValue: number,
): CreditCheck {
  const orders = otherOpenOrdersValue + orderValue;
  if (!account) {
    return {
      hasAccount: false,
      creditLimit: null,
      openReceivables: null,
      otherOpenOrdersValue,
      orderValue,
      exposure: orders,
      headroom: null,
      withinLimit: null,
      overLimitBy: null,
      overdueDays: null,
      overdueAmount: null,
      overdue: null,
      passes: false,
    };
  }
  const exposure = account.openReceivables + orders;
  const headroom = account.creditLimit - exposure;
  const withinLimit = headroom >= 0;
  const overdue = account.overdueDays > 0;
  return {
    hasAccount: true,
    creditLimit: account.creditLimit,
    openReceivables: account.openReceivables,
    otherOpenOrdersValue,
    orderValue,
    exposure,
    headroom,
    withinLimit,
    overLimitBy: Math.max(0, -headroom),
    overdueDays: account.overdueDays,
    overdueAmount: account.overdueAmount,
    overdue,
    passes: withinLimit && !overdue,
  };
}
