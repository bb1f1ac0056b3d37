import { createEvent } from '@ordex/contracts';
import { enqueueEvent } from '@ordex/platform';
import type { EntityManager } from 'typeorm';
import type { CaseEntity } from './case.entity';

/**
 * Queues `cases.case.updated.v1` for a case in the transaction of the change it reports (the
 * outbox publishes it after commit): live subscribers, partners' webhooks and analytics read it.
 */
export function enqueueCaseUpdated(
  tx: EntityManager,
  kase: Pick<CaseEntity, 'id' | 'orderNumber' | 'customerId' | 'status' | 'priority'>,
  change: string,
  now: Date,
): Promise<boolean> {
  return enqueueEvent(
    tx,
    createEvent(
      'cases.case.updated.v1',
      kase.id,
      {
        caseId: kase.id,
        orderNumber: kase.orderNumber,
        customerId: kase.customerId ?? '',
        status: kase.status,
        priority: kase.priority,
        change,
        changedAt: now.toISOString(),
      },
      { source: 'ordex.cases' },
    ),
  );
}
