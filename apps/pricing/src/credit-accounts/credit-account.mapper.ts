import type { CreditAccountEntity } from './credit-account.entity';
import type { CreditAccountObject } from './credit-account.object';

export function toCreditAccountObject(entity: CreditAccountEntity): CreditAccountObject {
  return {
    customerId: entity.customerId,
    creditLimit: entity.creditLimit,
    openReceivables: entity.openReceivables,
    overdueDays: entity.overdueDays,
    overdueAmount: entity.overdueAmount,
  };
}
