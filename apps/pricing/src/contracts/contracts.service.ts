import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Contract } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { ContractEntity } from './contract.entity';

@Injectable()
export class ContractsService {
  constructor(@InjectRepository(ContractEntity) private readonly contracts: Repository<ContractEntity>) {}

  async byIds(ids: readonly string[]): Promise<(ContractEntity | null)[]> {
    const rows = await this.contracts.findBy({ id: In([...ids]) });
    return byKeys(ids, rows, (c) => c.id, null);
  }

  async byCustomerIds(customerIds: readonly string[]): Promise<ContractEntity[][]> {
    const rows = await this.contracts.find({
      where: { customerId: In([...customerIds]) },
      order: { id: 'ASC' },
    });
    return groupByKeys(customerIds, rows, (c) => c.customerId);
  }

  /** Applies a contract from the ERP (the ERP's record replaces ours). */
  async applyContractChanged(contract: Contract, tx: EntityManager): Promise<void> {
    await tx.upsert(
      ContractEntity,
      {
        id: contract.id,
        customerId: contract.customerId,
        sku: contract.sku ?? null,
        family: contract.family ?? null,
        price: contract.price,
        tolerancePct: contract.tolerancePct,
        marginFloorPct: contract.marginFloorPct,
        validFrom: contract.validFrom,
        validTo: contract.validTo,
      },
      ['id'],
    );
  }
}
