import { ZenEngine } from '@gorules/zen-engine';
import { ExceptionCategory } from '@ordex/contracts';
import { EXCEPTION_CATEGORY_OWNER } from '@ordex/contracts';
import { SLA_TARGETS_TABLE_V1 } from '../../sla/domain/sla-targets.table';
import { AUTOMATION_POLICY_TABLE_V1 } from '@ordex/decision';
import { ROUTING_TABLE_V1 } from './routing.table';

/** The seeded version 1 of each governance table, evaluated on zen-engine as the service does. */
describe('governance tables v1', () => {
  const engine = new ZenEngine();
  afterAll(() => engine.dispose());
  const decide = async (content: object, input: object) =>
    (await engine.createDecision(content).evaluate(input)).result as Record<string, unknown>;

  it('routes every category to its taxonomy owner, and a shortage with nothing to move to procurement', async () => {
    for (const category of Object.values(ExceptionCategory)) {
      const { team } = await decide(ROUTING_TABLE_V1, {
        category,
        stockElsewhere: true,
        segment: 'REGIONAL',
      });
      expect(team).toBe(EXCEPTION_CATEGORY_OWNER[category]);
    }
    expect(
      await decide(ROUTING_TABLE_V1, { category: 'STOCK_SHORTAGE', stockElsewhere: false, segment: 'SMB' }),
    ).toEqual({ team: 'PROCUREMENT' });
    expect(
      await decide(ROUTING_TABLE_V1, { category: 'PRICE_MISMATCH', stockElsewhere: null, segment: null }),
    ).toEqual({ team: 'FINANCE_PRICING' });
  });

  it('sets tighter SLA targets for better tiers, bronze targets for an unknown customer', async () => {
    const target = async (category: string, tier: string | null) =>
      (await decide(SLA_TARGETS_TABLE_V1, { category, tier })).targetMinutes;
    expect(await target('STOCK_SHORTAGE', 'PLATINUM')).toBe(120);
    expect(await target('STOCK_SHORTAGE', 'GOLD')).toBe(240);
    expect(await target('PRICE_MISMATCH', 'SILVER')).toBe(960);
    expect(await target('MASTER_DATA', 'BRONZE')).toBe(2400);
    expect(await target('ERP_SYNC', 'GOLD')).toBe(60);
    expect(await target('CREDIT_HOLD', null)).toBe(960);
    expect(await decide(SLA_TARGETS_TABLE_V1, { category: 'ROUTING_RULE', tier: 'GOLD' })).toEqual({
      targetMinutes: 480,
      atRiskShare: 0.75,
      escalateShare: 1.5,
    });
    for (const category of Object.values(ExceptionCategory)) {
      expect(await target(category, 'PLATINUM')).toBeGreaterThan(0);
    }
  });

  it('lets only cheap, on-time actions that leave the price alone run without a person', async () => {
    const policy = (input: Record<string, unknown>) =>
      decide(AUTOMATION_POLICY_TABLE_V1, {
        cost: 0,
        dateEffectDays: 0,
        marginEffect: 0,
        tier: 'GOLD',
        ...input,
      });
    expect(await policy({ action: 'ALTERNATE_DC', cost: 150 })).toEqual({
      automatable: true,
      rule: 'alternate DC on time for at most 150',
    });
    expect((await policy({ action: 'ALTERNATE_DC', cost: 150.01 })).automatable).toBe(false);
    expect((await policy({ action: 'ALTERNATE_DC', cost: 20, dateEffectDays: 1 })).automatable).toBe(false);
    // A price off contract always goes to finance, whichever way it is off.
    expect((await policy({ action: 'CORRECT_PRICE', marginEffect: 45 })).automatable).toBe(false);
    expect((await policy({ action: 'CORRECT_PRICE', marginEffect: -45 })).automatable).toBe(false);
    expect((await policy({ action: 'REBOOK_CARRIER', cost: 100 })).automatable).toBe(true);
    expect((await policy({ action: 'REBOOK_CARRIER', cost: 0, dateEffectDays: 1 })).automatable).toBe(false);
    expect((await policy({ action: 'RESYNC_ERP' })).automatable).toBe(true);
    for (const action of ['APPROVE_PRICE_OVERRIDE', 'CREDIT_RELEASE', 'SPLIT_SHIPMENT', 'NOTIFY_CUSTOMER']) {
      expect(await policy({ action })).toEqual({ automatable: false, rule: 'a person decides' });
    }
  });
});
