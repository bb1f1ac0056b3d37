import { createEvent, ERP_EVENTS, type ErpEventType } from '@ordex/contracts';
import type { EventQueue } from './event-queue.util';
import type { PlannedEvent } from './order-factory';
import { localToInstant, MINUTE_MS } from './sim-calendar.util';
import type { SimRandom } from './sim-random.util';
import type {
  OrderLabel,
  OutcomeLabel,
  ResolvedStreamOptions,
  SimEventKind,
  SimulatedEvent,
} from './stream-options';

export const SIMULATOR_SOURCE = 'ordex-erp-simulator';

/**
 * Turns the generator's decisions into CloudEvents, in order: ids `sim-<seed>-<n>` numbered in
 * the order events are decided (stable per seed), timestamps at the simulated instant, and the
 * duplicates (same id again) the ERP sends at its share.
 */
export class StreamOutput {
  private readonly ready: SimulatedEvent[] = [];
  private ids = 0;
  private seq = 0;

  constructor(
    private readonly options: Pick<ResolvedStreamOptions, 'seed' | 'timeZone' | 'duplicateShare'>,
    private readonly rnd: SimRandom,
    private readonly queue: EventQueue<() => void>,
  ) {}

  shift(): SimulatedEvent | undefined {
    return this.ready.shift();
  }

  emit<K extends ErpEventType>(
    at: number,
    kind: SimEventKind,
    planned: PlannedEvent<K>,
    extra: { id?: string; orderNumber?: string; label?: OrderLabel; outcome?: OutcomeLabel } = {},
  ): SimulatedEvent {
    const { type, payload } = planned;
    const event = createEvent(type, ERP_EVENTS[type].key(payload), payload, {
      source: SIMULATOR_SOURCE,
      id: extra.id ?? `sim-${this.options.seed}-${++this.ids}`,
      time: localToInstant(at, this.options.timeZone).toISOString(),
    });
    const simulated: SimulatedEvent = { seq: ++this.seq, at, kind, event, orderNumber: extra.orderNumber };
    if (extra.label) simulated.label = extra.label;
    if (extra.outcome) simulated.outcome = extra.outcome;
    this.ready.push(simulated);
    return simulated;
  }

  /**
   * An order event, sent again later with the same id at the duplicate share (the duplicate
   * carries no label or outcome: those belong to the order once).
   */
  emitOrderEvent(
    at: number,
    kind: SimEventKind,
    planned: PlannedEvent,
    orderNumber: string,
    labels: { label?: OrderLabel; outcome?: OutcomeLabel } = {},
  ): void {
    const emitted = this.emit(at, kind, planned, { orderNumber, ...labels });
    if (this.rnd.chance(this.options.duplicateShare)) {
      const again = at + Math.round(this.rnd.uniform(1_000, 10 * MINUTE_MS));
      this.queue.push(again, () =>
        this.emit(again, 'duplicate', planned, { id: emitted.event.id, orderNumber }),
      );
    }
  }
}
