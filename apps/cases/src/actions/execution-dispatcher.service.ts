import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, type ExecutionCommand } from '@ordex/contracts';
import {
  EVENT_BUS,
  type EventBus,
  publishEvent,
  SERVICE_CLOCK,
  SERVICE_LOGGER,
  SERVICE_METRICS,
  ServiceMetrics,
} from '@ordex/platform';
import { PollingLoop } from '@ordex/platform';
import { commandPublishPolicy, type CommandPublishPolicy } from './command-publish.policy';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { EXECUTION_SETTINGS, type ExecutionOptions } from './execution.settings';

interface DueCommand {
  id: string;
  payload: ExecutionCommand;
  attempts: number;
}

/**
 * Puts the cases' commands on the bus for the ERP/WMS/TMS connector, and again while they stay
 * unanswered, on the resilience policies of `commandPublishPolicy` (cockatiel): publishes retried
 * with backoff, a circuit breaker that stops sending while the bus keeps refusing (commands wait
 * in the table, durable, until a trial send gets through), and resends of an unanswered command
 * after 1 min, 2, 4… (capped; `EXECUTION_MAX_ATTEMPTS` sends in all) under the same command id,
 * which the connector applies at most once.
 * Instances share the work: a command is claimed with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class ExecutionDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;
  private readonly sent: Counter<'attempt'>;
  private readonly policy: CommandPublishPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EXECUTION_SETTINGS) private readonly settings: ExecutionOptions,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    this.policy = commandPublishPolicy({ ...settings, publishRetryDelayMs: 100 });
    // One pass per poll: a full batch goes out, the rest waits for the next poll.
    this.loop = new PollingLoop(
      async () => (await this.runOnce(), false),
      settings.pollIntervalMs,
      (error) => logger.error({ err: error }, 'command dispatch pass failed'),
    );
    this.sent = new Counter({
      name: 'ordex_execution_commands_sent_total',
      help: 'Commands put on the bus for the connector: first sends and resends of unanswered ones',
      labelNames: ['attempt'],
      registers: [metrics.registry],
    });
    const policy = this.policy;
    new Gauge({
      name: 'ordex_execution_circuit_open',
      help: '1 while the circuit to the connector is open (sends wait), else 0',
      registers: [metrics.registry],
      collect() {
        this.set(policy.isOpen() ? 1 : 0);
      },
    });
    this.policy.onStateChange((state) =>
      this.logger.warn({ state }, 'circuit to the ERP connector changed state'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends the due commands of one pass; returns how many went out. */
  async runOnce(): Promise<number> {
    const now = this.clock();
    return this.dataSource.transaction(async (tx) => {
      const due: DueCommand[] = await tx.query(
        `SELECT id, payload, attempts FROM "cases"."execution_command"
          WHERE status = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.settings.batchSize],
      );
      let sent = 0;
      for (const command of due) {
        const attempt = command.attempts + 1;
        const event = createEvent('cases.command.requested.v1', command.id, command.payload, {
          source: 'ordex.cases',
          // A new message per send (the bus de-duplicates ids); the command id stays the key.
          id: attempt === 1 ? command.id : `${command.id}:${attempt}`,
          correlationId: command.payload.caseId,
          time: now.toISOString(),
        });
        try {
          await this.policy.execute(() => publishEvent(this.bus, event));
        } catch (error) {
          // A refused send, or the open circuit refusing without sending (cockatiel lets a trial
          // through once `halfOpenAfter` has passed, which is why every pass still asks it).
          this.logger.warn(
            { err: error, commandId: command.id, attempt, circuitOpen: this.policy.isOpen() },
            'command not sent to the connector; it waits for the next pass',
          );
          break;
        }
        const next =
          attempt < this.settings.maxAttempts
            ? new Date(now.getTime() + this.policy.resendDelay(attempt))
            : null;
        await tx.query(
          `UPDATE "cases"."execution_command"
              SET attempts = $2, sent_at = COALESCE(sent_at, $3), next_attempt_at = $4 WHERE id = $1`,
          [command.id, attempt, now, next],
        );
        this.sent.inc({ attempt: attempt === 1 ? 'first' : 'resend' });
        sent++;
      }
      return sent;
    });
  }
}
