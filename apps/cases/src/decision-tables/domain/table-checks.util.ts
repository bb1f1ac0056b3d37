import { CustomerSegment, CustomerTier, ExceptionCategory, Team } from '@ordex/contracts';
import { isRole } from '@ordex/platform';
import { ApprovalAction } from '../../approvals/domain/approval-authority.util';
import { RecommendedAction } from '../../recommendations/recommended-action.enum';
import { slaTargetFrom } from '../../sla/domain/escalation-ladder.util';

/**
 * What a new version of a governance table must answer before ordex stores it: for each table
 * it knows, a set of probe inputs covering every category, tier, segment and action it decides
 * on, and a check of each answer. A version that leaves an exception without a team or a task
 * without an SLA, or answers with something ordex cannot act on, is refused with the probe
 * that failed, so a policy edit can never stall cases.
 */
export interface TableCheck {
  /** Inputs the table must answer. */
  probes: Record<string, unknown>[];
  /** Why an answer is unusable; null when it is fine. */
  problem(result: Record<string, unknown>): string | null;
}

const TIERS: (string | null)[] = [...Object.values(CustomerTier), null];
const SEGMENTS: (string | null)[] = [...Object.values(CustomerSegment), null];
const TEAMS = new Set<string>(Object.values(Team));

const routing: TableCheck = {
  probes: Object.values(ExceptionCategory).flatMap((category) =>
    (category === ExceptionCategory.STOCK_SHORTAGE ? [true, false] : [null]).flatMap((stockElsewhere) =>
      SEGMENTS.flatMap((segment) => TIERS.map((tier) => ({ category, stockElsewhere, segment, tier }))),
    ),
  ),
  problem: (result) =>
    typeof result.team === 'string' && TEAMS.has(result.team)
      ? null
      : `team must be one of ${[...TEAMS].join(', ')} (got ${JSON.stringify(result.team ?? null)})`,
};

const slaTargets: TableCheck = {
  probes: Object.values(ExceptionCategory).flatMap((category) => TIERS.map((tier) => ({ category, tier }))),
  problem: (result) =>
    slaTargetFrom(result)
      ? null
      : 'needs targetMinutes (a whole number above 0), atRiskShare (between 0 and 1) and escalateShare (above 1)' +
        ` (got ${JSON.stringify(result)})`,
};

const automationPolicy: TableCheck = {
  probes: Object.values(RecommendedAction).flatMap((action) =>
    [0, 100, 1_000].flatMap((cost) =>
      [0, 2].flatMap((dateEffectDays) =>
        [-100, 0, 100].flatMap((marginEffect) =>
          TIERS.map((tier) => ({ action, cost, dateEffectDays, marginEffect, tier, segment: null })),
        ),
      ),
    ),
  ),
  problem: (result) =>
    typeof result.automatable === 'boolean'
      ? null
      : `automatable must be true or false (got ${JSON.stringify(result.automatable ?? null)})`,
};

const approvalAuthority: TableCheck = {
  probes: Object.values(ApprovalAction).flatMap((action) =>
    [0, 10_000, 30_000, 60_000].flatMap((amount) =>
      [false, true].flatMap((belowMarginFloor) =>
        TIERS.filter((tier) => tier !== null).map((tier) => ({ action, amount, belowMarginFloor, tier })),
      ),
    ),
  ),
  // No rule matching means nobody may approve: allowed, it is a policy choice.
  problem: (result) => {
    if (Object.keys(result).length === 0) return null;
    const { role, level } = result;
    if (!isRole(role)) return `role must be an ordex role (got ${JSON.stringify(role ?? null)})`;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1)
      return `level must be a whole number from 1 (got ${JSON.stringify(level ?? null)})`;
    return null;
  },
};

/** The governance tables ordex decides with, and what each must answer. */
export const TABLE_CHECKS: Readonly<Record<string, TableCheck>> = {
  routing,
  'sla-targets': slaTargets,
  'automation-policy': automationPolicy,
  'approval-authority': approvalAuthority,
};

/** The most problems reported for one version: enough to fix it, short enough to read. */
export const MAX_REPORTED_PROBLEMS = 5;
