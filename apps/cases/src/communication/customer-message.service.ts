import { Injectable } from '@nestjs/common';
import { loadConfig } from '@ordex/platform';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CaseActionEntity } from '../actions/case-action.entity';
import { CaseEntity } from '../cases/case.entity';
import { type CommitmentDraft, draftRevisedCommitment } from './domain/revised-commitment.util';

const schema = z.object({
  CUSTOMER_MESSAGE_SIGNATURE: z.string().min(1).max(200).default('Customer service'),
});

/**
 * Drafts the case's revised-commitment message from what was decided (the DONE actions) and
 * stores it on the case for customer service to review and send; ordex never sends it itself.
 */
@Injectable()
export class CustomerMessageService {
  private readonly signature = loadConfig('cases', schema, process.env).CUSTOMER_MESSAGE_SIGNATURE;

  /** The new draft, or null when the case has no order snapshot yet (never assessed). */
  async draft(tx: EntityManager, kase: CaseEntity, now: Date): Promise<CommitmentDraft | null> {
    const snapshot =
      kase.orderSnapshot ?? (await tx.findOneBy(CaseEntity, { id: kase.id }))?.orderSnapshot ?? null;
    if (!snapshot) return null;
    const done = await tx.find(CaseActionEntity, {
      where: { caseId: kase.id, state: 'DONE' },
      order: { takenAt: 'ASC', id: 'ASC' },
    });
    const draft = draftRevisedCommitment({
      orderNumber: kase.orderNumber,
      customerName: snapshot.customerName ?? null,
      requestedDate: snapshot.originalRequestedDate,
      currency: snapshot.currency,
      lines: snapshot.lines,
      actions: done
        .filter((a) => a.action !== 'RELEASE_ORDER')
        .map((a) => ({ action: a.action, parameters: a.parameters })),
      signature: this.signature,
    });
    const stored = { ...draft, draftedAt: now.toISOString() };
    await tx.update(CaseEntity, { id: kase.id }, { customerMessage: stored });
    kase.customerMessage = stored;
    return draft;
  }
}
