import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { EVENT_BUS, SERVICE_LOGGER, SERVICE_METRICS } from '../subgraph/tokens';
import { consumeDomainEvents, DomainEventHandlers } from './domain-intake';
import { consumeErpEvents, ErpEventHandlers } from './erp-intake';

/**
 * Where a service's listeners register the events they apply: the ERP's, and other ordex
 * services' (`registerDomain`). Consumption starts once the whole application is up (so no event
 * meets a half-built service) and stops before it closes.
 */
@Injectable()
export class ErpIntake implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registrations: {
    durable: string;
    handlers: ErpEventHandlers | DomainEventHandlers;
    domain: boolean;
  }[] = [];
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const lag = () => this.lag();
    new Gauge({
      name: 'ordex_consumer_lag',
      help: 'Events a consumer has not settled yet (not delivered, or delivered and unacknowledged)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      async collect() {
        for (const [consumer, value] of Object.entries(await lag())) this.set({ consumer }, value);
      },
    });
  }

  /** Each registered consumer's lag; consumers the bus cannot answer for now are left out. */
  async lag(): Promise<Record<string, number>> {
    const lags: Record<string, number> = {};
    if (!this.bus.health().connected) return lags;
    for (const { durable } of this.registrations) {
      const lag = await this.bus.consumerLag(durable).catch(() => undefined);
      if (lag !== undefined) lags[durable] = lag;
    }
    return lags;
  }

  /** Registers handlers on a durable consumer shared by every instance of the service. */
  register(durable: string, handlers: ErpEventHandlers): void {
    this.registrations.push({ durable, handlers, domain: false });
  }

  /** Registers handlers of other ordex services' events on a durable consumer, as above. */
  registerDomain(durable: string, handlers: DomainEventHandlers): void {
    this.registrations.push({ durable, handlers, domain: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { bus, dataSource, logger, metrics } = this;
    for (const { durable, handlers, domain } of this.registrations) {
      const common = {
        bus,
        dataSource,
        durable,
        logger,
        onOutcome: (outcome: string, type: string) =>
          metrics.eventsConsumed.inc({ consumer: durable, type, outcome }),
        observer: {
          retried: (subject: string) => metrics.eventsRetried.inc({ consumer: durable, subject }),
          deadLettered: (subject: string) => metrics.eventsDeadLettered.inc({ consumer: durable, subject }),
        },
      };
      const stop = domain
        ? await consumeDomainEvents({ ...common, handlers: handlers as DomainEventHandlers })
        : await consumeErpEvents({ ...common, handlers: handlers as ErpEventHandlers });
      this.stops.push(stop);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.stops.splice(0).map((stop) => stop()));
  }
}
