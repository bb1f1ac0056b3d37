import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { EVENT_BUS, SERVICE_LOGGER, SERVICE_METRICS } from '../subgraph/tokens';
import { OutboxRelay, OutboxState } from './outbox-relay';

/** Runs the service's outbox relay while the service is up and reports its backlog. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(EVENT_BUS) bus: EventBus,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    this.relay = new OutboxRelay(dataSource, bus, logger, (count) => metrics.outboxPublished.inc(count));
    const relay = this.relay;
    new Gauge({
      name: 'ordex_outbox_backlog',
      help: 'Events committed to the outbox and not yet published',
      registers: [metrics.registry],
      async collect() {
        this.set((await relay.state()).backlog);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }

  state(): Promise<OutboxState> {
    return this.relay.state();
  }
}
