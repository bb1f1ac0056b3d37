import { ActionRankingObject } from '../assessment/action-ranking.object';
import { ServiceRiskObject } from '../assessment/service-risk.object';
import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { CaseStatus } from '@ordex/contracts';
import { GraphQLRequestContext, pageSize, PartnerDirectory, SERVICE_CLOCK } from '@ordex/platform';
import { toCaseExceptionObject, toCaseObject, visibleCase } from './case.mapper';
import { CaseExceptionObject, CaseObject } from './case.object';
import { CasesService } from './cases.service';
import { CustomerMessageObject } from '../communication/customer-message.object';
import { NoteTriageObject } from '../triage/note-triage.object';
import { OrderObject } from './order.object';
import { PriorityFactorObject } from './priority-factor.object';
import { toTaskObject } from './task.mapper';
import { TaskObject } from './task.object';

@Resolver(() => CaseObject)
export class CaseResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly partners: PartnerDirectory,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
  ) {}

  @Query(() => CaseObject, { name: 'case', nullable: true, description: 'A case by id.' })
  caseById(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, id);
  }

  @Query(() => [CaseObject], { description: 'Cases newest first, keyset-paginated after a case id.' })
  async cases(
    @Context() ctx: GraphQLRequestContext,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('status', { type: () => CaseStatus, nullable: true }) status?: CaseStatus | null,
    @Args('after', { type: () => ID, nullable: true }) after?: string | null,
  ) {
    const scope = await this.partners.customerScope(ctx);
    const rows = await this.caseService.list(pageSize(first), status, after, scope);
    return rows.map(toCaseObject);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.id);
  }

  @ResolveField(() => [CaseExceptionObject])
  async exceptions(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.exceptionsByCase', (ids: readonly string[]) => this.caseService.exceptionsByCaseIds(ids))
      .load(parent.id);
    return rows.map(toCaseExceptionObject);
  }

  @ResolveField(() => [TaskObject], { description: "The teams' work on the case's exceptions." })
  async tasks(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.tasksByCase', (ids: readonly string[]) => this.caseService.tasksByCaseIds(ids))
      .load(parent.id);
    const now = this.clock();
    return rows.map((row) => toTaskObject(row, now));
  }

  @ResolveField(() => [PriorityFactorObject], {
    description: 'How the priority was reached, factor by factor.',
  })
  priorityFactors(@Parent() parent: CaseObject): PriorityFactorObject[] {
    return parent.priorityFactors;
  }

  @ResolveField(() => ServiceRiskObject, {
    nullable: true,
    description:
      'The probability that the order misses its promised date and what decided it (model or rules, and why); null before the first assessment.',
  })
  serviceRisk(@Parent() parent: CaseObject): ServiceRiskObject | null {
    return parent.serviceRisk;
  }

  @ResolveField(() => ActionRankingObject, {
    nullable: true,
    description:
      "What ordered the case's recommendations at the last assessment (the learned model or the rules, and why); null before the first assessment that ranked them.",
  })
  actionRanking(@Parent() parent: CaseObject): ActionRankingObject | null {
    return parent.actionRanking;
  }

  @ResolveField(() => NoteTriageObject, {
    nullable: true,
    description:
      "How the order's notes were last triaged into the exception taxonomy and which team owns them; null while the order has no notes or they are not yet triaged.",
  })
  noteTriage(@Parent() parent: CaseObject): NoteTriageObject | null {
    return parent.noteTriage;
  }

  @ResolveField(() => CustomerMessageObject, {
    nullable: true,
    description:
      'The revised-commitment message drafted when the case was settled (or a customer notice was taken).',
  })
  customerMessage(@Parent() parent: CaseObject): CustomerMessageObject | null {
    return parent.customerMessage;
  }

  // A reference the gateway completes from orders. It is also what puts Order into this schema
  // (Nest emits only types some field reaches). Nullable: orders may not have mirrored the order yet.
  @ResolveField(() => OrderObject, { nullable: true })
  order(@Parent() parent: CaseObject): OrderObject {
    return { orderNumber: parent.orderNumber };
  }

  private async load(ctx: GraphQLRequestContext, id: string): Promise<CaseObject | null> {
    const entity = await ctx.loaders
      .get('cases.caseById', (ids: readonly string[]) => this.caseService.byIds(ids))
      .load(id);
    return visibleCase(entity, await this.partners.customerScope(ctx));
  }
}
