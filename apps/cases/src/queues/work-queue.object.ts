import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';
import { CaseExceptionObject, CaseObject } from '../cases/case.object';
import { TaskObject } from '../cases/task.object';

export enum WorkQueueSort {
  PRIORITY = 'PRIORITY',
  DUE = 'DUE',
}

registerEnumType(WorkQueueSort, {
  registerIn: CasesSchema,
  name: 'WorkQueueSort',
  valuesMap: {
    PRIORITY: { description: "The case's priority first (highest), then the soonest deadline." },
    DUE: { description: 'The soonest deadline first (tasks without one last), then priority.' },
  },
});

@ObjectType('WorkItem', {
  registerIn: CasesSchema,
  description: 'One task in a queue, with its exception and case.',
})
export class WorkItemObject {
  @Field(() => TaskObject)
  task: TaskObject;

  @Field(() => CaseExceptionObject)
  exception: CaseExceptionObject;

  @Field(() => CaseObject)
  case: CaseObject;

  @Field({ description: 'Pass as `after` to continue after this item.' })
  cursor: string;
}

@ObjectType('WorkQueuePage', { registerIn: CasesSchema })
export class WorkQueuePageObject {
  @Field(() => [WorkItemObject])
  items: WorkItemObject[];

  @Field(() => String, { nullable: true, description: "The last item's cursor; null for an empty page." })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}
