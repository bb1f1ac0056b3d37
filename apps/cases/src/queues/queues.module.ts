import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { TaskAssignmentService } from './task-assignment.service';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

/** Work queues through the graph: per team and per person, by priority or deadline. */
@Module({
  imports: [ActionsModule],
  providers: [WorkQueueService, TaskAssignmentService, WorkQueueResolver],
})
export class QueuesModule {}
