/**
 * The measures of the operation ordex keeps, what each counts and how a point is read. Every KPI is
 * one of three kinds, all additive so days roll up into weeks and months and slices are read
 * without recomputing anything:
 * - a rate: `hits` out of `n` (touchless, SLA met, recurring, reopened);
 * - a sum: `total` over `n` contributions (costs and values);
 * - a duration: the exact distribution of seconds, from which p50 and p90 are read.
 */
export enum Kpi {
  CYCLE_TIME = 'CYCLE_TIME',
  TOUCHLESS_RATE = 'TOUCHLESS_RATE',
  SLA_ATTAINMENT = 'SLA_ATTAINMENT',
  RECURRENCE_RATE = 'RECURRENCE_RATE',
  RELEASE_LATENCY = 'RELEASE_LATENCY',
  APPROVAL_LATENCY = 'APPROVAL_LATENCY',
  REWORK_RATE = 'REWORK_RATE',
  RECOVERY_COST = 'RECOVERY_COST',
  REVENUE_AT_RISK = 'REVENUE_AT_RISK',
  REVENUE_LEAKAGE = 'REVENUE_LEAKAGE',
  OVERRIDE_RATE = 'OVERRIDE_RATE',
}

export type KpiKind = 'rate' | 'sum' | 'duration';

/** The slices a KPI is kept by; ALL is the whole operation. */
export enum KpiDimension {
  ALL = 'ALL',
  CATEGORY = 'CATEGORY',
  TEAM = 'TEAM',
  SEGMENT = 'SEGMENT',
  TIER = 'TIER',
  REGION = 'REGION',
  FAMILY = 'FAMILY',
  DC = 'DC',
  CARRIER = 'CARRIER',
}

export enum TimeGrain {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export interface KpiDefinition {
  kind: KpiKind;
  unit: 'ratio' | 'seconds' | 'currency';
  /** What one contribution is and which day it belongs to. */
  description: string;
}

export const KPI_CATALOG: Readonly<Record<Kpi, KpiDefinition>> = {
  [Kpi.CYCLE_TIME]: {
    kind: 'duration',
    unit: 'seconds',
    description:
      'Exception detected → settled (resolved by a decision or cleared by itself), on the day it settled.',
  },
  [Kpi.TOUCHLESS_RATE]: {
    kind: 'rate',
    unit: 'ratio',
    description:
      'Settled exceptions no person acted on or decided, out of all settled, on the day they settled.',
  },
  [Kpi.SLA_ATTAINMENT]: {
    kind: 'rate',
    unit: 'ratio',
    description:
      'Settled exceptions settled by their task’s due time, out of those with one, on the day they settled.',
  },
  [Kpi.RECURRENCE_RATE]: {
    kind: 'rate',
    unit: 'ratio',
    description:
      'Detected exceptions whose category hit the same customer or the same SKU on another order within the recurrence window before, out of all detected, on the day detected.',
  },
  [Kpi.RELEASE_LATENCY]: {
    kind: 'duration',
    unit: 'seconds',
    description: 'Order received → the ERP accepted its release to the warehouse, on the day released.',
  },
  [Kpi.APPROVAL_LATENCY]: {
    kind: 'duration',
    unit: 'seconds',
    description: 'Approval requested → decided, on the day decided.',
  },
  [Kpi.REWORK_RATE]: {
    kind: 'rate',
    unit: 'ratio',
    description: 'Cases reopened after closing, per case closed, each on its own day.',
  },
  [Kpi.RECOVERY_COST]: {
    kind: 'sum',
    unit: 'currency',
    description:
      'Cost of the recovery actions that went ahead (expedites, credits, transfers…): on the day taken, or the day approved.',
  },
  [Kpi.REVENUE_AT_RISK]: {
    kind: 'sum',
    unit: 'currency',
    description:
      'Value of the orders that fell out of the standard path, once per order, on the day of its first exception.',
  },
  [Kpi.OVERRIDE_RATE]: {
    kind: 'rate',
    unit: 'ratio',
    description:
      "Actions a person took that were not ordex's first recommendation, out of all a person took from the recommendations, on the day taken.",
  },
  [Kpi.REVENUE_LEAKAGE]: {
    kind: 'sum',
    unit: 'currency',
    description: 'Value of the orders cancelled after an exception, once per order, on the day cancelled.',
  },
};

/** A slice one contribution counts in: the dimension's name as stored, and its member. */
export interface KpiSlice {
  dimension: KpiDimension;
  member: string;
}

/** The whole operation's slice, in every contribution. */
export const OVERALL: KpiSlice = { dimension: KpiDimension.ALL, member: '' };

/**
 * The slices of one contribution: the whole operation, then one per dimension member known
 * (members left unknown are not guessed: a slice's points then add up to less than the whole),
 * without repeats, in a fixed order so concurrent writers lock rows in the same order.
 */
export function slicesOf(
  members: Partial<Record<KpiDimension, readonly (string | null | undefined)[]>>,
): KpiSlice[] {
  const slices = new Map<string, KpiSlice>([[key(OVERALL), OVERALL]]);
  for (const [dimension, values] of Object.entries(members) as [
    KpiDimension,
    (string | null | undefined)[],
  ][]) {
    if (dimension === KpiDimension.ALL) continue;
    for (const member of values)
      if (typeof member === 'string' && member !== '')
        slices.set(key({ dimension, member }), { dimension, member });
  }
  return [...slices.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const key = (slice: KpiSlice) => `${slice.dimension}\u0000${slice.member}`;
