import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { groupByKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { CaseActionEntity } from './case-action.entity';

/** Reads cases' actions for the graph. */
@Injectable()
export class CaseActionsReader {
  constructor(@InjectRepository(CaseActionEntity) private readonly actions: Repository<CaseActionEntity>) {}

  async byCaseIds(caseIds: readonly string[]): Promise<CaseActionEntity[][]> {
    const rows = await this.actions.find({
      where: { caseId: In([...caseIds]) },
      order: { takenAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(caseIds, rows, (a) => a.caseId);
  }
}
