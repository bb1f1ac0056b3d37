import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.util';

describe('work-queue cursors', () => {
  const position = {
    sort: 'PRIORITY' as const,
    priority: 62,
    dueAt: '2026-11-27T08:00:00.000Z',
    taskId: '3f0c1f7e-2a59-4a43-9d7e-0d5f3b6a9c11',
  };

  it('come back as the position they were made from', () => {
    expect(decodeQueueCursor(encodeQueueCursor(position), 'PRIORITY')).toEqual(position);
    const noDeadline = { ...position, sort: 'DUE' as const, dueAt: null };
    expect(decodeQueueCursor(encodeQueueCursor(noDeadline), 'DUE')).toEqual(noDeadline);
  });

  it('are refused when made for the other sort, tampered with or not ours', () => {
    expect(decodeQueueCursor(encodeQueueCursor(position), 'DUE')).toBeNull();
    expect(decodeQueueCursor('not a cursor', 'PRIORITY')).toBeNull();
    expect(decodeQueueCursor(Buffer.from('[1,2,3]').toString('base64url'), 'PRIORITY')).toBeNull();
    const forged = Buffer.from(JSON.stringify(['PRIORITY', 1.5, null, position.taskId])).toString(
      'base64url',
    );
    expect(decodeQueueCursor(forged, 'PRIORITY')).toBeNull();
    const injected = Buffer.from(JSON.stringify(['PRIORITY', 1, null, "x' OR 1=1"])).toString('base64url');
    expect(decodeQueueCursor(injected, 'PRIORITY')).toBeNull();
  });
});
