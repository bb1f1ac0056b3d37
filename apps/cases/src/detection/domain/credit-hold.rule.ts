import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';

/**
 * The order's CREDIT_HOLD exception: the customer's exposure (receivables + open orders + this
 * order) exceeds the limit, and/or receivables are overdue. A customer without a credit account
 * is a MASTER_DATA matter; no credit answer at all raises nothing.
 */
export function creditHoldException(order: OrderContext): DetectedException | null {
  const credit = order.creditCheck;
  if (credit === null || !credit.hasAccount) return null;
  const overLimit = credit.withinLimit === false;
  const overdue = credit.overdue === true;
  if (!overLimit && !overdue) return null;

  const parts: string[] = [];
  if (overLimit) {
    parts.push(
      `over the credit limit by ${amount(credit.overLimitBy)} ${order.currency} ` +
        `(exposure ${amount(credit.exposure)} vs limit ${amount(credit.creditLimit)})`,
    );
  }
  if (overdue) {
    parts.push(
      `receivables overdue ${credit.overdueDays ?? '?'} days (${amount(credit.overdueAmount)} ${order.currency})`,
    );
  }
  return {
    category: ExceptionCategory.CREDIT_HOLD,
    lineNo: null,
    reason: `customer ${order.customerId}: ${parts.join('; ')}`,
    facts: {
      currency: order.currency,
      creditLimit: credit.creditLimit,
      exposure: credit.exposure,
      withinLimit: credit.withinLimit,
      overLimitBy: credit.overLimitBy,
      overdue: credit.overdue,
      overdueDays: credit.overdueDays,
      overdueAmount: credit.overdueAmount,
    },
  };
}

function amount(value: number | null): string {
  return value === null ? '?' : value.toFixed(2);
}
