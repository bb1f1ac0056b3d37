import type { WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SingleBar } from 'cli-progress';
import type { Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES, demoErpEvents } from '@ordex/demo-data';
import { erpEventStream } from './erp-stream';
import type { EventSink } from './event-sink';
import { dueWallMs } from './pacing.util';
import type { RunOptions } from './run-options';
import { emptySummary, formatSummary, tally, type RunSummary } from './run-summary.util';
import type { SimulatedErpConnector } from './simulated-erp-connector';
import type { LabelRecord, SimulatedEvent } from './stream-options';

/**
 * Sends the demo distributor's master data, then the simulated stream, paced by simulated time
 * and the rate cap, in batches the sink takes; tells the connector about every order sent;
 * writes each order's label when it is sent and its outcome when it ships or is cancelled; shows
 * progress and returns (and prints) the summary.
 */
export async function runSimulation(
  options: RunOptions,
  sink: EventSink,
  connector: SimulatedErpConnector | undefined,
  labels: WriteStream | undefined,
  signal: AbortSignal,
  out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stdout,
): Promise<RunSummary> {
  const demo = buildDemoDistributor(DEMO_SIZES[options.size]);
  const summary = emptySummary();
  if (!options.skipMasterData) {
    const master = demoErpEvents(demo);
    for (let i = 0; i < master.length; i += sink.batchSize)
      await sink.send(master.slice(i, i + sink.batchSize));
    out.write(`demo distributor (${options.size}): ${master.length} master-data events sent\n`);
  }
  const stream = erpEventStream({
    seed: options.seed,
    demo,
    start: options.start,
    profile: options.ordersPerHour ? { ordersPerHour: options.ordersPerHour } : undefined,
    fallout: options.fallout,
    patterns: options.patterns,
    ...options.shares,
  });
  const progress = startProgress(options, out);
  const started = Date.now();
  let simulatedStart: number | undefined;
  let pending: SimulatedEvent | undefined;
  const done = () =>
    signal.aborted ||
    (options.orders !== undefined && summary.orders >= options.orders) ||
    (options.duration !== undefined && Date.now() - started >= options.duration * 1000);
  while (!done()) {
    const batch: SimulatedEvent[] = [];
    while (batch.length < sink.batchSize) {
      const next = pending ?? stream.next().value;
      pending = undefined;
      simulatedStart ??= next.at;
      const due = started + dueWallMs(summary.events + batch.length, next.at, simulatedStart, options);
      const lastOrder =
        options.orders !== undefined && next.label && summary.orders + countOrders(batch) >= options.orders;
      if (lastOrder || (batch.length > 0 && due > Date.now())) {
        pending = lastOrder ? undefined : next;
        break;
      }
      if (due > Date.now())
        await sleep(Math.min(due - Date.now(), 1000), undefined, { signal }).catch(() => undefined);
      if (signal.aborted || due > Date.now()) {
        pending = next;
        break;
      }
      batch.push(next);
    }
    if (batch.length === 0) continue;
    const results = await sink.send(batch.map((b) => b.event));
    batch.forEach((sent, i) => {
      tally(summary, sent, results[i]);
      if (sent.label) writeLabel(labels, { kind: 'order', ...sent.label });
      if (sent.outcome) writeLabel(labels, { kind: 'outcome', ...sent.outcome });
      const data = sent.event.data as Order;
      if (
        connector &&
        (sent.event.type === 'erp.order.created.v1' || sent.event.type === 'erp.order.changed.v1')
      )
        connector.remember(data);
    });
    progress.update(summary.orders, summary.events, summary.publishErrors, started);
  }
  progress.stop();
  out.write(`${formatSummary(summary, (Date.now() - started) / 1000)}\n`);
  return summary;
}

const countOrders = (batch: SimulatedEvent[]) => batch.filter((b) => b.label).length;

const writeLabel = (labels: WriteStream | undefined, record: LabelRecord) =>
  labels?.write(`${JSON.stringify(record)}\n`);

/** A progress bar on a terminal; one line every 5 s otherwise (logs, CI). */
function startProgress(options: RunOptions, out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>) {
  const total = options.orders ?? Math.round(options.duration ?? 0);
  const unit = options.orders !== undefined ? 'orders' : 'seconds';
  if (out.isTTY) {
    const bar = new SingleBar({
      format: `simulating [{bar}] {value}/{total} ${unit} | {events} events | {rate} events/s | {errors} errors`,
    });
    bar.start(total, 0, { events: 0, rate: '0', errors: 0 });
    return {
      update: (orders: number, events: number, errors: number, started: number) => {
        const seconds = (Date.now() - started) / 1000;
        const value = unit === 'orders' ? orders : Math.min(total, Math.round(seconds));
        bar.update(value, { events, rate: (events / Math.max(seconds, 0.001)).toFixed(0), errors });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = Date.now();
  return {
    update: (orders: number, events: number, errors: number, started: number) => {
      if (Date.now() - lastLine < 5000) return;
      lastLine = Date.now();
      const seconds = (Date.now() - started) / 1000;
      out.write(
        `simulating: ${orders} orders, ${events} events, ${(events / seconds).toFixed(0)} events/s, ${errors} errors\n`,
      );
    },
    stop: () => undefined,
  };
}
