import { ZenEngine } from '@gorules/zen-engine';
import { AUTOMATION_POLICY_TABLE_V1, jdmTable, text } from '@ordex/decision';
import { APPROVAL_AUTHORITY_TABLE_V1 } from '../../approvals/domain/approval-authority.table';
import { SLA_TARGETS_TABLE_V1 } from '../../sla/domain/sla-targets.table';
import { ROUTING_TABLE_V1 } from './routing.table';
import { TABLE_CHECKS } from './table-checks.util';

/** Every probe of a table's check, run through zen-engine as the publishing service does. */
async function problems(key: string, content: object): Promise<string[]> {
  const engine = new ZenEngine();
  try {
    const decision = engine.createDecision(content);
    const found: string[] = [];
    for (const probe of TABLE_CHECKS[key].probes) {
      const { result } = await decision.evaluate(probe);
      const problem = TABLE_CHECKS[key].problem((result ?? {}) as Record<string, unknown>);
      if (problem) found.push(`${JSON.stringify(probe)}: ${problem}`);
    }
    return found;
  } finally {
    engine.dispose();
  }
}

describe('governance table checks', () => {
  it('pass every seeded version 1', async () => {
    expect(await problems('routing', ROUTING_TABLE_V1)).toEqual([]);
    expect(await problems('sla-targets', SLA_TARGETS_TABLE_V1)).toEqual([]);
    expect(await problems('automation-policy', AUTOMATION_POLICY_TABLE_V1)).toEqual([]);
    expect(await problems('approval-authority', APPROVAL_AUTHORITY_TABLE_V1)).toEqual([]);
  });

  it('probe every category, with and without stock elsewhere for shortages, every segment and tier', () => {
    // 6 categories × 1 + STOCK_SHORTAGE × 2, each × 4 segments (3 + unknown) × 5 tiers (4 + unknown).
    expect(TABLE_CHECKS.routing.probes).toHaveLength((6 + 2) * 4 * 5);
    expect(TABLE_CHECKS['sla-targets'].probes).toHaveLength(7 * 5);
  });

  it('refuse a routing table that leaves a category without a team, or names a team ordex does not have', async () => {
    const partial = jdmTable({
      name: 'routing',
      hitPolicy: 'first',
      inputs: [{ id: 'category', name: 'Category', field: 'category' }],
      outputs: [{ id: 'team', name: 'Team', field: 'team' }],
      rules: [
        { _id: 'price', category: text('PRICE_MISMATCH'), team: text('FINANCE_PRICING') },
        { _id: 'credit', category: text('CREDIT_HOLD'), team: text('COLLECTIONS') },
      ],
    });
    const found = await problems('routing', partial);
    expect(found.some((p) => p.includes('"category":"STOCK_SHORTAGE"') && p.includes('(got null)'))).toBe(
      true,
    );
    expect(
      found.some((p) => p.includes('"category":"CREDIT_HOLD"') && p.includes('(got "COLLECTIONS")')),
    ).toBe(true);
    expect(found.some((p) => p.includes('"category":"PRICE_MISMATCH"'))).toBe(false);
  });

  it('refuse SLA targets that are not whole positive minutes with a usable ladder', () => {
    const check = TABLE_CHECKS['sla-targets'];
    expect(check.problem({ targetMinutes: 120, atRiskShare: 0.75, escalateShare: 1.5 })).toBeNull();
    expect(check.problem({ targetMinutes: 0, atRiskShare: 0.75, escalateShare: 1.5 })).toMatch(
      /targetMinutes/,
    );
    expect(check.problem({ targetMinutes: 120, atRiskShare: 1.2, escalateShare: 1.5 })).toMatch(
      /atRiskShare/,
    );
    expect(check.problem({})).toMatch(/got \{\}/);
  });

  it('refuse an automation verdict that is not a boolean', () => {
    const check = TABLE_CHECKS['automation-policy'];
    expect(check.problem({ automatable: false, rule: 'a person decides' })).toBeNull();
    expect(check.problem({ automatable: 'yes' })).toMatch(/automatable must be true or false/);
  });

  it('let an approval table leave a request to nobody, but not name an unknown role or level', () => {
    const check = TABLE_CHECKS['approval-authority'];
    expect(check.problem({})).toBeNull();
    expect(check.problem({ role: 'finance-credit', level: 2 })).toBeNull();
    expect(check.problem({ role: 'cfo', level: 2 })).toMatch(/role must be an ordex role/);
    expect(check.problem({ role: 'finance-credit', level: 0 })).toMatch(/level must be a whole number/);
  });
});
