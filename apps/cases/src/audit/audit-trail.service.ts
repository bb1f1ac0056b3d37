import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRecord, chainHash, GENESIS_HASH } from './domain/chain-hash.util';

export type AuditAppend = Omit<AuditRecord, 'recordedAt'>;

@Injectable()
export class AuditTrailService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /**
   * Appends an entry to its case's hash chain. Pass the transaction of the change being recorded
   * so that both commit together; without one, the entry gets a transaction of its own.
   */
  append(input: AuditAppend, tx?: EntityManager): Promise<AuditEntryEntity> {
    return tx ? this.appendIn(tx, input) : this.entries.manager.transaction((m) => this.appendIn(m, input));
  }

  private async appendIn(tx: EntityManager, input: AuditAppend): Promise<AuditEntryEntity> {
    // Locking the case row makes concurrent appends to one case take turns, so each links to the last.
    const locked: unknown[] = await tx.query(`SELECT 1 FROM "cases"."case" WHERE id = $1 FOR UPDATE`, [
      input.caseId,
    ]);
    if (locked.length === 0) throw new Error(`audit entry for unknown case ${input.caseId}`);
    const last = await tx.findOne(AuditEntryEntity, {
      where: { caseId: input.caseId },
      order: { seq: 'DESC' },
    });
    const prevHash = last?.hash ?? GENESIS_HASH;
    const recordedAt = new Date();
    const hash = chainHash(prevHash, { ...input, recordedAt: recordedAt.toISOString() });
    return tx.save(AuditEntryEntity, { ...input, prevHash, hash, recordedAt });
  }
}
