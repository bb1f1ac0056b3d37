import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExceptionCategory } from '@ordex/contracts';
import {
  GRAPH_CLIENT,
  GraphClient,
  GraphUnavailableError,
  SERVICE_CLOCK,
  SERVICE_LOGGER,
  SERVICE_METRICS,
  ServiceMetrics,
} from '@ordex/platform';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ExecutionCommandsService } from '../actions/execution-commands.service';
import { PollingLoop } from '@ordex/platform';
import { CaseReconcilerService } from './case-reconciler.service';
import { DETECTION_SETTINGS, type DetectionOptions } from './detection.settings';
import type { ProductContext } from '../recommendations/domain/recommend-actions.util';
import { notesToTriage } from '../triage/domain/note-triage.util';
import { NoteTriageService } from '../triage/note-triage.service';
import {
  assignedDcOf,
  detectExceptions,
  SETTLED_ORDER_STATUSES,
  type DetectionOutcome,
} from './domain/detect-exceptions.util';
import { staleMirrorException } from './domain/stale-mirror.rule';
import { ClaimedEvaluation, EvaluationQueueService } from './evaluation-queue.service';
import {
  DetectionContextResult,
  ORDER_CONTEXT_DOCUMENT,
  OrderContext,
  PRODUCTS_DOCUMENT,
} from './order-context';

/** What one pass did, for logs and tests. */
export interface DetectionPass {
  claimed: number;
  evaluated: number;
  retried: number;
  opened: number;
  cleared: number;
  closed: number;
}

/**
 * Runs due evaluations: leases a batch of orders, reads their whole context through the gateway in
 * one request, detects their exceptions, triages the notes their cases need triaged (outside any
 * transaction: an LLM may take seconds) and reconciles each order's case in its own transaction.
 * Anything the graph cannot answer in full is given back to run again later, never judged on
 * partial context (a missing credit check must not clear a credit hold). Every instance of the
 * service runs a worker; the leases keep them from evaluating one order at the same time.
 */
@Injectable()
export class DetectionWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private sweepTimer?: NodeJS.Timeout;
  private readonly loop: PollingLoop;
  private readonly evaluations: Counter<'outcome'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: EvaluationQueueService,
    private readonly reconciler: CaseReconcilerService,
    private readonly executions: ExecutionCommandsService,
    private readonly noteTriage: NoteTriageService,
    @Inject(GRAPH_CLIENT) private readonly graph: GraphClient | null,
    @Inject(DETECTION_SETTINGS) private readonly settings: DetectionOptions,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    // Passes until nothing is due: a full batch that was not all given back means more may wait.
    this.loop = new PollingLoop(
      async () => {
        const pass = await this.runOnce();
        return pass.claimed === settings.batchSize && pass.retried < pass.claimed;
      },
      settings.pollIntervalMs,
      (error) => logger.error({ err: error }, 'exception detection pass failed'),
    );
    this.evaluations = new Counter({
      name: 'ordex_detection_evaluations_total',
      help: 'Order evaluations by outcome: evaluated, retried (graph or mirror not ready), dropped (order never mirrored)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
    const waiting = () => this.queue.backlog();
    new Gauge({
      name: 'ordex_detection_backlog',
      help: 'Order evaluations waiting to run (due or not)',
      registers: [metrics.registry],
      async collect() {
        this.set(await waiting());
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!this.graph) {
      this.logger.warn('exception detection is off: this cases service has no client of the graph');
      return;
    }
    this.loop.start(this.settings.pollIntervalMs);
    this.sweepTimer = setInterval(() => {
      this.queue
        .requestOpenCases('periodic re-evaluation of open cases')
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'open cases not queued for re-evaluation'),
        );
    }, this.settings.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.loop.stop();
  }

  /** One batch: claim, read, detect, reconcile. */
  async runOnce(): Promise<DetectionPass> {
    const pass: DetectionPass = { claimed: 0, evaluated: 0, retried: 0, opened: 0, cleared: 0, closed: 0 };
    if (!this.graph) return pass;
    const claimed = await this.queue.claim(this.settings.batchSize, this.settings.leaseMs);
    pass.claimed = claimed.length;
    if (claimed.length === 0) return pass;

    const answer = await this.read(claimed);
    if (!answer) {
      await this.queue.retryLater(claimed, this.settings.retryDelayMs);
      pass.retried = claimed.length;
      this.evaluations.inc({ outcome: 'retried' }, pass.retried);
      return pass;
    }
    const { byNumber, failed, dcByRegion } = answer;
    await this.withCaseCommands(byNumber);
    const regionOfDc = new Map([...dcByRegion].map(([region, code]) => [code, region]));
    const now = this.clock();
    const retry: ClaimedEvaluation[] = [];
    const rechecks = new Map<number, string[]>();
    const judged: Judged[] = [];
    for (const request of claimed) {
      const order = byNumber.get(request.orderNumber);
      if (failed.has(request.orderNumber)) {
        retry.push(request);
        continue;
      }
      if (!order) {
        await this.unknownOrder(request, retry);
        continue;
      }
      const behind = request.minErpVersion !== null && order.erpVersion < request.minErpVersion;
      if (behind && request.attempts < this.settings.maxAttempts) {
        retry.push(request);
        continue;
      }
      const outcome = detectExceptions(order, dcByRegion, {
        asOf: now,
        acknowledgementTimeoutMs: this.settings.acknowledgementTimeoutMs,
      });
      judged.push({
        request,
        order,
        outcome: behind ? withStaleMirror(outcome, order, request.minErpVersion as number) : outcome,
      });
    }
    const products = await this.products(judged);
    const notes = await this.noteTriage.read(
      this.dataSource.manager,
      judged
        .filter(({ order, outcome }) => products || !shortSkus(order, outcome).length)
        .map(({ order, outcome }) => ({
          orderNumber: order.orderNumber,
          notes: order.notes,
          mayOpenCase: outcome.exceptions.length > 0 && !SETTLED_ORDER_STATUSES.has(order.status),
        })),
      // Triage never holds the batch's lease: notes not reached in a third of it wait for their next evaluation.
      this.settings.leaseMs / 3,
    );
    for (const { request, order, outcome } of judged) {
      if (!products && shortSkus(order, outcome).length) {
        retry.push(request);
        continue;
      }
      const assignedDc = assignedDcOf(order, dcByRegion);
      let result;
      try {
        result = await this.dataSource.transaction(async (tx) => {
          const reconciled = await this.reconciler.reconcile(tx, {
            order,
            outcome,
            trigger: request.reason,
            now,
            reworkWindowMs: this.settings.reworkWindowMs,
            assignedDc,
            region: assignedDc === null ? null : (regionOfDc.get(assignedDc) ?? null),
            products: products ?? [],
            notes: notes.get(order.orderNumber) ?? { text: notesToTriage(order.notes), result: null },
          });
          await this.queue.complete(request, tx);
          return reconciled;
        });
      } catch (error) {
        // One order's failure (the database, a constraint) does not hold up the others: it runs again later.
        this.logger.error(
          { err: error, orderNumber: order.orderNumber, attempts: request.attempts },
          'case not reconciled; the evaluation runs again later',
        );
        retry.push(request);
        continue;
      }
      pass.evaluated++;
      pass.opened += Number(result.opened || result.reopened);
      pass.cleared += result.cleared;
      pass.closed += Number(result.closed);
      if (outcome.recheckAt) {
        const inMs = outcome.recheckAt.getTime() - now.getTime();
        rechecks.set(inMs, [...(rechecks.get(inMs) ?? []), order.orderNumber]);
      }
    }
    for (const [inMs, numbers] of rechecks) {
      await this.queue.recheckIn(numbers, inMs, 'an ERP command reaches its acknowledgement timeout');
    }
    await this.queue.retryLater(retry, this.settings.retryDelayMs);
    pass.retried = retry.length;
    this.evaluations.inc({ outcome: 'evaluated' }, pass.evaluated);
    this.evaluations.inc({ outcome: 'retried' }, pass.retried);
    return pass;
  }

  /** The orders' context, or null when the graph could not be asked at all. */
  private async read(claimed: readonly ClaimedEvaluation[]): Promise<{
    byNumber: Map<string, OrderContext>;
    failed: Set<string>;
    dcByRegion: Map<string, string>;
  } | null> {
    const graph = this.graph as GraphClient;
    try {
      const orderNumbers = claimed.map((c) => c.orderNumber);
      const { data, errors } = await graph.request<DetectionContextResult>(ORDER_CONTEXT_DOCUMENT, {
        orderNumbers,
        first: orderNumbers.length,
        asOf: this.clock().toISOString(),
      });
      if (!data?.orders || !data.distributionCenters) {
        this.logger.warn(
          { errors: errors.slice(0, 3) },
          'the graph answered without the orders; retrying later',
        );
        return null;
      }
      // A field error under one order makes that order's context incomplete: it waits for the next try.
      const failed = new Set<string>();
      for (const error of errors) {
        const index = error.path?.[0] === 'orders' ? error.path[1] : undefined;
        if (typeof index !== 'number') {
          this.logger.warn({ error }, 'the graph answered with an error outside the orders; retrying later');
          return null;
        }
        const number = data.orders[index]?.orderNumber;
        if (number) failed.add(number);
      }
      if (failed.size) {
        this.logger.warn(
          { orders: [...failed].slice(0, 10), error: errors[0]?.message },
          'incomplete order context; retrying later',
        );
      }
      return {
        byNumber: new Map(data.orders.map((o) => [o.orderNumber, o])),
        failed,
        dcByRegion: new Map(data.distributionCenters.map((dc) => [dc.region, dc.code])),
      };
    } catch (error) {
      if (!(error instanceof GraphUnavailableError)) throw error;
      if (error.status === 400) {
        // The gateway refuses the document itself (a limit, a schema change): retrying will not help.
        this.logger.error(
          { err: error.message },
          'the gateway refuses the detection query; detection is stalled',
        );
      } else {
        this.logger.warn({ err: error.message }, 'the graph is unavailable; detection retries later');
      }
      return null;
    }
  }

  /**
   * Adds the commands ordex sent the connector for the orders' cases and is still waiting on to
   * the orders' own (holds): ERP_SYNC judges them all by the same acknowledgement timeout.
   */
  private async withCaseCommands(byNumber: Map<string, OrderContext>): Promise<void> {
    const pending = await this.executions.pendingByOrder(this.dataSource.manager, [...byNumber.keys()]);
    for (const [orderNumber, commands] of pending) {
      const order = byNumber.get(orderNumber);
      if (!order) continue;
      order.erpCommands = [
        ...order.erpCommands,
        ...commands.map((c) => ({
          commandId: c.id,
          commandType: c.commandType,
          status: 'PENDING' as const,
          requestedAt: c.requestedAt.toISOString(),
        })),
      ];
    }
  }

  /**
   * What inventory knows about the short lines' SKUs and their approved substitutes (for the
   * recommendations); null when it could not answer in full, so those orders wait for the next try.
   */
  private async products(judged: readonly Judged[]): Promise<ProductContext[] | null> {
    const skus = [...new Set(judged.flatMap(({ order, outcome }) => shortSkus(order, outcome)))].sort();
    if (skus.length === 0) return [];
    try {
      const answered: ProductContext[] = [];
      // The graph pages products 500 at a time.
      for (let start = 0; start < skus.length; start += 500) {
        const page = skus.slice(start, start + 500);
        const { data, errors } = await (this.graph as GraphClient).request<{ products: ProductContext[] }>(
          PRODUCTS_DOCUMENT,
          { skus: page, first: page.length },
        );
        if (!data?.products || errors.length) {
          this.logger.warn(
            { errors: errors.slice(0, 3) },
            'substitutes not answered in full; retrying later',
          );
          return null;
        }
        answered.push(...data.products);
      }
      return answered;
    } catch (error) {
      if (!(error instanceof GraphUnavailableError)) throw error;
      this.logger.warn({ err: error.message }, 'the graph is unavailable for substitutes; retrying later');
      return null;
    }
  }

  /** The mirror does not have the order (yet): wait for it, then give up with a warning. */
  private async unknownOrder(request: ClaimedEvaluation, retry: ClaimedEvaluation[]): Promise<void> {
    if (request.attempts < this.settings.maxAttempts) {
      retry.push(request);
      return;
    }
    this.logger.warn(
      { orderNumber: request.orderNumber, attempts: request.attempts, trigger: request.reason },
      'order not in the orders mirror after every attempt: evaluation dropped',
    );
    this.evaluations.inc({ outcome: 'dropped' });
    await this.queue.complete(request);
  }
}

interface Judged {
  request: ClaimedEvaluation;
  order: OrderContext;
  outcome: DetectionOutcome;
}

/** The SKUs of the order's lines detection found short. */
function shortSkus(order: OrderContext, outcome: DetectionOutcome): string[] {
  const short = new Set(
    outcome.exceptions.filter((e) => e.category === ExceptionCategory.STOCK_SHORTAGE).map((e) => e.lineNo),
  );
  return order.lines.filter((line) => short.has(line.lineNo)).map((line) => line.sku);
}

/** The outcome plus an ERP_SYNC exception for a mirror that stays behind the ERP's version. */
function withStaleMirror(outcome: DetectionOutcome, order: OrderContext, expected: number): DetectionOutcome {
  const stale = staleMirrorException(order, expected);
  const others = outcome.exceptions.filter(
    (e) => !(e.category === ExceptionCategory.ERP_SYNC && e.lineNo === null),
  );
  const existing = outcome.exceptions.find(
    (e) => e.category === ExceptionCategory.ERP_SYNC && e.lineNo === null,
  );
  const merged = existing
    ? {
        ...existing,
        reason: `${existing.reason}; ${stale.reason}`,
        facts: { ...existing.facts, ...stale.facts },
      }
    : stale;
  return { ...outcome, exceptions: [...others, merged] };
}
