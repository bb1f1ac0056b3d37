import { Injectable } from '@nestjs/common';
import {
  ACTION_FEATURES,
  actionFeatures,
  actionSucceeded,
  brierScore,
  calibrationBins,
  driftAlerts,
  featureDrift,
  parseActionInput,
  rocAuc,
  type ActionInput,
  type CalibrationBin,
  type FeatureDrift,
} from '@ordex/decision';
import { ActionOutcomesService, type ActionOutcome } from '../outcomes/action-outcomes.service';
import { mean, orNull } from './oversight-stats.util';
import { MIN_ORDERS_FOR_ALERTS, type OversightAlert } from './service-risk-oversight.service';

/** Below this ROC AUC the ranking's success probabilities sort actions little better than chance. */
export const MIN_ACTION_AUC = 0.6;
/** The most actions one report reads (a window holding more is judged on its first ones). */
const MAX_ACTIONS = 100_000;
/** The drifting features a report lists. */
const TOP_DRIFT = 10;

/** One model version's (or the recommender's confidence's) figures on the actions it predicted. */
export interface ActionPredictorPerformance {
  modelVersion: string;
  actions: number;
  successRate: number;
  auc: number | null;
  brier: number;
  /** The recommender's own confidence on the same actions: the baseline the model must beat. */
  baselineAuc: number | null;
  baselineBrier: number;
}

export interface ActionRankingOversight {
  /** Actions taken in the window whose fate is known and that the model ranked. */
  actions: number;
  successRate: number;
  byModel: ActionPredictorPerformance[];
  calibration: CalibrationBin[];
  /** Every feature's drift from the window before (of the same length) to this one, worst first. */
  drift: FeatureDrift[];
  alerts: OversightAlert[];
}

/**
 * How the learned ranking's predictions turned out: every action taken in [from, to) that the
 * model ranked and whose fate is known — succeeded when it settled its exception and the order
 * shipped on time; failed when rejected, refused, reworked or late — judged per model version
 * against the recommender's own confidence (ROC AUC, Brier score), calibration by bins, and the
 * drift of the actions' features from the window before. Alerts: a model ranking barely above
 * chance, a model less accurate than the confidence it replaces, a feature drifted over PSI 0.25.
 */
@Injectable()
export class ActionRankingOversightService {
  constructor(private readonly outcomes: ActionOutcomesService) {}

  async report(from: Date, to: Date): Promise<ActionRankingOversight> {
    const current = readable(await this.outcomes.list(MAX_ACTIONS, from, to));
    const byVersion = new Map<string, { p: number; confidence: number; label: number }[]>();
    for (const { outcome, input } of current) {
      const succeeded = actionSucceeded(outcome.fate, outcome.orderLate);
      if (succeeded === null || outcome.successProbability === null) continue;
      const model = outcome.rankingModel ?? 'unknown';
      const rows = byVersion.get(model) ?? [];
      rows.push({ p: outcome.successProbability, confidence: input.confidence, label: succeeded ? 1 : 0 });
      byVersion.set(model, rows);
    }
    const judged = [...byVersion.values()].flat();
    const byModel = [...byVersion.entries()]
      .map(([modelVersion, rows]): ActionPredictorPerformance => {
        const labels = rows.map((r) => r.label);
        const p = rows.map((r) => r.p);
        const confidence = rows.map((r) => r.confidence);
        return {
          modelVersion,
          actions: rows.length,
          successRate: mean(labels),
          auc: orNull(rocAuc(p, labels)),
          brier: brierScore(p, labels),
          baselineAuc: orNull(rocAuc(confidence, labels)),
          baselineBrier: brierScore(confidence, labels),
        };
      })
      .sort((a, b) => b.actions - a.actions || a.modelVersion.localeCompare(b.modelVersion));

    const before = readable(
      await this.outcomes.list(MAX_ACTIONS, new Date(2 * from.getTime() - to.getTime()), from),
    );
    const reference = before.map(({ input }) => actionFeatures(input));
    const now = current.map(({ input }) => actionFeatures(input));
    const drift = reference.length && now.length ? featureDrift(reference, now, ACTION_FEATURES) : null;

    const alerts: OversightAlert[] = [];
    for (const m of byModel) {
      if (m.actions < MIN_ORDERS_FOR_ALERTS) continue;
      if (m.auc !== null && m.auc < MIN_ACTION_AUC)
        alerts.push({
          kind: 'discrimination',
          subject: m.modelVersion,
          message: `${m.modelVersion} sorts actions that work barely above chance: AUC ${m.auc.toFixed(3)} < ${MIN_ACTION_AUC} over ${m.actions} actions`,
        });
      if (m.brier > m.baselineBrier)
        alerts.push({
          kind: 'calibration',
          subject: m.modelVersion,
          message: `${m.modelVersion} is less accurate than the recommender's confidence it replaces: Brier ${m.brier.toFixed(4)} > ${m.baselineBrier.toFixed(4)} over ${m.actions} actions`,
        });
    }
    for (const alert of drift ? driftAlerts(drift) : [])
      alerts.push({ kind: 'drift', subject: alert.feature, message: alert.message });
    const labels = judged.map((j) => j.label);
    return {
      actions: judged.length,
      successRate: mean(labels),
      byModel,
      calibration: judged.length
        ? calibrationBins(
            judged.map((j) => j.p),
            labels,
          )
        : [],
      drift: (drift?.features ?? []).slice(0, TOP_DRIFT),
      alerts,
    };
  }
}

/** The actions with a readable ranking input, each input parsed once. */
function readable(outcomes: readonly ActionOutcome[]): { outcome: ActionOutcome; input: ActionInput }[] {
  return outcomes.flatMap((outcome) => {
    if (!outcome.rankingInput) return [];
    try {
      return [{ outcome, input: parseActionInput(outcome.rankingInput) }];
    } catch {
      return [];
    }
  });
}
