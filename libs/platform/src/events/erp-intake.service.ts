import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { EVENT_BUS, SERVICE_LOGGER, SERVICE_METRICS } from '../subgraph/tokens';
import { consumeErpEvents, ErpEventHandlers } from './erp-intake';

/**
 * Where a service's listeners register the ERP events they apply. Consumption starts once the
 * whole application is up (so no event meets a half-built service) and stops before it closes.
 */
@Injectable()
export class ErpIntake implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registrations: { durable: string; handlers: ErpEventHandlers }[] = [];
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Registers handlers on a durable consumer shared by every instance of the service. */
  register(durable: string, handlers: ErpEventHandlers): void {
    this.registrations.push({ durable, handlers });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { bus, dataSource, logger, metrics } = this;
    for (const { durable, handlers } of this.registrations) {
      const stop = await consumeErpEvents({
        bus,
        dataSource,
        durable,
        handlers,
        logger,
        onOutcome: (outcome, type) => metrics.eventsConsumed.inc({ consumer: durable, type, outcome }),
        observer: {
          retried: (subject) => metrics.eventsRetried.inc({ consumer: durable, subject }),
          deadLettered: (subject) => metrics.eventsDeadLettered.inc({ consumer: durable, subject }),
        },
      });
      this.stops.push(stop);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.stops.splice(0).map((stop) => stop()));
  }
}
