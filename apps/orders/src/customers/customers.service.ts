import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CustomerChanged } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import { ShipToEntity } from './ship-to.entity';

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    @InjectRepository(ShipToEntity) private readonly shipTos: Repository<ShipToEntity>,
  ) {}

  async byIds(ids: readonly string[]): Promise<(CustomerEntity | null)[]> {
    const rows = await this.customers.findBy({ id: In([...ids]) });
    return byKeys(ids, rows, (c) => c.id, null);
  }

  async shipTosByCustomerIds(customerIds: readonly string[]): Promise<ShipToEntity[][]> {
    const rows = await this.shipTos.find({
      where: { customerId: In([...customerIds]) },
      order: { id: 'ASC' },
    });
    return groupByKeys(customerIds, rows, (s) => s.customerId);
  }

  /** A page of customers in id order; only `ids` when given. */
  list(first: number, after?: string, ids?: readonly string[]): Promise<CustomerEntity[]> {
    const query = this.customers.createQueryBuilder('c').orderBy('c.id', 'ASC').limit(first);
    if (after) query.andWhere('c.id > :after', { after });
    if (ids) query.andWhere('c.id = ANY(:ids)', { ids: [...ids] });
    return query.getMany();
  }

  /** Applies a customer master record from the ERP (the ERP's record replaces ours). */
  async applyCustomerChanged({ customer, shipTos }: CustomerChanged, tx: EntityManager): Promise<void> {
    await tx.upsert(
      CustomerEntity,
      {
        id: customer.id,
        name: customer.name,
        segment: customer.segment,
        tier: customer.tier,
        paymentTermsDays: customer.paymentTermsDays,
      },
      ['id'],
    );
    await tx.delete(ShipToEntity, { customerId: customer.id });
    if (shipTos.length) {
      await tx.insert(
        ShipToEntity,
        shipTos.map((s) => ({ id: s.id, customerId: customer.id, name: s.name, region: s.region })),
      );
    }
  }
}
