import { Query, Resolver } from '@nestjs/graphql';
import { WorkflowHealthObject } from './workflow-health.object';
import { WorkflowHealthService } from './workflow-health.service';

@Resolver()
export class WorkflowHealthResolver {
  constructor(private readonly healthService: WorkflowHealthService) {}

  @Query(() => WorkflowHealthObject, {
    description:
      'Open cases by state, open tasks by team with SLA at risk and breached, stuck cases, commands awaiting the ERP.',
  })
  async workflowHealth(): Promise<WorkflowHealthObject> {
    const { stuckAfterMs, ...health } = await this.healthService.health();
    return { ...health, stuckAfterMinutes: stuckAfterMs / 60_000 };
  }
}
