import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clientError } from '@ordex/platform';
import { DataSource } from 'typeorm';
import { CaseProgressService } from '../actions/case-progress.service';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { TaskEntity } from '../cases/task.entity';
import { isUuid } from '../common/uuid.util';

/** Who works a task: taken from the queue by a person (or given to one), or put back; on the audit trail. */
@Injectable()
export class TaskAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: CaseProgressService,
  ) {}

  /** Assigns the task to `assignee`, or back to its team's queue when null. */
  assign(taskId: string, assignee: string | null, by: string, now: Date): Promise<TaskEntity> {
    if (!isUuid(taskId)) throw clientError('NOT_FOUND', `no task ${taskId}`);
    return this.dataSource.transaction(async (tx) => {
      const task = await tx.findOneBy(TaskEntity, { id: taskId });
      const exception = task && (await tx.findOneBy(CaseExceptionEntity, { id: task.exceptionId }));
      if (!task || !exception) throw clientError('NOT_FOUND', `no task ${taskId}`);
      const kase = await this.progress.lock(tx, exception.caseId);
      const current = await tx.findOneByOrFail(TaskEntity, { id: taskId });
      if (!kase || current.status !== 'OPEN') {
        throw clientError('ACTION_CONFLICT', `task ${taskId} is ${current.status.toLowerCase()}`);
      }
      if (current.assignee === assignee) return current;
      await tx.update(TaskEntity, { id: taskId }, { assignee });
      await this.progress.record(tx, kase.id, by, assignee ? 'task.assigned' : 'task.released', {
        taskId,
        team: current.team,
        before: { assignee: current.assignee },
        after: { assignee },
      });
      await this.progress.step(tx, kase, { type: 'WORK_STARTED' }, now);
      await this.progress.publish(
        tx,
        kase,
        assignee ? `${current.team} task taken by ${assignee}` : `${current.team} task back in the queue`,
        now,
      );
      return { ...current, assignee };
    });
  }
}
