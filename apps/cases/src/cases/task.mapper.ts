import type { TaskEntity } from './task.entity';
import type { TaskObject } from './task.object';

export function toTaskObject(entity: TaskEntity): TaskObject {
  return {
    id: entity.id,
    exceptionId: entity.exceptionId,
    team: entity.team,
    status: entity.status,
    dueAt: entity.dueAt,
  };
}
