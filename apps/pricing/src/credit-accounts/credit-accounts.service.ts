import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreditUpdated } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { CreditAccountEntity } from './credit-account.entity';

@Injectable()
export class CreditAccountsService {
  constructor(
    @InjectRepository(CreditAccountEntity) private readonly accounts: Repository<CreditAccountEntity>,
  ) {}

  async byCustomerIds(customerIds: readonly string[]): Promise<(CreditAccountEntity | null)[]> {
    const rows = await this.accounts.findBy({ customerId: In([...customerIds]) });
    return byKeys(customerIds, rows, (a) => a.customerId, null);
  }

  /** Applies a credit update (v1 events arrive upcast, their overdue amount unknown); the ERP's record replaces ours. */
  async applyCreditUpdated(account: CreditUpdated, tx: EntityManager): Promise<void> {
    await tx.upsert(
      CreditAccountEntity,
      {
        customerId: account.customerId,
        creditLimit: account.creditLimit,
        openReceivables: account.openReceivables,
        overdueDays: account.overdueDays,
        overdueAmount: account.overdueAmount ?? null,
      },
      ['customerId'],
    );
  }
}
