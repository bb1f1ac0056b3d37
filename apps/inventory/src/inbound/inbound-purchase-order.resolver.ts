import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { clientError } from '@ordex/platform';
import { toInboundPurchaseOrderObject } from './inbound-purchase-order.mapper';
import { InboundPurchaseOrderObject } from './inbound-purchase-order.object';
import { InboundService } from './inbound.service';

/** The most lines one call returns. */
export const MAX_INBOUND_PAGE = 500;

@Resolver(() => InboundPurchaseOrderObject)
export class InboundPurchaseOrderResolver {
  constructor(private readonly inbound: InboundService) {}

  @Query(() => [InboundPurchaseOrderObject], {
    description: `Open purchase order lines of a SKU, a distribution centre or both, by ETA then id (closed lines, quantity 0, are left out). Give sku, dcCode or both; first is 1 to ${MAX_INBOUND_PAGE}.`,
  })
  async inboundPurchaseOrders(
    @Args('sku', { type: () => ID, nullable: true }) sku?: string | null,
    @Args('dcCode', { type: () => ID, nullable: true }) dcCode?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first?: number | null,
  ): Promise<InboundPurchaseOrderObject[]> {
    if (sku == null && dcCode == null) throw clientError('BAD_USER_INPUT', 'give sku, dcCode or both');
    first ??= 100;
    if (first < 1 || first > MAX_INBOUND_PAGE)
      throw clientError('BAD_USER_INPUT', `first must be between 1 and ${MAX_INBOUND_PAGE}`);
    const rows = await this.inbound.open({ sku, dcCode }, first);
    return rows.map(toInboundPurchaseOrderObject);
  }
}
