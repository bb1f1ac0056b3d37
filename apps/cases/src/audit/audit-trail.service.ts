import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createEvent } from '@ordex/contracts';
import { enqueueEvent, groupByKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { toSequencedLink } from './audit-entry.mapper';
import { toCaseActivity } from './domain/case-activity.util';
import { AuditRecord, chainHash, GENESIS_HASH } from './domain/chain-hash.util';
import { AuditChainReport, verifyAuditChain } from './domain/verify-audit-chain.util';

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

  /** Each case's trail, oldest first. */
  async byCaseIds(caseIds: readonly string[]): Promise<AuditEntryEntity[][]> {
    const rows = await this.entries.find({ where: { caseId: In([...caseIds]) }, order: { seq: 'ASC' } });
    return groupByKeys(caseIds, rows, (e) => e.caseId);
  }

  /** Recomputes a case's hash chain; null when there is no such case. */
  async verify(caseId: string): Promise<AuditChainReport | null> {
    const known: unknown[] = await this.entries.query(`SELECT 1 FROM "cases"."case" WHERE id = $1`, [caseId]);
    if (known.length === 0) return null;
    const [trail] = await this.byCaseIds([caseId]);
    return verifyAuditChain(trail.map(toSequencedLink));
  }

  /**
   * Appends the entry and queues it as `cases.activity.recorded.v1` in the same transaction, so the
   * process-mining feed holds exactly the steps on the trail: none lost, none doubled.
   */
  private async appendIn(tx: EntityManager, input: AuditAppend): Promise<AuditEntryEntity> {
    // Locking the case row makes concurrent appends to one case take turns, so each links to the last.
    const locked: { order_number: string; customer_id: string | null }[] = await tx.query(
      `SELECT order_number, customer_id FROM "cases"."case" WHERE id = $1 FOR UPDATE`,
      [input.caseId],
    );
    if (locked.length === 0) throw new Error(`audit entry for unknown case ${input.caseId}`);
    const last = await tx.findOne(AuditEntryEntity, {
      where: { caseId: input.caseId },
      order: { seq: 'DESC' },
    });
    const prevHash = last?.hash ?? GENESIS_HASH;
    const recordedAt = new Date();
    const record = { ...input, recordedAt: recordedAt.toISOString() };
    const hash = chainHash(prevHash, record);
    const saved = await tx.save(AuditEntryEntity, { ...input, prevHash, hash, recordedAt });
    const [{ order_number: orderNumber, customer_id: customerId }] = locked;
    await enqueueEvent(
      tx,
      createEvent(
        'cases.activity.recorded.v1',
        // Keyed by the case, so consumers apply a case's steps one at a time, in order.
        input.caseId,
        toCaseActivity({ ...record, seq: saved.seq }, { orderNumber, customerId }),
        { source: 'ordex.cases', time: record.recordedAt, id: `${input.caseId}:${saved.seq}` },
      ),
    );
    return saved;
  }
}
