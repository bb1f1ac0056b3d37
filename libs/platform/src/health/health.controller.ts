import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { EventBus } from '../bus/event-bus';
import { ErpIntake } from '../events/erp-intake.service';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { EVENT_BUS } from '../subgraph/tokens';

/**
 * Liveness (the process answers) and readiness. Readiness needs the database; without the event
 * bus the service still serves reads and takes writes into its outbox, so a lost bus is reported
 * as degraded with the outbox backlog rather than taking the service out of rotation.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly outbox: OutboxRelayService,
    private readonly intake: ErpIntake,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const state = { ...this.bus.health(), consumerLag: await this.intake.lag() };
        return this.indicators
          .check('eventBus')
          .up({ ...state, ...(state.connected ? {} : { degraded: true }) });
      },
      async () => {
        const state = await this.outbox.state();
        return this.indicators.check('outbox').up({ ...state, degraded: Boolean(state.lastError) });
      },
    ]);
  }
}
