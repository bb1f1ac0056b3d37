import type { RiskInput } from './risk-input';

/**
 * The deterministic service-risk rules: a table of how often each exception category makes an
 * order miss its promised date, and how much a tight promise adds. They decide when no learned
 * model may (unavailable, too slow, unsure, outside its training range) and are the baseline a
 * model must beat. Versioned like every decision table: a change is a new version.
 */
export const RISK_RULES = {
  version: 'service-risk-rules-1',
  /** An order with no exception. */
  base: 0.02,
  byCategory: {
    STOCK_SHORTAGE: 0.6,
    SHIPMENT_CONSTRAINT: 0.7,
    CREDIT_HOLD: 0.5,
    ROUTING_RULE: 0.5,
    PRICE_MISMATCH: 0.3,
    MASTER_DATA: 0.3,
    ERP_SYNC: 0.1,
  } as Readonly<Record<string, number>>,
  /** Added chance of missing (of what is left) when the promise is at most a working day away. */
  tightPromise: 0.2,
} as const;

/** The rules' probability that the order misses its promised date: independent causes combined. */
export function rulesRisk(input: RiskInput, slackWorkingDays: number): number {
  let onTime = 1 - RISK_RULES.base;
  for (const category of new Set(input.categories)) onTime *= 1 - (RISK_RULES.byCategory[category] ?? 0);
  if (input.categories.length > 0 && slackWorkingDays <= 1) onTime *= 1 - RISK_RULES.tightPromise;
  return 1 - onTime;
}
