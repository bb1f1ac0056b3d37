import type { Region } from '@ordex/contracts';
import type { GraphQLRequestContext } from '@ordex/platform';
import type { CarriersService } from './carriers.service';

/** The carriers asked for in one request, by code, fetched in one query. */
export function carrierByCodeLoader(ctx: GraphQLRequestContext, carriers: CarriersService) {
  return ctx.loaders.get('logistics.carrierByCode', (codes: readonly string[]) => carriers.byCodes(codes));
}

/** The lanes of each carrier asked for in one request, fetched in one query. */
export function lanesByCarrierLoader(ctx: GraphQLRequestContext, carriers: CarriersService) {
  return ctx.loaders.get('logistics.lanesByCarrier', (codes: readonly string[]) =>
    carriers.lanesByCarrierCodes(codes),
  );
}

/** The depots of each carrier asked for in one request, fetched in one query. */
export function depotsByCarrierLoader(ctx: GraphQLRequestContext, carriers: CarriersService) {
  return ctx.loaders.get('logistics.depotsByCarrier', (codes: readonly string[]) =>
    carriers.depotsByCarrierCodes(codes),
  );
}

/** The lanes (with their depots) into each region asked for in one request, fetched in one query. */
export function networkByRegionLoader(ctx: GraphQLRequestContext, carriers: CarriersService) {
  return ctx.loaders.get('logistics.networkByRegion', (regions: readonly Region[]) =>
    carriers.networkByRegions(regions),
  );
}
