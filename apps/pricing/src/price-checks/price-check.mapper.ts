import type { PriceCheck } from './domain/price-check.util';
import { ContractKindEnum } from './contract-kind.enum';
import type { PriceCheckObject } from './order-line.object';

export function toPriceCheckObject(check: PriceCheck): PriceCheckObject {
  return { ...check, contractKind: check.contractKind && ContractKindEnum[check.contractKind] };
}
