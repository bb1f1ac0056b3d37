import { Args, Query, Resolver } from '@nestjs/graphql';
import { toModelVersionObject } from './model-version.mapper';
import { ModelVersionObject } from './model-version.object';
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
}
