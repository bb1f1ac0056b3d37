import { Args, Context, Float, Query, Resolver } from '@nestjs/graphql';
import { CustomerTier } from '@ordex/contracts';
import { clientError, type GraphQLRequestContext } from '@ordex/platform';
import { ApprovalAction } from './approval-action.enum';
import { ApprovalAuthorityService } from './approval-authority.service';
import { ApprovalRequirementObject } from './approval-requirement.object';
import { hasAuthority } from './domain/approval-authority.util';

@Resolver(() => ApprovalRequirementObject)
export class ApprovalRequirementResolver {
  constructor(private readonly authority: ApprovalAuthorityService) {}

  @Query(() => ApprovalRequirementObject, {
    nullable: true,
    description:
      'Who may approve a credit release or a price override of this size, margin and customer tier; null when the current table lets no one.',
  })
  async approvalRequirement(
    @Context() ctx: GraphQLRequestContext,
    @Args('action', { type: () => ApprovalAction }) action: ApprovalAction,
    @Args('amount', { type: () => Float }) amount: number,
    @Args('tier', { type: () => CustomerTier }) tier: CustomerTier,
    @Args('belowMarginFloor', { defaultValue: false }) belowMarginFloor: boolean,
  ): Promise<ApprovalRequirementObject | null> {
    if (!Number.isFinite(amount) || amount < 0)
      throw clientError('BAD_USER_INPUT', 'amount must be 0 or more');
    const { requirement, version } = await this.authority.requirement({
      action,
      amount,
      tier,
      belowMarginFloor,
    });
    if (!requirement) return null;
    return {
      ...requirement,
      decisionTableVersion: version,
      callerMayApprove: hasAuthority(ctx.identity, requirement),
    };
  }
}
