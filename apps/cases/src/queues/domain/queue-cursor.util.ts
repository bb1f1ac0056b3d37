/**
 * Work-queue cursors: the sort key of the last item of a page, opaque to clients (base64url of
 * JSON) and checked on the way back in, so a tampered or foreign cursor is a clear error rather
 * than a wrong page.
 */
export type QueueSort = 'PRIORITY' | 'DUE';

export interface QueuePosition {
  sort: QueueSort;
  /** The case's priority (higher first). */
  priority: number;
  /** The task's deadline, ISO 8601; null for a task without an SLA (last in DUE order). */
  dueAt: string | null;
  taskId: string;
}

export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(
    JSON.stringify([position.sort, position.priority, position.dueAt, position.taskId]),
  ).toString('base64url');
}

/** The position a cursor stands for; null when it is not one of ours or was made for another sort. */
export function decodeQueueCursor(cursor: string, sort: QueueSort): QueuePosition | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [cursorSort, priority, dueAt, taskId] = parsed as unknown[];
  if (cursorSort !== sort || typeof priority !== 'number' || !Number.isInteger(priority)) return null;
  if (dueAt !== null && (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt)))) return null;
  if (typeof taskId !== 'string' || !/^[0-9a-f-]{36}$/i.test(taskId)) return null;
  return { sort, priority, dueAt: dueAt as string | null, taskId };
}
