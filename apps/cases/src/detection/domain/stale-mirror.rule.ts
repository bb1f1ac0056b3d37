import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';

/**
 * ERP_SYNC for a mirror that stays behind: the ERP sent version `expected` of the order but the
 * orders mirror still holds an older one after every evaluation attempt (an event lost or
 * dead-lettered on the way).
 */
export function staleMirrorException(order: OrderContext, expected: number): DetectedException {
  return {
    category: ExceptionCategory.ERP_SYNC,
    lineNo: null,
    reason: `the ERP sent version ${expected} of ${order.orderNumber} but the mirror still holds version ${order.erpVersion}`,
    facts: { expectedErpVersion: expected, mirroredErpVersion: order.erpVersion },
  };
}
