import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext, SERVICE_CLOCK } from '@ordex/platform';
import { ApprovalDecisionsService } from '../approvals/approval-decisions.service';
import { toApprovalObject } from '../approvals/approval.mapper';
import { ApprovalObject } from '../approvals/approval.object';
import { CaseObject } from '../cases/case.object';
import { toCaseActionObject } from './case-action.mapper';
import { CaseActionObject } from './case-action.object';
import { CaseActionsService } from './case-actions.service';
import { CaseActionsReader } from './case-actions.reader';

const MAX_NOTE_LENGTH = 1_000;

function checkedNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH)
    throw clientError('BAD_USER_INPUT', `note is over ${MAX_NOTE_LENGTH} characters`);
  return trimmed || null;
}

@Resolver(() => CaseObject)
export class CaseActionsResolver {
  constructor(
    private readonly actionService: CaseActionsService,
    private readonly reader: CaseActionsReader,
    private readonly approvals: ApprovalDecisionsService,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
  ) {}

  @ResolveField(() => [CaseActionObject], { description: 'What was done on the case, oldest first.' })
  async actions(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.actionsByCase', (ids: readonly string[]) => this.reader.byCaseIds(ids))
      .load(parent.id);
    return rows.map(toCaseActionObject);
  }

  @Mutation(() => CaseActionObject, {
    description:
      "Takes one of a case's recommendations: a price override or credit release waits for an approval, sourcing, price corrections and date moves go to the ERP as commands, the rest is recorded. Errors: NOT_FOUND, ACTION_CONFLICT (the case is closed, the exception settled or already being acted on), INSUFFICIENT_AUTHORITY (no one may approve it), BAD_USER_INPUT.",
  })
  async takeRecommendation(
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Context() ctx: GraphQLRequestContext,
  ) {
    const action = await this.actionService.takeRecommendation(
      recommendationId,
      { subject: ctx.identity.subject, origin: 'PERSON' },
      checkedNote(note),
      this.clock(),
    );
    return toCaseActionObject(action);
  }

  @Mutation(() => ApprovalObject, {
    description:
      'Approves or rejects a pending approval. Four eyes: the person who asked never decides; the decider needs the role and level the approval-authority table set. Errors: NOT_FOUND, FOUR_EYES, INSUFFICIENT_AUTHORITY, ACTION_CONFLICT (already decided), BAD_USER_INPUT.',
  })
  async decideApproval(
    @Args('approvalId', { type: () => ID }) approvalId: string,
    @Args('approve') approve: boolean,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Context() ctx: GraphQLRequestContext,
  ) {
    const approval = await this.approvals.decide(
      approvalId,
      approve,
      ctx.identity,
      checkedNote(note),
      this.clock(),
    );
    return toApprovalObject(approval);
  }
}
