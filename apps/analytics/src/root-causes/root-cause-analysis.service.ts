import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExceptionCategory, Team } from '@ordex/contracts';
import {
  DEFAULT_FINDING_OWNERS,
  overRepresentedSlices,
  rootCauseFindings,
  type ObservationUnit,
  type RootCauseFinding,
} from '@ordex/mining';
import { PollingLoop, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { ROOT_CAUSE_SETTINGS, type RootCauseSettings } from './root-cause.settings';

/** The team that acts on each category's findings (the upstream owner is named in the finding). */
const TEAM_OF: Record<ExceptionCategory, Team> = {
  [ExceptionCategory.STOCK_SHORTAGE]: Team.PROCUREMENT,
  [ExceptionCategory.PRICE_MISMATCH]: Team.FINANCE_PRICING,
  [ExceptionCategory.CREDIT_HOLD]: Team.FINANCE_CREDIT,
  [ExceptionCategory.MASTER_DATA]: Team.DATA_STEWARDSHIP,
  [ExceptionCategory.SHIPMENT_CONSTRAINT]: Team.TRANSPORTATION,
  [ExceptionCategory.ROUTING_RULE]: Team.CUSTOMER_SERVICE,
  [ExceptionCategory.ERP_SYNC]: Team.IT,
};
/** Only one instance of analytics refreshes the findings at a time. */
const REFRESH_LOCK = 0x0_5ca1ab1e;

/**
 * Root causes of the exceptions: every order received in the window is a unit, sliced by its
 * customer's segment and tier, its ship-to region, the families of its SKUs and its time (month-end
 * or not, weekday), and the exception categories detected on it. Slices where a category is
 * over-represented (lift, one-sided Fisher test, Benjamini–Hochberg) become findings addressed to
 * the upstream owner, ranked per category. They are recomputed on a schedule and replace the last.
 */
@Injectable()
export class RootCauseAnalysisService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ROOT_CAUSE_SETTINGS) private readonly settings: RootCauseSettings,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop(
      async () => {
        await this.refresh();
        return false;
      },
      settings.refreshIntervalMs,
      (err) => this.logger.error({ err }, 'root-cause refresh failed; next at the next interval'),
    );
  }

  onApplicationBootstrap(): void {
    if (this.settings.refreshIntervalMs > 0) this.loop.start(this.settings.refreshIntervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** The orders received in the last `windowDays` before `now`, as units of the analysis. */
  async units(now = new Date(), db: Pick<EntityManager, 'query'> = this.db): Promise<ObservationUnit[]> {
    const from = new Date(now.getTime() - this.settings.windowDays * 86_400_000);
    const rows: {
      at: number;
      segment: string | null;
      tier: string | null;
      region: string | null;
      families: string[];
      categories: string[];
    }[] = await db.query(
      `SELECT (extract(epoch FROM o.received_at) * 1000)::float8 AS at, c.segment, c.tier,
              c.ship_to_regions ->> o.ship_to_id AS region,
              ARRAY(SELECT DISTINCT p.family FROM unnest(o.skus) AS s(sku)
                      JOIN "analytics"."product_dim" p ON p.sku = s.sku) AS families,
              ARRAY(SELECT DISTINCT e.category FROM "analytics"."exception_fact" e
                     WHERE e.order_number = o.order_number AND e.detected_at < $2) AS categories
         FROM "analytics"."order_fact" o
         LEFT JOIN "analytics"."customer_dim" c ON c.customer_id = o.customer_id
        WHERE o.received_at >= $1 AND o.received_at < $2`,
      [from, now],
    );
    return rows.map((r) => ({
      at: r.at,
      dims: { segment: r.segment, tier: r.tier, region: r.region, family: r.families },
      categories: r.categories,
    }));
  }

  /**
   * Computes the findings and replaces the stored ones. One instance at a time: another that finds
   * the lock taken skips the refresh (null) without reading or computing anything.
   */
  async refresh(now = new Date()): Promise<RootCauseFinding[] | null> {
    return this.db.transaction(async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.query(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [REFRESH_LOCK],
      );
      if (!locked) return null;
      const units = await this.units(now, tx);
      const findings = rootCauseFindings(
        overRepresentedSlices(units, { timeZone: this.settings.timeZone }),
        DEFAULT_FINDING_OWNERS,
      );
      const rank = new Map<string, number>();
      const rows = findings.map((f) => {
        rank.set(f.category, (rank.get(f.category) ?? 0) + 1);
        return {
          category: f.category,
          dimensions: Object.fromEntries(f.slice.map((c) => [c.dim, c.value])),
          support: f.support,
          lift: f.lift,
          p_value: f.pValue,
          adjusted_p_value: f.adjustedPValue,
          addressed_to: TEAM_OF[f.category as ExceptionCategory] ?? Team.CUSTOMER_SERVICE,
          owner: f.owner,
          rank: rank.get(f.category),
          units: f.units,
          count: f.count,
          baseline: f.baseline,
          summary: f.summary,
        };
      });
      await tx.query(`DELETE FROM "analytics"."root_cause_finding"`);
      await tx.query(
        `INSERT INTO "analytics"."root_cause_finding"
           (category, dimensions, support, lift, p_value, adjusted_p_value, addressed_to, owner,
            rank, units, count, baseline, summary, detected_at)
         SELECT category, dimensions, support, lift, p_value, adjusted_p_value, addressed_to, owner,
                rank, units, count, baseline, summary, $2
           FROM jsonb_to_recordset($1::jsonb) AS f(
                category text, dimensions jsonb, support numeric, lift numeric, p_value numeric,
                adjusted_p_value numeric, addressed_to text, owner text, rank int, units int,
                count int, baseline numeric, summary text)`,
        [JSON.stringify(rows), now],
      );
      this.logger.info({ units: units.length, findings: findings.length }, 'root-cause findings refreshed');
      return findings;
    });
  }
}
