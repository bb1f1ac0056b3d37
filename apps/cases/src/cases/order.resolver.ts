import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { type GraphQLRequestContext, PartnerDirectory } from '@ordex/platform';
import { visibleCase } from './case.mapper';
import { CaseObject } from './case.object';
import { CasesService } from './cases.service';
import { OrderObject } from './order.object';

@Resolver(() => OrderObject)
export class OrderResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly partners: PartnerDirectory,
  ) {}

  @ResolveReference()
  resolveReference(ref: { orderNumber: string }): OrderObject {
    return { orderNumber: ref.orderNumber };
  }

  @ResolveField('case', () => CaseObject, { nullable: true })
  async caseOf(@Parent() order: OrderObject, @Context() ctx: GraphQLRequestContext) {
    const entity = await ctx.loaders
      .get('cases.caseByOrderNumber', (numbers: readonly string[]) =>
        this.caseService.byOrderNumbers(numbers),
      )
      .load(order.orderNumber);
    return visibleCase(entity, await this.partners.customerScope(ctx));
  }
}
