import { ExceptionCategory } from '@ordex/contracts';
import type { OrderContext } from '../order-context';
import { staleMirrorException } from './stale-mirror.rule';

describe('stale mirror', () => {
  it('names the version the ERP sent and the one the mirror holds', () => {
    const order = { orderNumber: 'SO-7', erpVersion: 2 } as OrderContext;
    expect(staleMirrorException(order, 3)).toEqual({
      category: ExceptionCategory.ERP_SYNC,
      lineNo: null,
      reason: 'the ERP sent version 3 of SO-7 but the mirror still holds version 2',
      facts: { expectedErpVersion: 3, mirroredErpVersion: 2 },
    });
  });
});
