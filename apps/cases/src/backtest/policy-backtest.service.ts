import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZenEngine } from '@gorules/zen-engine';
import type { DataSource } from 'typeorm';
import { AUTOMATION_POLICY_TABLE } from '@ordex/decision';
import { DecisionTablePublisher } from '../decision-tables/decision-table-publisher.service';
import { backtestPolicy, type PolicyBacktest, type ReplayedCase } from './domain/policy-backtest.util';

/** The most cases one backtest replays (the earliest in the window first). */
export const MAX_BACKTEST_CASES = 5_000;

/** A recommendation as the first assessment recorded it on the audit trail. */
interface RecordedRecommendation {
  rank: number;
  action: string;
  exceptionId: string | null;
  cost: number;
  dateEffectDays?: number;
  marginEffect?: number;
  automatable: boolean;
}

export interface PolicyBacktestRun extends PolicyBacktest {
  /** Cases in the window whose first assessment predates recording date and margin effects. */
  skippedCases: number;
}

/**
 * Replays a candidate automation policy over past cases: each case's first assessment (its
 * recommendations as proposed, from the audit trail) is judged again by the candidate table, and
 * what it would have done — touchless cases, actions taken, their cost, the service risk of what
 * it settled alone, guardrails crossed — is set beside what the policy in force did. Read-only:
 * nothing is published or changed.
 */
@Injectable()
export class PolicyBacktestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: DecisionTablePublisher,
  ) {}

  async backtest(content: string, from?: Date, to?: Date): Promise<PolicyBacktestRun> {
    const document = await this.publisher.checked(AUTOMATION_POLICY_TABLE, content);
    const rows: {
      id: string;
      order_number: string;
      tier: string | null;
      risk: number | null;
      recommendations: RecordedRecommendation[];
      exception_ids: string[];
    }[] = await this.db.query(
      `SELECT c.id, c.order_number, c.priority_inputs ->> 'tier' AS tier,
              (c.service_risk ->> 'probability')::float8 AS risk,
              a.payload -> 'recommendations' AS recommendations,
              ARRAY(SELECT e.id::text FROM "cases"."case_exception" e
                     WHERE e.case_id = c.id AND e.detected_at <= a.recorded_at ORDER BY e.id) AS exception_ids
         FROM "cases"."case" c
         JOIN LATERAL (
           SELECT payload, recorded_at FROM "cases"."audit_entry"
            WHERE case_id = c.id AND action = 'case.assessed' AND payload ? 'recommendations'
            ORDER BY seq LIMIT 1) a ON true
        WHERE ($1::timestamptz IS NULL OR c.opened_at >= $1) AND ($2::timestamptz IS NULL OR c.opened_at < $2)
        ORDER BY c.opened_at, c.id
        LIMIT $3`,
      [from ?? null, to ?? null, MAX_BACKTEST_CASES],
    );
    const engine = new ZenEngine();
    try {
      const decision = engine.createDecision(document);
      const verdicts = new Map<string, boolean>();
      const automatable = async (input: Record<string, unknown>) => {
        const key = JSON.stringify(input);
        let verdict = verdicts.get(key);
        if (verdict === undefined) {
          const { result } = await decision.evaluate(input);
          verdict = (result as { automatable?: unknown } | null)?.automatable === true;
          verdicts.set(key, verdict);
        }
        return verdict;
      };
      const cases: ReplayedCase[] = [];
      let skippedCases = 0;
      for (const row of rows) {
        const recorded = row.recommendations ?? [];
        if (recorded.some((r) => r.dateEffectDays === undefined || r.marginEffect === undefined)) {
          skippedCases++;
          continue;
        }
        const recommendations = [];
        for (const r of recorded)
          recommendations.push({
            exceptionId: r.exceptionId,
            rank: r.rank,
            action: r.action,
            cost: Number(r.cost),
            dateEffectDays: Number(r.dateEffectDays),
            marginEffect: Number(r.marginEffect),
            automatableThen: r.automatable === true,
            automatableNow: await automatable({
              action: r.action,
              cost: Number(r.cost),
              dateEffectDays: Number(r.dateEffectDays),
              marginEffect: Number(r.marginEffect),
              tier: row.tier,
              segment: null,
            }),
          });
        cases.push({
          caseId: row.id,
          orderNumber: row.order_number,
          exceptionIds: row.exception_ids,
          recommendations,
          serviceRisk: row.risk,
        });
      }
      return { ...backtestPolicy(cases), skippedCases };
    } finally {
      engine.dispose();
    }
  }
}
