import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ExceptionCategory } from '@ordex/contracts';
import { pageSize } from '@ordex/platform';
import { toRootCauseFindingObject } from './root-cause-finding.mapper';
import { RootCauseFindingObject } from './root-cause-finding.object';
import { RootCausesService } from './root-causes.service';

@Resolver(() => RootCauseFindingObject)
export class RootCauseFindingResolver {
  constructor(private readonly rootCauseService: RootCausesService) {}

  @Query(() => [RootCauseFindingObject], {
    description:
      "Root-cause findings: each category's strongest first (most significant, then highest lift), recomputed on a schedule.",
  })
  async rootCauseFindings(
    @Args('category', { type: () => ExceptionCategory, nullable: true })
    category: ExceptionCategory | null | undefined,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ) {
    const rows = await this.rootCauseService.strongest(pageSize(first), category);
    return rows.map(toRootCauseFindingObject);
  }
}
