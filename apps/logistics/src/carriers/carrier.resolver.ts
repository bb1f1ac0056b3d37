import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { carrierByCodeLoader, depotsByCarrierLoader, lanesByCarrierLoader } from './carrier.loader';
import { toCarrierDepotObject, toCarrierObject, toLaneObject } from './carrier.mapper';
import { CarrierDepotObject, CarrierObject, LaneObject } from './carrier.object';
import { CarriersService } from './carriers.service';

@Resolver(() => CarrierObject)
export class CarrierResolver {
  constructor(private readonly carrierService: CarriersService) {}

  @Query(() => [CarrierObject], { description: 'All carriers in code order.' })
  async carriers() {
    const rows = await this.carrierService.list();
    return rows.map(toCarrierObject);
  }

  @Query(() => CarrierObject, { nullable: true, description: 'A carrier by code.' })
  carrier(@Args('code', { type: () => ID }) code: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, code);
  }

  @ResolveReference()
  resolveReference(ref: { code: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.code);
  }

  @ResolveField(() => [CarrierDepotObject])
  async depots(@Parent() carrier: CarrierObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await depotsByCarrierLoader(ctx, this.carrierService).load(carrier.code);
    return rows.map(toCarrierDepotObject);
  }

  @ResolveField(() => [LaneObject])
  async lanes(@Parent() carrier: CarrierObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await lanesByCarrierLoader(ctx, this.carrierService).load(carrier.code);
    return rows.map(toLaneObject);
  }

  private async load(ctx: GraphQLRequestContext, code: string): Promise<CarrierObject | null> {
    const entity = await carrierByCodeLoader(ctx, this.carrierService).load(code);
    return entity ? toCarrierObject(entity) : null;
  }
}
