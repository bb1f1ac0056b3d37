import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { pageSize } from '@ordex/platform';
import { toProcessVariantObject } from './process-variant.mapper';
import { ProcessVariantObject } from './process-variant.object';
import { ProcessVariantsService } from './process-variants.service';

@Resolver(() => ProcessVariantObject)
export class ProcessVariantResolver {
  constructor(private readonly variantService: ProcessVariantsService) {}

  @Query(() => [ProcessVariantObject], {
    description: "An object type's process variants, most frequent first.",
  })
  async processVariants(
    @Args('objectType') objectType: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ) {
    const rows = await this.variantService.mostFrequent(objectType, pageSize(first));
    return rows.map(toProcessVariantObject);
  }
}
