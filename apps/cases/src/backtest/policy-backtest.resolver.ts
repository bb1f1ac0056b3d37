import { Args, Query, Resolver } from '@nestjs/graphql';
import { instantArg } from '@ordex/platform';
import type { PolicyOutcome } from './domain/policy-backtest.util';
import { PolicyBacktestObject, type PolicyOutcomeObject } from './policy-backtest.object';
import { MAX_BACKTEST_CASES, PolicyBacktestService } from './policy-backtest.service';

const SHOWN_VIOLATIONS = 50;

@Resolver(() => PolicyBacktestObject)
export class PolicyBacktestResolver {
  constructor(private readonly backtests: PolicyBacktestService) {}

  @Query(() => PolicyBacktestObject, {
    description: `Replays a candidate automation-policy table (a GoRules JDM document, checked as a publication is) over the first assessments of the cases opened in [from, to) — at most ${MAX_BACKTEST_CASES} — and reports the touchless rate, cost, service risk and guardrail violations it would have produced beside the policy in force. Nothing is published. Errors: BAD_USER_INPUT.`,
  })
  async backtestAutomationPolicy(
    @Args('content') content: string,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ): Promise<PolicyBacktestObject> {
    const run = await this.backtests.backtest(content, instantArg('from', from), instantArg('to', to));
    return { ...run, baseline: outcome(run.baseline), candidate: outcome(run.candidate) };
  }
}

function outcome(o: PolicyOutcome): PolicyOutcomeObject {
  return { ...o, violationCount: o.violations.length, violations: o.violations.slice(0, SHOWN_VIOLATIONS) };
}
