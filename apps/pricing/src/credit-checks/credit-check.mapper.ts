import { fromCents } from '../common/domain/fixed-point.util';
import type { CreditCheck } from './domain/credit-check.util';
import type { CreditCheckObject } from './credit-check.object';

const amount = (cents: number | null) => (cents === null ? null : fromCents(cents));

export function toCreditCheckObject(check: CreditCheck): CreditCheckObject {
  return {
    hasAccount: check.hasAccount,
    creditLimit: amount(check.creditLimit),
    openReceivables: amount(check.openReceivables),
    otherOpenOrdersValue: fromCents(check.otherOpenOrdersValue),
    orderValue: fromCents(check.orderValue),
    exposure: fromCents(check.exposure),
    headroom: amount(check.headroom),
    withinLimit: check.withinLimit,
    overLimitBy: amount(check.overLimitBy),
    overdueDays: check.overdueDays,
    overdueAmount: amount(check.overdueAmount),
    overdue: check.overdue,
    passes: check.passes,
  };
}
