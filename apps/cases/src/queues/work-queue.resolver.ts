import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Team } from '@ordex/contracts';
import {
  clientError,
  type GraphQLRequestContext,
  pageSize,
  PartnerDirectory,
  SERVICE_CLOCK,
} from '@ordex/platform';
import { toCaseExceptionObject, toCaseObject } from '../cases/case.mapper';
import { toTaskObject } from '../cases/task.mapper';
import { SlaStateValue, TaskObject } from '../cases/task.object';
import { decodeQueueCursor } from './domain/queue-cursor.util';
import { TaskAssignmentService } from './task-assignment.service';
import { WorkQueuePageObject, WorkQueueSort } from './work-queue.object';
import { WorkQueueService } from './work-queue.service';

@Resolver()
export class WorkQueueResolver {
  constructor(
    private readonly queues: WorkQueueService,
    private readonly assignments: TaskAssignmentService,
    private readonly partners: PartnerDirectory,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
  ) {}

  @Query(() => WorkQueuePageObject, {
    description:
      "Open tasks of open cases: a team's queue, a person's own work (`mine`), what nobody has taken (`unassignedOnly`), by SLA state; sorted by priority or deadline; keyset-paginated with `after` (a cursor). Errors: BAD_USER_INPUT (a cursor from another sort or query).",
  })
  async workQueue(
    @Context() ctx: GraphQLRequestContext,
    @Args('team', { type: () => Team, nullable: true }) team: Team | null,
    @Args('mine', { defaultValue: false }) mine: boolean,
    @Args('unassignedOnly', { defaultValue: false }) unassignedOnly: boolean,
    @Args('slaState', { type: () => SlaStateValue, nullable: true }) slaState: SlaStateValue | null,
    @Args('sort', { type: () => WorkQueueSort, defaultValue: WorkQueueSort.PRIORITY }) sort: WorkQueueSort,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WorkQueuePageObject> {
    const position = after ? decodeQueueCursor(after, sort) : null;
    if (after && !position)
      throw clientError('BAD_USER_INPUT', 'after is not a cursor of this queue and sort');
    const now = this.clock();
    const page = await this.queues.page(
      {
        team,
        assignee: mine ? ctx.identity.subject : null,
        unassignedOnly,
        slaState,
        customerIds: await this.partners.customerScope(ctx),
      },
      sort,
      pageSize(first, 200),
      position,
      now,
    );
    return {
      items: page.items.map((item) => ({
        task: toTaskObject(item.task, now),
        exception: toCaseExceptionObject(item.exception),
        case: toCaseObject(item.kase),
        cursor: item.cursor,
      })),
      endCursor: page.items.at(-1)?.cursor ?? null,
      hasNextPage: page.hasNextPage,
    };
  }

  @Mutation(() => TaskObject, {
    description:
      'Takes an open task off the queue: assigns it to `assignee`, or to the caller when none is given. Errors: NOT_FOUND, ACTION_CONFLICT (the task is not open).',
  })
  async assignTask(
    @Context() ctx: GraphQLRequestContext,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('assignee', { type: () => String, nullable: true }) assignee: string | null,
  ) {
    const who = assignee?.trim() || ctx.identity.subject;
    if (who.length > 200) throw clientError('BAD_USER_INPUT', 'assignee is over 200 characters');
    const now = this.clock();
    return toTaskObject(await this.assignments.assign(taskId, who, ctx.identity.subject, now), now);
  }

  @Mutation(() => TaskObject, {
    description:
      "Puts an open task back in its team's queue. Errors: NOT_FOUND, ACTION_CONFLICT (the task is not open).",
  })
  async releaseTask(
    @Context() ctx: GraphQLRequestContext,
    @Args('taskId', { type: () => ID }) taskId: string,
  ) {
    const now = this.clock();
    return toTaskObject(await this.assignments.assign(taskId, null, ctx.identity.subject, now), now);
  }
}
