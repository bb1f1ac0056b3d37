import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Team } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { DataSource, In } from 'typeorm';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { CaseEntity } from '../cases/case.entity';
import { TaskEntity } from '../cases/task.entity';
import type { SlaState } from '../sla/domain/escalation-ladder.util';
import { encodeQueueCursor, type QueuePosition, type QueueSort } from './domain/queue-cursor.util';

export interface QueueFilter {
  team?: Team | null;
  /** Only this person's tasks. */
  assignee?: string | null;
  /** Only tasks nobody has taken yet. */
  unassignedOnly?: boolean;
  slaState?: SlaState | null;
  /** Only the cases of these customers (a partner system's); all when absent. */
  customerIds?: readonly string[];
}

export interface QueueItem {
  task: TaskEntity;
  kase: CaseEntity;
  exception: CaseExceptionEntity;
  cursor: string;
}

export interface QueuePage {
  items: QueueItem[];
  hasNextPage: boolean;
}

interface QueueRow {
  task_id: string;
  priority: number;
  due_at: Date | null;
}

/** Sort keys as SQL: a deadline-less task sorts after every dated one ('infinity'). */
const DUE_KEY = `COALESCE(t.due_at, 'infinity'::timestamptz)`;
const ORDER: Record<QueueSort, { order: string; key: string; after: string }> = {
  PRIORITY: {
    order: `c.priority DESC, ${DUE_KEY} ASC, t.id ASC`,
    key: `(-c.priority, ${DUE_KEY}, t.id)`,
    after: '(-$P::int, $D::timestamptz, $I::uuid)',
  },
  DUE: {
    order: `${DUE_KEY} ASC, c.priority DESC, t.id ASC`,
    key: `(${DUE_KEY}, -c.priority, t.id)`,
    after: '($D::timestamptz, -$P::int, $I::uuid)',
  },
};

/**
 * Teams' and people's work queues: the open tasks of open cases, filtered by team, assignee and
 * SLA state, sorted by priority or deadline, keyset-paginated (a page costs the same wherever it
 * starts, and a task that moves between pages is neither skipped nor repeated by the sort key).
 */
@Injectable()
export class WorkQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    filter: QueueFilter,
    sort: QueueSort,
    first: number,
    after: QueuePosition | null,
    now: Date,
  ): Promise<QueuePage> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`t.status = 'OPEN'`, `c.status <> 'CLOSED'`];
    if (filter.team) where.push(`t.team = ${bind(filter.team)}`);
    if (filter.assignee) where.push(`t.assignee = ${bind(filter.assignee)}`);
    if (filter.unassignedOnly) where.push('t.assignee IS NULL');
    if (filter.customerIds) where.push(`c.customer_id = ANY(${bind([...filter.customerIds])})`);
    if (filter.slaState) {
      const at = bind(now);
      where.push(
        filter.slaState === 'BREACHED'
          ? `t.due_at <= ${at}`
          : filter.slaState === 'AT_RISK'
            ? `t.at_risk_at <= ${at} AND t.due_at > ${at}`
            : `t.due_at IS NOT NULL AND (t.at_risk_at IS NULL OR t.at_risk_at > ${at}) AND t.due_at > ${at}`,
      );
    }
    const shape = ORDER[sort];
    if (after) {
      where.push(
        `${shape.key} > ${shape.after
          .replace('$P', bind(after.priority))
          .replace('$D', bind(after.dueAt ?? 'infinity'))
          .replace('$I', bind(after.taskId))}`,
      );
    }
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT t.id AS task_id, c.priority, t.due_at
         FROM "cases"."task" t
         JOIN "cases"."case_exception" e ON e.id = t.exception_id
         JOIN "cases"."case" c ON c.id = e.case_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${shape.order}
        LIMIT ${bind(first + 1)}`,
      params,
    );
    const page = rows.slice(0, first);
    const loaded = await this.load(page.map((r) => r.task_id));
    const items: QueueItem[] = [];
    loaded.forEach((item, i) => {
      if (!item) return;
      const row = page[i];
      items.push({
        ...item,
        cursor: encodeQueueCursor({
          sort,
          priority: row.priority,
          dueAt: row.due_at?.toISOString() ?? null,
          taskId: row.task_id,
        }),
      });
    });
    return { items, hasNextPage: rows.length > first };
  }

  /** The tasks with their exceptions and cases, in the order asked (a task gone meanwhile is left out). */
  private async load(taskIds: string[]): Promise<(Omit<QueueItem, 'cursor'> | null)[]> {
    if (taskIds.length === 0) return [];
    const manager = this.dataSource.manager;
    const tasks = byKeys(taskIds, await manager.findBy(TaskEntity, { id: In(taskIds) }), (t) => t.id, null);
    const present = tasks.filter((t): t is TaskEntity => t !== null);
    const exceptions = await manager.findBy(CaseExceptionEntity, {
      id: In([...new Set(present.map((t) => t.exceptionId))]),
    });
    const exceptionById = new Map(exceptions.map((e) => [e.id, e]));
    const cases = await manager.findBy(CaseEntity, { id: In([...new Set(exceptions.map((e) => e.caseId))]) });
    const caseById = new Map(cases.map((c) => [c.id, c]));
    return tasks.map((task) => {
      const exception = task && exceptionById.get(task.exceptionId);
      const kase = exception && caseById.get(exception.caseId);
      return task && exception && kase ? { task, exception, kase } : null;
    });
  }
}
