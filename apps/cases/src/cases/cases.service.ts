import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CaseStatus } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { isUuid } from '../common/uuid.util';
import { CaseExceptionEntity } from './case-exception.entity';
import { CaseEntity } from './case.entity';
import { TaskEntity } from './task.entity';

const CURSOR_POSITION = 'SELECT a.opened_at, a.id FROM "cases"."case" a WHERE a.id = :after';

@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseExceptionEntity) private readonly exceptions: Repository<CaseExceptionEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  async byIds(ids: readonly string[]): Promise<(CaseEntity | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.cases.findBy({ id: In(valid) }) : [];
    return byKeys(ids, rows, (c) => c.id, null);
  }

  /** Each order's latest case (an order has at most one open case, and closed ones before it). */
  async byOrderNumbers(numbers: readonly string[]): Promise<(CaseEntity | null)[]> {
    const rows = await this.cases
      .createQueryBuilder('c')
      .distinctOn(['c.order_number'])
      .where('c.order_number = ANY(:numbers)', { numbers: [...numbers] })
      .orderBy('c.order_number')
      .addOrderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
    return byKeys(numbers, rows, (c) => c.orderNumber, null);
  }

  async exceptionsByCaseIds(caseIds: readonly string[]): Promise<CaseExceptionEntity[][]> {
    const rows = await this.exceptions.find({
      where: { caseId: In([...caseIds]) },
      order: { detectedAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(caseIds, rows, (e) => e.caseId);
  }

  /** Each case's tasks (over all its exceptions), soonest deadline first, those without one last. */
  async tasksByCaseIds(caseIds: readonly string[]): Promise<TaskEntity[][]> {
    const exceptions = await this.exceptions.find({
      select: { id: true, caseId: true },
      where: { caseId: In([...caseIds]) },
    });
    const caseOfException = new Map(exceptions.map((e) => [e.id, e.caseId]));
    const rows = exceptions.length
      ? await this.tasks.find({
          where: { exceptionId: In([...caseOfException.keys()]) },
          order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
        })
      : [];
    return groupByKeys(caseIds, rows, (t) => caseOfException.get(t.exceptionId));
  }

  /** Newest first; `after` is the id of the last case of the previous page; only `customerIds`' cases when given. */
  list(
    first: number,
    status?: CaseStatus | null,
    after?: string | null,
    customerIds?: readonly string[],
  ): Promise<CaseEntity[]> {
    if (after && !isUuid(after)) return Promise.resolve([]);
    const query = this.cases
      .createQueryBuilder('c')
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(first);
    if (status) query.andWhere('c.status = :status', { status });
    if (after) query.andWhere(`(c.opened_at, c.id) < (${CURSOR_POSITION})`, { after });
    if (customerIds) query.andWhere('c.customer_id = ANY(:customerIds)', { customerIds: [...customerIds] });
    return query.getMany();
  }
}
