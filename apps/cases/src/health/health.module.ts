import { Module } from '@nestjs/common';
import { WorkflowHealthResolver } from './workflow-health.resolver';
import { WorkflowHealthService } from './workflow-health.service';

/** Workflow health in real time: through the graph and as metrics. */
@Module({ providers: [WorkflowHealthService, WorkflowHealthResolver] })
export class WorkflowHealthModule {}
