import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { toModelVersionObject } from './model-version.mapper';
import { ChampionModelObject, ModelVersionObject } from './model-version.object';
import { ModelRegistryService } from './model-registry.service';

@Resolver(() => ModelVersionObject)
export class ModelVersionResolver {
  constructor(private readonly registryService: ModelRegistryService) {}

  @Query(() => [ModelVersionObject], {
    description: 'The model registry: versions by model, newest first; one model only when given.',
  })
  async modelVersions(@Args('model', { type: () => String, nullable: true }) model?: string | null) {
    const rows = await this.registryService.versionsOf(model);
    return rows.map(toModelVersionObject);
  }

  @Query(() => ChampionModelObject, {
    nullable: true,
    description:
      'The version of a model that serves, with the model itself; null when none does (the rules decide).',
  })
  async championModel(@Args('model') model: string): Promise<ChampionModelObject | null> {
    const champion = await this.registryService.champion(model);
    return champion && { model, version: champion.version, artifact: JSON.stringify(champion.artifact) };
  }

  @Mutation(() => ModelVersionObject, {
    description: 'Registers a model written by `npm run train` (its JSON) as a SHADOW version.',
  })
  async registerModelVersion(@Args('artifact') artifact: string, @Context() ctx: GraphQLRequestContext) {
    return toModelVersionObject(await this.registryService.register(artifact, ctx.identity.subject));
  }

  @Mutation(() => ModelVersionObject, {
    description:
      'Promotes a SHADOW version to CHAMPION (the previous champion retires); someone other than its registrant decides.',
  })
  async promoteModelVersion(
    @Args('model') model: string,
    @Args('version') version: string,
    @Context() ctx: GraphQLRequestContext,
  ) {
    return toModelVersionObject(await this.registryService.promote(model, version, ctx.identity.subject));
  }

  @Mutation(() => ModelVersionObject, {
    description: "Retires a version; retiring the champion stops the model, and the services' rules decide.",
  })
  async retireModelVersion(@Args('model') model: string, @Args('version') version: string) {
    return toModelVersionObject(await this.registryService.retire(model, version));
  }
}
