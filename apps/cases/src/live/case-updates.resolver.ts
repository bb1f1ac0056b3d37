import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type GraphQLRequestContext, liveIterator, PartnerDirectory } from '@ordex/platform';
import { CaseUpdateFeed } from './case-update-feed.service';
import { CaseUpdateObject } from './case-update.object';

@Resolver(() => CaseUpdateObject)
export class CaseUpdatesResolver {
  constructor(
    private readonly feed: CaseUpdateFeed,
    private readonly partners: PartnerDirectory,
  ) {}

  @Subscription(() => CaseUpdateObject, {
    description:
      "Case changes as they happen, of one case or of every case the caller may see (a partner system: its customers' cases).",
  })
  async caseUpdated(
    @Context() ctx: GraphQLRequestContext,
    @Args('caseId', { type: () => ID, nullable: true }) caseId?: string | null,
  ) {
    const partnerId = ctx.identity.partnerId;
    const initial = await this.partners.customerScope(ctx);
    let scope = initial && new Set(initial);
    return liveIterator<{ caseUpdated: CaseUpdateObject }>((push) => {
      const stopUpdates = this.feed.subscribe((update) => {
        if (caseId && update.caseId !== caseId) return;
        if (scope && !scope.has(update.customerId)) return;
        push({ caseUpdated: { ...update, changedAt: new Date(update.changedAt) } });
      });
      // A partner's subscription follows the ERP's changes to its customer list while it is open.
      const stopPartners = this.feed.subscribePartners((partner) => {
        if (partnerId !== undefined && partner.id === partnerId) scope = new Set(partner.customerIds);
      });
      return () => {
        stopUpdates();
        stopPartners();
      };
    });
  }
}
