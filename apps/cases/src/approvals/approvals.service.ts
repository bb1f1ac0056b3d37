import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { groupByKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { ApprovalEntity } from './approval.entity';

@Injectable()
export class ApprovalsService {
  constructor(@InjectRepository(ApprovalEntity) private readonly approvals: Repository<ApprovalEntity>) {}

  /** Each case's approvals in the order they were requested. */
  async byCaseIds(caseIds: readonly string[]): Promise<ApprovalEntity[][]> {
    const rows = await this.approvals.find({
      where: { caseId: In([...caseIds]) },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(caseIds, rows, (a) => a.caseId);
  }
}
