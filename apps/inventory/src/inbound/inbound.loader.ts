import type { GraphQLRequestContext } from '@ordex/platform';
import type { InboundService } from './inbound.service';

/** The open purchase order lines of each SKU asked for in one request, fetched in one query. */
export function openInboundBySkuLoader(ctx: GraphQLRequestContext, inbound: InboundService) {
  return ctx.loaders.get('inventory.openInboundBySku', (skus: readonly string[]) => inbound.openBySkus(skus));
}
