import { RankingSource } from '../assessment/action-ranking.object';
import { ServiceRiskSource } from '../assessment/service-risk.object';
import { EXCEPTION_CATEGORY_OWNER } from '@ordex/contracts';
import type { CaseExceptionEntity } from './case-exception.entity';
import type { CaseEntity } from './case.entity';
import type { CaseExceptionObject, CaseObject } from './case.object';
import type { PriorityFactorName } from './priority-factor.object';

export function toCaseObject(entity: CaseEntity): CaseObject {
  return {
    id: entity.id,
    orderNumber: entity.orderNumber,
    status: entity.status,
    priority: entity.priority,
    priorityFactors: entity.priorityFactors.map((f) => ({ ...f, factor: f.factor as PriorityFactorName })),
    serviceRisk: entity.serviceRisk && {
      ...entity.serviceRisk,
      source: entity.serviceRisk.source === 'model' ? ServiceRiskSource.MODEL : ServiceRiskSource.RULES,
    },
    actionRanking: entity.actionRanking && {
      source: entity.actionRanking.source === 'model' ? RankingSource.MODEL : RankingSource.RULES,
      modelVersion: entity.actionRanking.modelVersion,
      fallbackReason: entity.actionRanking.fallbackReason,
      outOfRange: entity.actionRanking.outOfRange,
    },
    noteTriage: entity.noteTriage && {
      ...entity.noteTriage,
      triagedAt: new Date(entity.noteTriage.triagedAt),
    },
    region: entity.region,
    ruleVersions: Object.entries(entity.ruleVersions)
      .map(([table, version]) => ({ table, version }))
      .sort((a, b) => (a.table < b.table ? -1 : 1)),
    openedAt: entity.openedAt,
    closedAt: entity.closedAt,
    evaluatedErpVersion: entity.erpVersion,
    reopenedCount: entity.reopenedCount,
    reworkCount: entity.reworkCount,
    customerMessage: entity.customerMessage && {
      ...entity.customerMessage,
      draftedAt: new Date(entity.customerMessage.draftedAt),
    },
  };
}

export function toCaseExceptionObject(entity: CaseExceptionEntity): CaseExceptionObject {
  return {
    id: entity.id,
    category: entity.category,
    owner: EXCEPTION_CATEGORY_OWNER[entity.category],
    lineNo: entity.lineNo,
    status: entity.status,
    detectedAt: entity.detectedAt,
    clearedAt: entity.clearedAt,
    reason: entity.reason,
    clearReason: entity.clearReason,
  };
}

/** The case as the caller may see it: another partner's case is answered as if it did not exist. */
export function visibleCase(entity: CaseEntity | null, customerScope?: readonly string[]): CaseObject | null {
  if (!entity) return null;
  if (customerScope && (entity.customerId === null || !customerScope.includes(entity.customerId)))
    return null;
  return toCaseObject(entity);
}
