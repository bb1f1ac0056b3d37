import { PollingLoop } from './polling-loop';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('PollingLoop', () => {
  it('drains at once while a pass reports more work, then waits the interval', async () => {
    const passes: number[] = [];
    let backlog = 3;
    const loop = new PollingLoop(
      async () => {
        passes.push(Date.now());
        backlog = Math.max(0, backlog - 1);
        return backlog > 0;
      },
      10_000,
      () => undefined,
    );
    loop.start();
    await until(() => passes.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Three passes back to back for the backlog, then nothing until the 10 s interval.
    expect(passes).toHaveLength(3);
    await loop.stop();
  });

  it('reports a failed pass and carries on; stop waits for the pass in progress', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let finished = false;
    const loop = new PollingLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
        await new Promise((resolve) => setTimeout(resolve, 30));
        finished = true;
        return false;
      },
      1,
      (error) => errors.push(error),
    );
    loop.start();
    await until(() => calls >= 2);
    await loop.stop();
    expect(errors).toEqual([new Error('database away')]);
    expect(finished).toBe(true);
    expect(loop.isStopped).toBe(true);
  });
});
