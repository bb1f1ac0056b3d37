import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  loadConfig,
  PollingLoop,
  SERVICE_LOGGER,
  SERVICE_METRICS,
  type ServiceMetrics,
} from '@ordex/platform';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import { ServiceRiskOversightService } from './service-risk-oversight.service';

const schema = z.object({
  /** How often the oversight figures are recomputed for the metrics; 0 turns it off. */
  OVERSIGHT_REFRESH_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  /** Orders shipped in this many days before now are judged. */
  OVERSIGHT_WINDOW_DAYS: z.coerce.number().int().min(1).default(90),
});

/**
 * The service-risk oversight figures as Prometheus gauges, recomputed on a schedule over the
 * orders shipped in the last `OVERSIGHT_WINDOW_DAYS`, so dashboards and alert rules see them:
 * `ordex_service_risk_auc` and `ordex_service_risk_brier` per decider, the fallback share, the
 * orders judged and `ordex_service_risk_alerts` per kind (discrimination, calibration, bias).
 */
@Injectable()
export class OversightMetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;
  private readonly refreshMs: number;
  private readonly windowDays: number;
  private readonly orders: Gauge;
  private readonly auc: Gauge<'decider'>;
  private readonly brier: Gauge<'decider'>;
  private readonly fallback: Gauge;
  private readonly alerts: Gauge<'kind'>;

  constructor(
    private readonly oversight: ServiceRiskOversightService,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    const config = loadConfig('analytics', schema, process.env);
    this.refreshMs = config.OVERSIGHT_REFRESH_MS;
    this.windowDays = config.OVERSIGHT_WINDOW_DAYS;
    const registers = [metrics.registry];
    this.orders = new Gauge({
      name: 'ordex_service_risk_orders_judged',
      help: 'Shipped orders judged by oversight',
      registers,
    });
    this.auc = new Gauge({
      name: 'ordex_service_risk_auc',
      help: "ROC AUC of each decider's service-risk decisions on shipped orders",
      labelNames: ['decider'],
      registers,
    });
    this.brier = new Gauge({
      name: 'ordex_service_risk_brier',
      help: "Brier score of each decider's service-risk decisions on shipped orders",
      labelNames: ['decider'],
      registers,
    });
    this.fallback = new Gauge({
      name: 'ordex_service_risk_fallback_share',
      help: 'Share of service-risk decisions the rules made',
      registers,
    });
    this.alerts = new Gauge({
      name: 'ordex_service_risk_alerts',
      help: 'Oversight thresholds crossed, by kind',
      labelNames: ['kind'],
      registers,
    });
    this.loop = new PollingLoop(
      async () => (await this.refresh(), false),
      Math.max(1, this.refreshMs),
      (err) => this.logger.error({ err }, 'oversight metrics refresh failed; next at the next interval'),
    );
  }

  onApplicationBootstrap(): void {
    if (this.refreshMs > 0) this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  async refresh(now = new Date()): Promise<void> {
    const report = await this.oversight.report(new Date(now.getTime() - this.windowDays * 86_400_000), now);
    this.orders.set(report.orders);
    this.fallback.set(report.fallbackShare);
    this.auc.reset();
    this.brier.reset();
    for (const s of report.bySource) {
      const decider = s.modelVersion ?? s.source;
      if (s.auc !== null) this.auc.set({ decider }, s.auc);
      this.brier.set({ decider }, s.brier);
    }
    for (const kind of ['discrimination', 'calibration', 'bias'] as const)
      this.alerts.set({ kind }, report.alerts.filter((a) => a.kind === kind).length);
  }
}
