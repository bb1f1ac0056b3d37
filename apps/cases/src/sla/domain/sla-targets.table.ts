import { jdmTable, text } from '@ordex/decision';

export const SLA_TARGETS_TABLE = 'sla-targets';

/**
 * Working minutes each team has for an exception, by category and customer tier, before it
 * breaches; then the escalation ladder as shares of that target. Platinum and gold customers get
 * the tighter targets; an ERP that stopped acknowledging is urgent for everyone. Version 1,
 * seeded by a migration and changed afterwards only as data (new versions through GraphQL).
 */
const TARGET_MINUTES: Record<string, [platinum: number, gold: number, silver: number, bronze: number]> = {
  STOCK_SHORTAGE: [120, 240, 480, 960],
  SHIPMENT_CONSTRAINT: [120, 240, 480, 960],
  CREDIT_HOLD: [120, 240, 480, 960],
  PRICE_MISMATCH: [240, 480, 960, 1440],
  ROUTING_RULE: [240, 480, 960, 1440],
  MASTER_DATA: [480, 960, 1440, 2400],
  ERP_SYNC: [60, 60, 60, 60],
};
const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;

export const SLA_TARGETS_TABLE_V1 = jdmTable({
  name: 'SLA targets',
  hitPolicy: 'first',
  inputs: [
    { id: 'category', name: 'Exception category', field: 'category' },
    { id: 'tier', name: 'Customer tier', field: 'tier' },
  ],
  outputs: [
    { id: 'targetMinutes', name: 'Target (working minutes)', field: 'targetMinutes' },
    { id: 'atRiskShare', name: 'At risk after (share of target)', field: 'atRiskShare' },
    { id: 'escalateShare', name: 'Escalate to the manager after (share)', field: 'escalateShare' },
  ],
  rules: [
    ...Object.entries(TARGET_MINUTES).flatMap(([category, minutes]) =>
      TIERS.map((tier, i) => ({
        _id: `${category.toLowerCase()}-${tier.toLowerCase()}`,
        category: text(category),
        tier: text(tier),
        targetMinutes: String(minutes[i]),
        atRiskShare: '0.75',
        escalateShare: '1.5',
      })),
    ),
    // An unknown customer (no tier) is served like bronze.
    ...Object.entries(TARGET_MINUTES).map(([category, minutes]) => ({
      _id: `${category.toLowerCase()}-any`,
      category: text(category),
      tier: '',
      targetMinutes: String(minutes[3]),
      atRiskShare: '0.75',
      escalateShare: '1.5',
    })),
  ],
});
