import type { ActionRankingObject } from '../assessment/action-ranking.object';
import type { ServiceRiskObject } from '../assessment/service-risk.object';
import { CasesSchema } from '../cases-schema.scope';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatus, ExceptionCategory, Team } from '@ordex/contracts';
import type { CustomerMessageObject } from '../communication/customer-message.object';
import type { NoteTriageObject } from '../triage/note-triage.object';
import { ExceptionStatus } from './exception-status.enum';
import { type PriorityFactorObject, RuleVersionObject } from './priority-factor.object';

@ObjectType('CaseException', {
  registerIn: CasesSchema,
  description: 'One reason an order fell out of the standard path.',
})
export class CaseExceptionObject {
  @Field(() => ID)
  id: string;

  @Field(() => ExceptionCategory)
  category: ExceptionCategory;

  @Field(() => Team, { description: 'The team that owns the category.' })
  owner: Team;

  @Field(() => Int, { nullable: true, description: 'Null when the exception concerns the whole order.' })
  lineNo: number | null;

  @Field(() => ExceptionStatus)
  status: ExceptionStatus;

  @Field(() => GraphQLISODateTime)
  detectedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  clearedAt: Date | null;

  @Field({ description: 'Why it was raised, with the figures, as detection last saw them.' })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it cleared (its cause went away, the order left exception handling); null while open.',
  })
  clearReason: string | null;
}

@ObjectType('Case', {
  registerIn: CasesSchema,
  description: 'Every exception on one order, worked as one case (owned by cases).',
})
@Directive('@key(fields: "id")')
export class CaseObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => Int, {
    description:
      'From 0 to 100, higher first: customer tier, order value, margin at risk, date risk and SLA time left.',
  })
  priority: number;

  /** Resolved by CaseResolver (a field with its own access rule). */
  priorityFactors: PriorityFactorObject[];

  /** Resolved by CaseResolver (a field with its own access rule). */
  serviceRisk: ServiceRiskObject | null;

  /** Resolved by CaseResolver (a field with its own access rule). */
  actionRanking: ActionRankingObject | null;

  /** Resolved by CaseResolver (a field with its own access rule). */
  noteTriage: NoteTriageObject | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The region of the DC the order ships from, whose business calendar the case's SLAs count on.",
  })
  region: string | null;

  @Field(() => [RuleVersionObject], { description: 'The decision-table versions the case is decided with.' })
  ruleVersions: RuleVersionObject[];

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "The order's ERP version detection last evaluated; null before the first evaluation.",
  })
  evaluatedErpVersion: number | null;

  @Field(() => Int, { description: 'How often the case reopened after it had closed.' })
  reopenedCount: number;

  @Field(() => Int, {
    description: 'Reopenings because an exception it had recurred within the rework window (rework).',
  })
  reworkCount: number;

  @Field(() => [CaseExceptionObject])
  exceptions?: CaseExceptionObject[];

  /** Resolved by CaseResolver (a field with its own access rule). */
  customerMessage: CustomerMessageObject | null;
}
