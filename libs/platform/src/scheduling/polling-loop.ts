/**
 * A background pass run over and over by one instance of a service: first after `startDelayMs`,
 * then `intervalMs` after the previous pass ended, and again at once while a pass says more work
 * is waiting (a backlog drains without waiting for the interval). A failed pass is reported and
 * the loop carries on; `stop()` waits for a pass in progress.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    /** One pass; resolves to true when more work is waiting. */
    private readonly pass: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(startDelayMs = 0): void {
    this.stopped = false;
    this.schedule(startDelayMs);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch(this.onError)
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.pass()));
  }
}
