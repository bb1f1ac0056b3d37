import { jdmTable } from '@ordex/decision';

/**
 * Version 1 of the `approval-authority` decision table (GoRules JDM), seeded by a migration and
 * then changed only as data: who must approve a credit release or a price override, by amount,
 * margin and customer tier. First matching rule wins. DOMAIN.md's policy: a credit analyst
 * (finance-credit, level 1) releases up to 25,000 over the limit (10,000 for bronze customers), a
 * finance manager (level 2) above that; a price override below the margin floor, or over 50,000,
 * needs a pricing manager (finance-pricing, level 2).
 */
const rule = (
  id: string,
  action: string,
  amount: string,
  belowFloor: string,
  tier: string,
  role: string,
  level: number,
) => ({
  _id: id,
  action: `"${action}"`,
  amount,
  belowFloor,
  tier,
  role: `"${role}"`,
  level: String(level),
});

export const APPROVAL_AUTHORITY_TABLE_V1 = jdmTable({
  name: 'approval authority',
  // The node id version 1 was first stored with: the seeded document stays the same.
  nodeId: 'authority',
  hitPolicy: 'first',
  inputs: [
    { id: 'action', name: 'Action', field: 'action' },
    { id: 'amount', name: 'Amount', field: 'amount' },
    { id: 'belowFloor', name: 'Below margin floor', field: 'belowMarginFloor' },
    { id: 'tier', name: 'Customer tier', field: 'tier' },
  ],
  outputs: [
    { id: 'role', name: 'Approver role', field: 'role' },
    { id: 'level', name: 'Approval level', field: 'level' },
  ],
  rules: [
    rule('credit-bronze-large', 'CREDIT_RELEASE', '> 10000', '', '"BRONZE"', 'finance-credit', 2),
    rule('credit-large', 'CREDIT_RELEASE', '> 25000', '', '', 'finance-credit', 2),
    rule('credit', 'CREDIT_RELEASE', '', '', '', 'finance-credit', 1),
    rule('price-below-floor', 'PRICE_OVERRIDE', '', 'true', '', 'finance-pricing', 2),
    rule('price-large', 'PRICE_OVERRIDE', '> 50000', '', '', 'finance-pricing', 2),
    rule('price', 'PRICE_OVERRIDE', '', '', '', 'finance-pricing', 1),
  ],
});
