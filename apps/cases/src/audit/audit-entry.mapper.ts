import type { AuditEntryEntity } from './audit-entry.entity';
import type { AuditEntryObject } from './audit-entry.object';
import type { SequencedLink } from './domain/verify-audit-chain.util';

export function toAuditEntryObject(entity: AuditEntryEntity): AuditEntryObject {
  return {
    seq: entity.seq,
    actor: entity.actor,
    action: entity.action,
    payload: JSON.stringify(entity.payload),
    recordedAt: entity.recordedAt,
    hash: entity.hash,
    prevHash: entity.prevHash,
  };
}

/** The stored entry as the chain link its hash was computed over. */
export function toSequencedLink(entity: AuditEntryEntity): SequencedLink {
  return {
    seq: entity.seq,
    entry: {
      caseId: entity.caseId,
      actor: entity.actor,
      action: entity.action,
      payload: entity.payload,
      recordedAt: entity.recordedAt.toISOString(),
    },
    prevHash: entity.prevHash,
    hash: entity.hash,
  };
}
