import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('PolicyViolation', {
  registerIn: CasesSchema,
  description: 'An action a policy would have taken alone that crosses one of the guardrails ordex keeps.',
})
export class PolicyViolationObject {
  @Field(() => ID)
  caseId: string;

  @Field()
  orderNumber: string;

  @Field()
  action: string;

  @Field({ description: "'finance-only', 'customer-date' or 'cost-ceiling'." })
  guardrail: string;

  @Field()
  detail: string;
}

@ObjectType('PolicyOutcome', {
  registerIn: CasesSchema,
  description: 'What an automation policy would have done with the backtest’s cases.',
})
export class PolicyOutcomeObject {
  @Field(() => Int)
  touchlessCases: number;

  @Field(() => Float)
  touchlessRate: number;

  @Field(() => Int, { description: 'Actions taken without a person, at most one per exception.' })
  automatedActions: number;

  @Field(() => Float)
  automatedCost: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The mean service-risk probability of the cases it settled without a person.',
  })
  meanRiskTouchless: number | null;

  @Field(() => Int)
  violationCount: number;

  @Field(() => [PolicyViolationObject], { description: 'The first 50.' })
  violations: PolicyViolationObject[];
}

@ObjectType('PolicyBacktest', {
  registerIn: CasesSchema,
  description:
    "A candidate automation policy replayed over past cases' first assessments, beside the policy that was in force.",
})
export class PolicyBacktestObject {
  @Field(() => Int, { description: 'Cases replayed.' })
  cases: number;

  @Field(() => Int, {
    description: 'Cases in the window assessed before date and margin effects were recorded.',
  })
  skippedCases: number;

  @Field({ description: 'The guardrails version the actions were checked against.' })
  guardrails: string;

  @Field(() => PolicyOutcomeObject)
  baseline: PolicyOutcomeObject;

  @Field(() => PolicyOutcomeObject)
  candidate: PolicyOutcomeObject;
}
