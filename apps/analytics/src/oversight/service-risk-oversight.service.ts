import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  biasReport,
  brierScore,
  calibrationBins,
  DEFAULT_BIAS_OPTIONS,
  rocAuc,
  type BiasFlag,
  type CalibrationBin,
  type SegmentPerformance,
} from '@ordex/decision';
import type { DataSource } from 'typeorm';
import { KPI_SETTINGS, type KpiSettings } from '../kpis/kpi.settings';
import { mean, orNull } from './oversight-stats.util';

/** Below this ROC AUC a risk decision ranks orders little better than chance: an alert. */
export const MIN_AUC = 0.7;
/** Fewer judged orders than this and no figure is trusted enough to alert on. */
export const MIN_ORDERS_FOR_ALERTS = 50;

export interface SourcePerformance {
  source: string;
  modelVersion: string | null;
  orders: number;
  lateRate: number;
  auc: number | null;
  brier: number;
}

export interface OversightAlert {
  kind: 'discrimination' | 'calibration' | 'bias' | 'drift';
  subject: string;
  message: string;
}

export interface ServiceRiskOversight {
  orders: number;
  lateRate: number;
  auc: number | null;
  brier: number | null;
  /** The share decided by the rules (no model, or one that could not decide). */
  fallbackShare: number;
  bySource: SourcePerformance[];
  calibration: CalibrationBin[];
  groups: SegmentPerformance[];
  biasFlags: BiasFlag[];
  alerts: OversightAlert[];
}

/**
 * How ordex's service-risk decisions turned out: every order that shipped in [from, to) with the
 * decision made when its case was first assessed, late when it shipped (in the distributor's zone)
 * after the date the customer last asked for. Discrimination (ROC AUC) and accuracy (Brier score)
 * overall and per decider (each model version, the rules), calibration by bins, performance per
 * customer segment and tier with the bias report, and alerts where a threshold is crossed.
 */
@Injectable()
export class ServiceRiskOversightService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KPI_SETTINGS) private readonly settings: KpiSettings,
  ) {}

  async report(from?: Date, to?: Date): Promise<ServiceRiskOversight> {
    const rows: {
      probability: number;
      source: string | null;
      model_version: string | null;
      segment: string | null;
      tier: string | null;
      late: boolean;
    }[] = await this.db.query(
      `SELECT o.risk_probability AS probability, o.risk_source AS source, o.risk_model_version AS model_version,
              c.segment, c.tier, (o.shipped_at AT TIME ZONE $3)::date > o.requested_date AS late
         FROM "analytics"."order_fact" o
         LEFT JOIN "analytics"."customer_dim" c ON c.customer_id = o.customer_id
        WHERE o.risk_probability IS NOT NULL AND o.shipped_at IS NOT NULL AND o.requested_date IS NOT NULL
          AND ($1::timestamptz IS NULL OR o.shipped_at >= $1) AND ($2::timestamptz IS NULL OR o.shipped_at < $2)
        ORDER BY o.shipped_at, o.order_number`,
      [from ?? null, to ?? null, this.settings.timeZone],
    );
    const p = rows.map((r) => r.probability);
    const y = rows.map((r) => (r.late ? 1 : 0));
    if (rows.length === 0)
      return {
        orders: 0,
        lateRate: 0,
        auc: null,
        brier: null,
        fallbackShare: 0,
        bySource: [],
        calibration: [],
        groups: [],
        biasFlags: [],
        alerts: [],
      };
    const bySource = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.source ?? 'unknown'}\u0000${r.model_version ?? ''}`;
      const group = bySource.get(key) ?? [];
      group.push(r);
      bySource.set(key, group);
    }
    const sources = [...bySource.entries()]
      .map(([key, group]): SourcePerformance => {
        const [source, modelVersion] = key.split('\u0000');
        const labels = group.map((r) => (r.late ? 1 : 0));
        return {
          source,
          modelVersion: modelVersion || null,
          orders: group.length,
          lateRate: mean(labels),
          auc: orNull(
            rocAuc(
              group.map((r) => r.probability),
              labels,
            ),
          ),
          brier: brierScore(
            group.map((r) => r.probability),
            labels,
          ),
        };
      })
      .sort((a, b) => b.orders - a.orders || a.source.localeCompare(b.source));
    const segmentRows = rows.flatMap((r) => {
      const label = (r.late ? 1 : 0) as 0 | 1;
      return [
        ...(r.segment ? [{ group: `segment ${r.segment}`, probability: r.probability, label }] : []),
        ...(r.tier ? [{ group: `tier ${r.tier}`, probability: r.probability, label }] : []),
      ];
    });
    const bias = segmentRows.length ? biasReport(segmentRows) : null;
    const auc = orNull(rocAuc(p, y));
    const brier = brierScore(p, y);
    const alerts: OversightAlert[] = [];
    if (rows.length >= MIN_ORDERS_FOR_ALERTS) {
      for (const s of sources)
        if (s.orders >= MIN_ORDERS_FOR_ALERTS && s.auc !== null && s.auc < MIN_AUC)
          alerts.push({
            kind: 'discrimination',
            subject: s.modelVersion ?? s.source,
            message: `${s.modelVersion ?? s.source} ranks late orders barely above chance: AUC ${s.auc.toFixed(3)} < ${MIN_AUC} over ${s.orders} orders`,
          });
      const gap = mean(p) - mean(y);
      if (Math.abs(gap) > DEFAULT_BIAS_OPTIONS.maxCalibrationGap)
        alerts.push({
          kind: 'calibration',
          subject: 'all',
          message: `predicted ${(100 * mean(p)).toFixed(1)}% late, ${(100 * mean(y)).toFixed(1)}% were: off by ${(100 * gap).toFixed(1)} points`,
        });
    }
    for (const flag of bias?.flagged ?? [])
      alerts.push({ kind: 'bias', subject: flag.group, message: flag.message });
    return {
      orders: rows.length,
      lateRate: mean(y),
      auc,
      brier,
      fallbackShare: rows.filter((r) => r.source !== 'model').length / rows.length,
      bySource: sources,
      calibration: calibrationBins(p, y),
      groups: bias?.groups ?? [],
      biasFlags: bias?.flagged ?? [],
      alerts,
    };
  }
}
