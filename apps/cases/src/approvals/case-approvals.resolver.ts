import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { CaseObject } from '../cases/case.object';
import { toApprovalObject } from './approval.mapper';
import { ApprovalObject } from './approval.object';
import { ApprovalsService } from './approvals.service';

/** Adds the case's approvals to Case. */
@Resolver(() => CaseObject)
export class CaseApprovalsResolver {
  constructor(private readonly approvalService: ApprovalsService) {}

  @ResolveField(() => [ApprovalObject], { description: 'Approvals requested on the case, oldest first.' })
  async approvals(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.approvalsByCase', (ids: readonly string[]) => this.approvalService.byCaseIds(ids))
      .load(parent.id);
    return rows.map(toApprovalObject);
  }
}
