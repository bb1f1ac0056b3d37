import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { EventBus } from '../bus/event-bus';
import { EVENT_BUS } from '../subgraph/tokens';

/** Liveness (the process answers) and readiness (its database and event bus answer). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
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
        const indicator = this.indicators.check('eventBus');
        const state = this.bus.health();
        return state.connected ? indicator.up({ ...state }) : indicator.down({ ...state });
      },
    ]);
  }
}
