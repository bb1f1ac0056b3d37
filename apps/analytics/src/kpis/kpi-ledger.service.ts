import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Kpi, KpiDimension, OVERALL, slicesOf, type KpiSlice } from './domain/kpi-catalog';
import { KPI_SETTINGS, type KpiSettings } from './kpi.settings';

/** What one contribution adds to a rate or a sum. */
interface Tally {
  n?: number;
  hits?: number;
  total?: number;
}

/** A settled exception as its fact row says after the settlement. */
export interface SettledException {
  exceptionId: string;
  detectedAt: Date;
  settledAt: Date;
  dueAt: Date | null;
  peopleActions: number;
  settledBy: string | null;
}

/** A detected exception, just recorded. */
export interface DetectedException {
  exceptionId: string;
  orderNumber: string;
  category: string;
  sku: string | null;
  detectedAt: Date;
}

/**
 * The KPI ledger: each change of a fact adds its contribution to the day it happened (in the
 * distributor's zone), for the whole operation and for every slice it belongs to, in the same
 * transaction as the change, so every contribution is counted once with the event that caused it.
 * Nothing here reads more than the rows of the order, exception or approval at hand.
 */
@Injectable()
export class KpiLedgerService {
  constructor(@Inject(KPI_SETTINGS) private readonly settings: KpiSettings) {}

  /** Recurrence on the day detected; revenue at risk (and lost, if already cancelled) for an order's first. */
  async exceptionDetected(tx: EntityManager, detected: DetectedException): Promise<void> {
    const slices = await this.exceptionSlices(tx, detected.exceptionId);
    const [{ recurring }]: { recurring: boolean }[] = await tx.query(
      `WITH window_ AS (
         SELECT $3::timestamptz - make_interval(days => $4::int) AS since, $3::timestamptz AS until)
       SELECT EXISTS (
                SELECT 1 FROM "analytics"."exception_fact" p, window_ w
                 WHERE $5::text IS NOT NULL AND p.category = $1 AND p.sku = $5 AND p.order_number <> $2
                   AND p.detected_at >= w.since AND p.detected_at < w.until)
           OR EXISTS (
                SELECT 1 FROM "analytics"."order_fact" mine
                  JOIN "analytics"."order_fact" other
                    ON other.customer_id = mine.customer_id AND other.order_number <> mine.order_number
                  JOIN "analytics"."exception_fact" p ON p.order_number = other.order_number, window_ w
                 WHERE mine.order_number = $2 AND p.category = $1
                   AND p.detected_at >= w.since AND p.detected_at < w.until) AS recurring`,
      [
        detected.category,
        detected.orderNumber,
        detected.detectedAt,
        this.settings.recurrenceWindowDays,
        detected.sku,
      ],
    );
    await this.tally(tx, Kpi.RECURRENCE_RATE, detected.detectedAt, slices, { n: 1, hits: recurring ? 1 : 0 });
    const [{ exceptions }]: { exceptions: number }[] = await tx.query(
      `SELECT count(*)::int AS exceptions FROM "analytics"."exception_fact" WHERE order_number = $1`,
      [detected.orderNumber],
    );
    if (exceptions !== 1) return;
    const orders: { value: string; cancelled_at: Date | null }[] = await tx.query(
      `SELECT order_value AS value, cancelled_at FROM "analytics"."order_fact" WHERE order_number = $1`,
      [detected.orderNumber],
    );
    if (orders.length === 0) return;
    const value = Number(orders[0].value);
    await this.tally(tx, Kpi.REVENUE_AT_RISK, detected.detectedAt, slices, { n: 1, total: value });
    const cancelledAt = orders[0].cancelled_at;
    if (cancelledAt && cancelledAt.getTime() >= detected.detectedAt.getTime())
      await this.tally(tx, Kpi.REVENUE_LEAKAGE, cancelledAt, slices, { n: 1, total: value });
  }

  /** An order's first version arrived after its first exception: its revenue at risk is counted now. */
  async orderArrived(tx: EntityManager, orderNumber: string, value: number): Promise<void> {
    const first = await this.firstException(tx, orderNumber);
    if (first)
      await this.tally(
        tx,
        Kpi.REVENUE_AT_RISK,
        first.detectedAt,
        await this.exceptionSlices(tx, first.exceptionId),
        {
          n: 1,
          total: value,
        },
      );
  }

  /** An order was cancelled: lost revenue if an exception had been detected on it. */
  async orderCancelled(
    tx: EntityManager,
    orderNumber: string,
    cancelledAt: Date,
    value: number,
  ): Promise<void> {
    const first = await this.firstException(tx, orderNumber);
    if (first)
      await this.tally(
        tx,
        Kpi.REVENUE_LEAKAGE,
        cancelledAt,
        await this.exceptionSlices(tx, first.exceptionId),
        {
          n: 1,
          total: value,
        },
      );
  }

  /** Cycle time, touchless and SLA attainment, on the day the exception settled. */
  async exceptionSettled(tx: EntityManager, settled: SettledException): Promise<void> {
    const slices = await this.exceptionSlices(tx, settled.exceptionId);
    await this.observe(
      tx,
      Kpi.CYCLE_TIME,
      settled.settledAt,
      slices,
      seconds(settled.detectedAt, settled.settledAt),
    );
    const touchless = settled.peopleActions === 0 && !isPerson(settled.settledBy);
    await this.tally(tx, Kpi.TOUCHLESS_RATE, settled.settledAt, slices, { n: 1, hits: touchless ? 1 : 0 });
    if (settled.dueAt)
      await this.tally(tx, Kpi.SLA_ATTAINMENT, settled.settledAt, slices, {
        n: 1,
        hits: settled.settledAt.getTime() <= settled.dueAt.getTime() ? 1 : 0,
      });
  }

  /** A recovery action that went ahead, sliced by its exception (or its order for a case-wide one). */
  async recoveryCost(
    tx: EntityManager,
    at: Date,
    cost: number,
    about: { exceptionId: string | null; orderNumber: string },
  ): Promise<void> {
    await this.tally(
      tx,
      Kpi.RECOVERY_COST,
      at,
      await this.slicesFor(tx, about.exceptionId, about.orderNumber),
      {
        n: 1,
        total: cost,
      },
    );
  }

  /**
   * An approval decided: its latency from the action that asked for it, and the action's cost once
   * approved. Returns the request (its exception, if it was for one), or null when the request is
   * not in the log (nothing is counted then).
   */
  async approvalDecided(
    tx: EntityManager,
    approvalId: string,
    decidedAt: Date,
    approved: boolean,
    orderNumber: string,
  ): Promise<{ exceptionId: string | null } | null> {
    const request = await this.actionTaken(tx, 'approval', approvalId);
    if (!request) return null;
    const slices = await this.slicesFor(tx, request.exceptionId, orderNumber);
    await this.observe(tx, Kpi.APPROVAL_LATENCY, decidedAt, slices, seconds(request.takenAt, decidedAt));
    if (approved && request.cost > 0)
      await this.tally(tx, Kpi.RECOVERY_COST, decidedAt, slices, { n: 1, total: request.cost });
    return { exceptionId: request.exceptionId };
  }

  /** The ERP accepted an action's command: the action's cost is spent, if it was sent at once. */
  async commandAccepted(tx: EntityManager, actionId: string, at: Date, orderNumber: string): Promise<void> {
    const taken = await this.actionTaken(tx, 'action', actionId);
    if (!taken || taken.state !== 'EXECUTING' || taken.cost <= 0) return;
    await this.tally(tx, Kpi.RECOVERY_COST, at, await this.slicesFor(tx, taken.exceptionId, orderNumber), {
      n: 1,
      total: taken.cost,
    });
  }

  /** A person took a recommended action: an override when it was not the first recommendation. */
  async personChose(
    tx: EntityManager,
    at: Date,
    rank: number,
    about: { exceptionId: string | null; orderNumber: string },
  ): Promise<void> {
    await this.tally(
      tx,
      Kpi.OVERRIDE_RATE,
      at,
      await this.slicesFor(tx, about.exceptionId, about.orderNumber),
      {
        n: 1,
        hits: rank > 1 ? 1 : 0,
      },
    );
  }

  /** A case closed (`reopened` false) or reopened: rework is reopenings per closing. */
  async caseClosedOrReopened(
    tx: EntityManager,
    orderNumber: string,
    at: Date,
    reopened: boolean,
  ): Promise<void> {
    await this.tally(
      tx,
      Kpi.REWORK_RATE,
      at,
      await this.orderSlices(tx, orderNumber),
      reopened ? { hits: 1 } : { n: 1 },
    );
  }

  /** The ERP accepted the order's release: received → released, once per order. */
  async orderReleased(tx: EntityManager, orderNumber: string, at: Date): Promise<void> {
    const [released]: [{ received_at: Date }[], number] = await tx.query(
      `UPDATE "analytics"."order_fact" SET released_at = $2
        WHERE order_number = $1 AND released_at IS NULL RETURNING received_at`,
      [orderNumber, at],
    );
    if (released.length === 0) return;
    await this.observe(
      tx,
      Kpi.RELEASE_LATENCY,
      at,
      await this.orderSlices(tx, orderNumber),
      seconds(released[0].received_at, at),
    );
  }

  /** The `action.taken` step that names the object (its approval or the action itself), if logged. */
  private async actionTaken(
    tx: EntityManager,
    objectType: 'approval' | 'action',
    objectId: string,
  ): Promise<{ takenAt: Date; cost: number; state: unknown; exceptionId: string | null } | null> {
    const rows: { taken_at: Date; cost: unknown; state: unknown; exception_id: string | null }[] =
      await tx.query(
        `SELECT e.occurred_at AS taken_at, e.attributes -> 'cost' AS cost, e.attributes ->> 'state' AS state,
              (SELECT x.object_id FROM "analytics"."ocel_event_object" x
                WHERE x.event_id = e.event_id AND x.object_type = 'exception' LIMIT 1) AS exception_id
         FROM "analytics"."ocel_event_object" o
         JOIN "analytics"."ocel_event" e ON e.event_id = o.event_id
        WHERE o.object_type = $1 AND o.object_id = $2 AND e.activity = 'action.taken'
        ORDER BY e.occurred_at LIMIT 1`,
        [objectType, objectId],
      );
    if (rows.length === 0) return null;
    const [r] = rows;
    return {
      takenAt: r.taken_at,
      cost: typeof r.cost === 'number' ? r.cost : 0,
      state: r.state,
      exceptionId: r.exception_id,
    };
  }

  /** An exception's slices, or its order's for a step about the whole case. */
  private slicesFor(tx: EntityManager, exceptionId: string | null, orderNumber: string): Promise<KpiSlice[]> {
    return exceptionId ? this.exceptionSlices(tx, exceptionId) : this.orderSlices(tx, orderNumber);
  }

  private async firstException(
    tx: EntityManager,
    orderNumber: string,
  ): Promise<{ exceptionId: string; detectedAt: Date } | null> {
    const rows: { exception_id: string; detected_at: Date }[] = await tx.query(
      `SELECT exception_id, detected_at FROM "analytics"."exception_fact"
        WHERE order_number = $1 ORDER BY detected_at, exception_id LIMIT 1`,
      [orderNumber],
    );
    return rows.length ? { exceptionId: rows[0].exception_id, detectedAt: rows[0].detected_at } : null;
  }

  /** An exception's slices: its category, team, DC and carrier, its order's customer, region and families. */
  private async exceptionSlices(tx: EntityManager, exceptionId: string): Promise<KpiSlice[]> {
    const rows: {
      category: string;
      team: string | null;
      dc: string | null;
      carrier: string | null;
      segment: string | null;
      tier: string | null;
      region: string | null;
      families: string[];
    }[] = await tx.query(
      `SELECT e.category, e.team, e.dc_code AS dc, e.carrier, c.segment, c.tier,
              c.ship_to_regions ->> o.ship_to_id AS region,
              ARRAY(SELECT DISTINCT p.family FROM "analytics"."product_dim" p
                     WHERE p.sku = ANY (CASE WHEN e.sku IS NOT NULL THEN ARRAY[e.sku] ELSE o.skus END)) AS families
         FROM "analytics"."exception_fact" e
         LEFT JOIN "analytics"."order_fact" o ON o.order_number = e.order_number
         LEFT JOIN "analytics"."customer_dim" c ON c.customer_id = o.customer_id
        WHERE e.exception_id = $1`,
      [exceptionId],
    );
    if (rows.length === 0) return [OVERALL];
    const [r] = rows;
    return slicesOf({
      [KpiDimension.CATEGORY]: [r.category],
      [KpiDimension.TEAM]: [r.team],
      [KpiDimension.DC]: [r.dc],
      [KpiDimension.CARRIER]: [r.carrier],
      [KpiDimension.SEGMENT]: [r.segment],
      [KpiDimension.TIER]: [r.tier],
      [KpiDimension.REGION]: [r.region],
      [KpiDimension.FAMILY]: r.families,
    });
  }

  /** An order's slices: its customer's segment and tier, its ship-to's region, its lines' families. */
  private async orderSlices(tx: EntityManager, orderNumber: string): Promise<KpiSlice[]> {
    const rows: { segment: string | null; tier: string | null; region: string | null; families: string[] }[] =
      await tx.query(
        `SELECT c.segment, c.tier, c.ship_to_regions ->> o.ship_to_id AS region,
                ARRAY(SELECT DISTINCT p.family FROM "analytics"."product_dim" p WHERE p.sku = ANY (o.skus)) AS families
           FROM "analytics"."order_fact" o
           LEFT JOIN "analytics"."customer_dim" c ON c.customer_id = o.customer_id
          WHERE o.order_number = $1`,
        [orderNumber],
      );
    if (rows.length === 0) return [OVERALL];
    const [r] = rows;
    return slicesOf({
      [KpiDimension.SEGMENT]: [r.segment],
      [KpiDimension.TIER]: [r.tier],
      [KpiDimension.REGION]: [r.region],
      [KpiDimension.FAMILY]: r.families,
    });
  }

  private async tally(tx: EntityManager, kpi: Kpi, at: Date, slices: KpiSlice[], add: Tally): Promise<void> {
    await tx.query(
      `INSERT INTO "analytics"."kpi_tally" AS t (kpi, dimension, day, member, n, hits, total)
       SELECT $1, s.dimension, ($2::timestamptz AT TIME ZONE $3)::date, s.member, $6, $7, $8
         FROM unnest($4::text[], $5::text[]) AS s(dimension, member)
       ON CONFLICT (kpi, dimension, day, member) DO UPDATE
         SET n = t.n + EXCLUDED.n, hits = t.hits + EXCLUDED.hits, total = t.total + EXCLUDED.total`,
      [
        kpi,
        at,
        this.settings.timeZone,
        slices.map((s) => s.dimension),
        slices.map((s) => s.member),
        add.n ?? 0,
        add.hits ?? 0,
        add.total ?? 0,
      ],
    );
  }

  private async observe(
    tx: EntityManager,
    kpi: Kpi,
    at: Date,
    slices: KpiSlice[],
    secs: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "analytics"."kpi_duration" AS d (kpi, dimension, day, member, seconds, n)
       SELECT $1, s.dimension, ($2::timestamptz AT TIME ZONE $3)::date, s.member, $6, 1
         FROM unnest($4::text[], $5::text[]) AS s(dimension, member)
       ON CONFLICT (kpi, dimension, day, member, seconds) DO UPDATE SET n = d.n + 1`,
      [kpi, at, this.settings.timeZone, slices.map((s) => s.dimension), slices.map((s) => s.member), secs],
    );
  }
}

/** Whole seconds from one instant to a later one; a later clock behind an earlier one counts 0. */
function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

/** People decide; ordex's own rules (`ordex.*`) and the ERP do not. */
export function isPerson(actor: string | null): boolean {
  return actor !== null && actor !== '' && actor !== 'erp' && !actor.startsWith('ordex.');
}
