import { BrokenCircuitError } from 'cockatiel';
import { commandPublishPolicy } from './command-publish.policy';

const settings = {
  publishRetries: 2,
  publishRetryDelayMs: 1,
  breakerThreshold: 2,
  halfOpenAfterMs: 50,
  resendAfterMs: 60_000,
  resendMaxMs: 15 * 60_000,
};

/** A send that fails its first `failures` calls, then succeeds; counts the calls. */
function flakySend(failures: number) {
  const send = async () => {
    send.calls++;
    if (send.calls <= failures) throw new Error('bus refused the message');
    return 'ok';
  };
  send.calls = 0;
  return send;
}

describe('command publish policy', () => {
  it('retries a refused publish and succeeds within the retries', async () => {
    const policy = commandPublishPolicy(settings);
    const send = flakySend(2);
    await expect(policy.execute(send)).resolves.toBe('ok');
    // The first try and 2 retries.
    expect(send.calls).toBe(3);
    expect(policy.isOpen()).toBe(false);
  });

  it('opens the circuit after consecutive failed sends, refuses without trying, and closes after a good trial', async () => {
    const policy = commandPublishPolicy(settings);
    const states: string[] = [];
    policy.onStateChange((state) => states.push(state));
    const down = flakySend(Number.MAX_SAFE_INTEGER);
    // Two sends (each the first try and 2 retries) fail: the threshold of 2 opens the circuit.
    await expect(policy.execute(down)).rejects.toThrow('bus refused the message');
    expect(policy.isOpen()).toBe(false);
    await expect(policy.execute(down)).rejects.toThrow('bus refused the message');
    expect(down.calls).toBe(6);
    expect(policy.isOpen()).toBe(true);
    const untried = flakySend(0);
    await expect(policy.execute(untried)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(untried.calls).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 60));
    const back = flakySend(0);
    await expect(policy.execute(back)).resolves.toBe('ok');
    expect(back.calls).toBe(1);
    expect(policy.isOpen()).toBe(false);
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('waits 1, 2, 4… minutes for an answer before resending, capped at 15', () => {
    const policy = commandPublishPolicy(settings);
    expect([1, 2, 3, 4, 5, 6].map((n) => policy.resendDelay(n) / 60_000)).toEqual([1, 2, 4, 8, 15, 15]);
  });
});
