import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DecisionTableEntity } from './decision-table.entity';

@Injectable()
export class DecisionTablesService {
  constructor(
    @InjectRepository(DecisionTableEntity) private readonly tables: Repository<DecisionTableEntity>,
  ) {}

  /** The latest version of every table, in key order. */
  latestVersions(): Promise<DecisionTableEntity[]> {
    return this.tables
      .createQueryBuilder('t')
      .distinctOn(['t.key'])
      .orderBy('t.key', 'ASC')
      .addOrderBy('t.version', 'DESC')
      .getMany();
  }

  /** One version of a table; its latest without a version. */
  find(key: string, version?: number | null, tx?: EntityManager): Promise<DecisionTableEntity | null> {
    const tables = tx ? tx.getRepository(DecisionTableEntity) : this.tables;
    return version != null
      ? tables.findOneBy({ key, version })
      : tables.findOne({ where: { key }, order: { version: 'DESC' } });
  }

  /** Every version of a table, newest first. */
  history(key: string): Promise<DecisionTableEntity[]> {
    return this.tables.find({ where: { key }, order: { version: 'DESC' } });
  }
}
