import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { DecisionEngineService, type TableDecision } from '../decision-tables/decision-engine.service';

/**
 * Evaluates a governance table for a case with the version the case is pinned to. A case pins a
 * table's latest version the first time it uses the table, and keeps deciding with it: a policy
 * change applies to cases opened after it, and every decision can be replayed with its rules.
 */
@Injectable()
export class RuleVersionsService {
  constructor(private readonly engine: DecisionEngineService) {}

  async decide<T>(
    tx: EntityManager,
    kase: CaseEntity,
    key: string,
    input: Record<string, unknown>,
  ): Promise<TableDecision<T>> {
    const pinned = kase.ruleVersions?.[key] ?? null;
    const decision = await this.engine.evaluate<T>(key, input, pinned, tx);
    if (pinned === null) {
      kase.ruleVersions = { ...kase.ruleVersions, [key]: decision.version };
      await tx.query(
        `UPDATE "cases"."case" SET rule_versions = rule_versions || jsonb_build_object($2::text, $3::int) WHERE id = $1`,
        [kase.id, key, decision.version],
      );
    }
    return decision;
  }
}
