import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Contract } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { ContractEntity } from './contract.entity';

/** An order line's pricing key: whose contracts, for which SKU. */
export interface CustomerSku {
  customerId: string;
  sku: string;
}

interface CandidateRow {
  key_index: string;
  id: string;
  customer_id: string;
  sku: string | null;
  family: string | null;
  price: string;
  tolerance_pct: string;
  margin_floor_pct: string;
  valid_from: string;
  valid_to: string;
}

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

  /**
   * For each (customer, SKU), the customer's contracts that can price the SKU — those for the SKU
   * and those for its price-list family — current or not, in one statement for all keys. Which
   * of them applies on a day is the price check's decision.
   */
  async candidatesFor(keys: readonly CustomerSku[]): Promise<ContractEntity[][]> {
    const rows: CandidateRow[] = await this.contracts.query(
      `SELECT k.i::text AS key_index, c.id, c.customer_id, c.sku, c.family, c.price::text AS price,
              c.tolerance_pct::text AS tolerance_pct, c.margin_floor_pct::text AS margin_floor_pct,
              c.valid_from::text AS valid_from, c.valid_to::text AS valid_to
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(customer_id, sku, i)
         LEFT JOIN "pricing"."price_list_entry" p ON p.sku = k.sku
         JOIN "pricing"."contract" c ON c.customer_id = k.customer_id
          AND (c.sku = k.sku OR (c.sku IS NULL AND c.family = p.family))`,
      [keys.map((k) => k.customerId), keys.map((k) => k.sku)],
    );
    const groups = keys.map((): ContractEntity[] => []);
    for (const row of rows) groups[Number(row.key_index) - 1].push(toEntity(row));
    return groups;
  }

  /** Applies a contract from the ERP (the ERP's record replaces ours). */
  async applyContractChanged(contract: Contract, tx: EntityManager): Promise<void> {
    await tx.upsert(
      ContractEntity,
      {
        id: contract.id,
        customerId: contract.customerId,
        // A blank SKU or family is no SKU or family: the contract is for a family or for nothing.
        sku: contract.sku || null,
        family: contract.family || null,
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

function toEntity(row: CandidateRow): ContractEntity {
  return Object.assign(new ContractEntity(), {
    id: row.id,
    customerId: row.customer_id,
    sku: row.sku,
    family: row.family,
    price: Number(row.price),
    tolerancePct: Number(row.tolerance_pct),
    marginFloorPct: Number(row.margin_floor_pct),
    validFrom: row.valid_from,
    validTo: row.valid_to,
  });
}
