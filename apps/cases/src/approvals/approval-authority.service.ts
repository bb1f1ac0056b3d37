import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { DecisionTablesService } from '../decision-tables/decision-tables.service';
import {
  type ApprovalRequest,
  type ApprovalRequirement,
  requirementFrom,
} from './domain/approval-authority.util';

export const APPROVAL_AUTHORITY_TABLE = 'approval-authority';

/** Evaluates the latest approval-authority decision table (GoRules zen-engine), one compiled decision per version. */
@Injectable()
export class ApprovalAuthorityService implements OnModuleDestroy {
  private readonly engine = new ZenEngine();
  private readonly decisions = new Map<number, ZenDecision>();

  constructor(private readonly tables: DecisionTablesService) {}

  /** The requirement, and the table version that set it; no requirement when no rule matched. */
  async requirement(
    request: ApprovalRequest,
  ): Promise<{ requirement?: ApprovalRequirement; version: number }> {
    const table = await this.tables.find(APPROVAL_AUTHORITY_TABLE);
    if (!table) throw new Error(`decision table ${APPROVAL_AUTHORITY_TABLE} is missing`);
    let decision = this.decisions.get(table.version);
    if (!decision) {
      decision = this.engine.createDecision(table.content);
      this.decisions.set(table.version, decision);
    }
    const { result } = await decision.evaluate({ ...request });
    return { requirement: requirementFrom(result), version: table.version };
  }

  onModuleDestroy(): void {
    this.engine.dispose();
  }
}
