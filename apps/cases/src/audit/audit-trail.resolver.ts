import { BadRequestException } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { CaseObject } from '../cases/case.object';
import { isUuid } from '../common/uuid.util';
import { AuditChainVerificationObject } from './audit-chain-verification.object';
import { toAuditEntryObject } from './audit-entry.mapper';
import { AuditEntryObject } from './audit-entry.object';
import { AuditTrailService } from './audit-trail.service';

/** Adds the audit trail to Case, and verifies a trail's hash chain. */
@Resolver(() => CaseObject)
export class AuditTrailResolver {
  constructor(private readonly auditTrailService: AuditTrailService) {}

  @ResolveField(() => [AuditEntryObject], {
    description: 'Everything that happened on the case, oldest first.',
  })
  async auditTrail(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.auditTrailByCase', (ids: readonly string[]) => this.auditTrailService.byCaseIds(ids))
      .load(parent.id);
    return rows.map(toAuditEntryObject);
  }

  @Query(() => AuditChainVerificationObject, {
    nullable: true,
    description: "Recomputes a case's audit hash chain; null when there is no such case.",
  })
  verifyAuditChain(@Args('caseId', { type: () => ID }) caseId: string) {
    if (!isUuid(caseId)) throw new BadRequestException('caseId must be a UUID');
    return this.auditTrailService.verify(caseId);
  }
}
