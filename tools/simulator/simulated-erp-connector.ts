import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CommandOutcome,
  createEvent,
  decodeEvent,
  DOMAIN_EVENTS,
  ERP_EVENTS,
  type CommandAcknowledgement,
  type ErpCommand,
  type EventEnvelope,
  type ExecutionCommand,
  type Order,
  type StockAdjusted,
} from '@ordex/contracts';
import {
  PermanentEventError,
  publishEvent,
  type BusMessage,
  type ConsumerHandle,
  type EventBus,
} from '@ordex/platform';
import {
  answerPolicyProblems,
  decideAnswer,
  DEFAULT_ANSWER_POLICY,
  type AnswerPolicy,
} from './command-answer.util';
import { ErpOrderBook } from './erp-order-book';
import { SIMULATOR_SOURCE } from './stream-output';

/** The connector's sense of time: tests pass one that advances on demand. */
export interface ConnectorClock {
  now(): Date;
  /** Resolves after `ms`; rejects when `signal` aborts (the connector is stopping). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const WALL_CLOCK: ConnectorClock = {
  now: () => new Date(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

export interface ConnectorOptions extends AnswerPolicy {
  /** Durable consumer of orders.command.requested.v1. */
  durable: string;
  /** Commands waiting for their answer at once (each holds its message until answered). */
  maxInFlight: number;
  /** Redelivery delays of a command whose handling failed or was interrupted. */
  backoffMs: number[];
}

export const DEFAULT_CONNECTOR_OPTIONS: Omit<ConnectorOptions, 'seed'> = {
  ...DEFAULT_ANSWER_POLICY,
  durable: 'erp-simulator-commands',
  maxInFlight: 512,
  backoffMs: [1_000, 5_000, 30_000],
};

export interface ConnectorStats {
  received: number;
  duplicates: number;
  accepted: number;
  rejected: number;
  lost: number;
  orderVersions: number;
}

interface Answer {
  events: EventEnvelope<unknown>[];
}

const COMMAND_SUBJECT = 'orders.command.requested.v1';
const CASE_COMMAND_SUBJECT = 'cases.command.requested.v1';

/** A command from orders (holds) or from cases (decisions to carry out). */
type AnyCommand = { kind: 'order'; command: ErpCommand } | { kind: 'case'; command: ExecutionCommand };

/**
 * Stands in for the ERP's connector: consumes ordex's commands from a durable consumer and
 * answers each with erp.command.acknowledged.v1 after a realistic delay, rejecting or losing the
 * shares its policy says. A command's message is acknowledged only once its answer is published,
 * so a command not yet answered when the connector stops is answered after it starts again.
 * A command id is applied at most once: a duplicate delivery re-sends the same events (same ids,
 * which the bus and ordex recognise) and has no second effect.
 */
export class SimulatedErpConnector {
  readonly book = new ErpOrderBook();
  readonly stats: ConnectorStats = {
    received: 0,
    duplicates: 0,
    accepted: 0,
    rejected: 0,
    lost: 0,
    orderVersions: 0,
  };
  private readonly options: ConnectorOptions;
  private readonly answers = new Map<string, Promise<Answer>>();
  private readonly handles: ConsumerHandle[] = [];
  private stopping = new AbortController();

  constructor(
    private readonly bus: EventBus,
    options: Partial<ConnectorOptions> & { seed: number },
    private readonly clock: ConnectorClock = WALL_CLOCK,
  ) {
    this.options = { ...DEFAULT_CONNECTOR_OPTIONS, ...options };
    const problems = answerPolicyProblems(this.options);
    if (problems.length > 0) throw new Error(`invalid ERP connector options: ${problems.join('; ')}`);
  }

  async start(): Promise<void> {
    this.stopping = new AbortController();
    // Every command waiting for its answer listens for the stop.
    setMaxListeners(0, this.stopping.signal);
    this.handles.push(
      await this.bus.listen(['erp.order.>'], (message) => this.observe(message.data)),
      await this.bus.consume(
        {
          durable: this.options.durable,
          subjects: [COMMAND_SUBJECT],
          maxInFlight: this.options.maxInFlight,
          backoffMs: this.options.backoffMs,
          maxDeliver: 20,
        },
        (message) => this.handle(message),
      ),
      await this.bus.consume(
        {
          durable: `${this.options.durable}-cases`,
          subjects: [CASE_COMMAND_SUBJECT],
          maxInFlight: this.options.maxInFlight,
          backoffMs: this.options.backoffMs,
          maxDeliver: 20,
        },
        (message) => this.handle(message),
      ),
    );
  }

  /** Stops consuming; commands waiting for their answer go back to the broker unanswered. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.handles.splice(0).map((handle) => handle.stop()));
  }

  /** Tells the connector about an order the ERP holds (the runner feeds it the orders it sends). */
  remember(order: Order): void {
    this.book.observeOrder(order);
  }

  private observe(data: Uint8Array): void {
    try {
      const event = decodeEvent(data);
      if (event.type === 'erp.order.cancelled.v1') {
        const parsed = ERP_EVENTS['erp.order.cancelled.v1'].schema().safeParse(event.data);
        if (parsed.success) this.book.observeCancellation(parsed.data);
      } else if (event.type === 'erp.order.created.v1' || event.type === 'erp.order.changed.v1') {
        const parsed = ERP_EVENTS[event.type].schema().safeParse(event.data);
        if (parsed.success) this.book.observeOrder(parsed.data);
      }
    } catch {
      // Not an order the ERP could hold: the intake dead-letters it; the book ignores it.
    }
  }

  private async handle(message: BusMessage): Promise<void> {
    const { event, command: parsed } = parseCommand(message);
    const command = parsed.command;
    this.stats.received++;
    const pending = this.answers.get(command.commandId);
    if (pending) {
      this.stats.duplicates++;
      const answer = await pending;
      for (const again of answer.events) await publishEvent(this.bus, again);
      return;
    }
    const answer = this.answer(event, parsed);
    this.answers.set(command.commandId, answer);
    try {
      await answer;
    } catch (error) {
      this.answers.delete(command.commandId);
      throw error;
    }
  }

  private async answer(event: EventEnvelope<unknown>, parsed: AnyCommand): Promise<Answer> {
    const { command } = parsed;
    const decision = decideAnswer(command, this.options);
    await this.clock.sleep(decision.delayMs, this.stopping.signal);
    if (decision.lost) {
      this.stats.lost++;
      return { events: [] };
    }
    const at = this.clock.now().toISOString();
    const refusal =
      parsed.kind === 'order'
        ? this.book.refusal(parsed.command)
        : this.book.executionRefusal(parsed.command);
    const accepted = decision.outcome === CommandOutcome.ACCEPTED && refusal === null;
    let follow: Order | null = null;
    const stock: StockAdjusted[] = [];
    if (accepted && parsed.kind === 'order') follow = this.book.applyAccepted(parsed.command);
    if (accepted && parsed.kind === 'case') {
      const effect = this.book.applyExecution(parsed.command, at);
      follow = effect.order;
      stock.push(...effect.stock);
    }
    const causation = {
      correlationId: event.correlationid,
      causationId: event.id,
      time: at,
      source: SIMULATOR_SOURCE,
    };
    const events: EventEnvelope<unknown>[] = stock.map((adjustment, i) =>
      createEvent('erp.stock.adjusted.v1', adjustment.dcCode, adjustment, {
        ...causation,
        id: this.idFor(`stock-${i}`, command),
      }),
    );
    if (follow) {
      events.push(
        createEvent('erp.order.changed.v1', follow.orderNumber, follow, {
          ...causation,
          id: this.idFor('order', command),
        }),
      );
    }
    const acknowledgement: CommandAcknowledgement = {
      commandId: command.commandId,
      commandType: command.commandType,
      orderNumber: command.orderNumber,
      outcome: accepted ? CommandOutcome.ACCEPTED : CommandOutcome.REJECTED,
      reason: accepted ? null : (refusal ?? decision.reason),
      erpVersion: follow?.erpVersion ?? this.book.get(command.orderNumber)?.version ?? command.erpVersion,
      acknowledgedAt: at,
    };
    events.push(
      createEvent('erp.command.acknowledged.v1', command.orderNumber, acknowledgement, {
        ...causation,
        id: this.idFor('ack', command),
      }),
    );
    for (const answerEvent of events) await publishEvent(this.bus, answerEvent);
    if (accepted) this.stats.accepted++;
    else this.stats.rejected++;
    if (follow) this.stats.orderVersions++;
    return { events };
  }

  /** Stable per seed and command: answering the same command again yields the same event ids. */
  private idFor(kind: string, command: { commandId: string }): string {
    const digest = createHash('sha256')
      .update(`${this.options.seed}|${kind}|${command.commandId}`)
      .digest('hex');
    return `sim-${kind}-${digest.slice(0, 32)}`;
  }
}

function parseCommand(message: BusMessage): { event: EventEnvelope<unknown>; command: AnyCommand } {
  let event: EventEnvelope<unknown>;
  try {
    event = decodeEvent(message.data);
  } catch (error) {
    throw new PermanentEventError((error as Error).message);
  }
  const subject = event.type === CASE_COMMAND_SUBJECT ? CASE_COMMAND_SUBJECT : COMMAND_SUBJECT;
  const parsed = DOMAIN_EVENTS[subject].schema().safeParse(event.data);
  if (!parsed.success) {
    throw new PermanentEventError(
      `invalid ${subject} payload: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
    );
  }
  return {
    event,
    command:
      subject === CASE_COMMAND_SUBJECT
        ? { kind: 'case', command: parsed.data as ExecutionCommand }
        : { kind: 'order', command: parsed.data as ErpCommand },
  };
}
