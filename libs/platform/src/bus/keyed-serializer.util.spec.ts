import { setTimeout as sleep } from 'node:timers/promises';
import { KeyedSerializer } from './keyed-serializer.util';

describe('KeyedSerializer', () => {
  it('runs tasks of one key in submission order, one at a time', async () => {
    const serializer = new KeyedSerializer();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await sleep(ms);
      events.push(`end ${name}`);
    };
    await Promise.all([
      serializer.run('k', task('1', 20)),
      serializer.run('k', task('2', 1)),
      serializer.run('k', task('3', 5)),
    ]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('lets other keys run while one key is busy', async () => {
    const serializer = new KeyedSerializer();
    const done: string[] = [];
    await Promise.all([
      serializer.run('slow', async () => {
        await sleep(30);
        done.push('slow');
      }),
      serializer.run('fast', async () => {
        done.push('fast');
      }),
    ]);
    expect(done).toEqual(['fast', 'slow']);
  });

  it('keeps going after a failed task and reports the failure to its caller', async () => {
    const serializer = new KeyedSerializer();
    const failed = serializer.run('k', async () => {
      throw new Error('boom');
    });
    const next = serializer.run('k', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
