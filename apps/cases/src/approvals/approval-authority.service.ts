import { Injectable } from '@nestjs/common';
import { DecisionEngineService } from '../decision-tables/decision-engine.service';
import {
  type ApprovalRequest,
  type ApprovalRequirement,
  requirementFrom,
} from './domain/approval-authority.util';

export const APPROVAL_AUTHORITY_TABLE = 'approval-authority';

/** Evaluates the approval-authority decision table: who may approve a credit release or a price override. */
@Injectable()
export class ApprovalAuthorityService {
  constructor(private readonly engine: DecisionEngineService) {}

  /** The requirement, and the table version that set it; no requirement when no rule matched. */
  async requirement(
    request: ApprovalRequest,
    version: number | null = null,
  ): Promise<{ requirement?: ApprovalRequirement; version: number }> {
    const { result, version: used } = await this.engine.evaluate(
      APPROVAL_AUTHORITY_TABLE,
      { ...request },
      version,
    );
    return { requirement: requirementFrom(result), version: used };
  }
}
