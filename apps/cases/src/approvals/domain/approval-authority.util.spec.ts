import { ZenEngine } from '@gorules/zen-engine';
import type { Identity } from '@ordex/platform';
import { APPROVAL_AUTHORITY_TABLE_V1 } from './approval-authority.table';
import { ApprovalAction, hasAuthority, requirementFrom } from './approval-authority.util';

/** The seeded table, evaluated by the same engine the service uses. */
describe('approval authority (decision table v1)', () => {
  const engine = new ZenEngine();
  const decision = engine.createDecision(APPROVAL_AUTHORITY_TABLE_V1);
  const required = async (action: ApprovalAction, amount: number, tier = 'GOLD', belowMarginFloor = false) =>
    requirementFrom((await decision.evaluate({ action, amount, tier, belowMarginFloor })).result);

  afterAll(() => engine.dispose());

  it.each([
    [25_000, 'GOLD', 1],
    [25_000.01, 'GOLD', 2],
    [10_000, 'BRONZE', 1],
    [10_000.01, 'BRONZE', 2],
    [24_000, 'PLATINUM', 1],
  ])('credit release of %d for a %s customer needs finance-credit level %d', async (amount, tier, level) => {
    expect(await required(ApprovalAction.CREDIT_RELEASE, amount, tier)).toEqual({
      role: 'finance-credit',
      level,
    });
  });

  it.each([
    [1_000, false, 1],
    [1_000, true, 2],
    [50_000, false, 1],
    [50_000.5, false, 2],
  ])(
    'a price override of %d (below floor: %s) needs finance-pricing level %d',
    async (amount, below, level) => {
      expect(await required(ApprovalAction.PRICE_OVERRIDE, amount, 'SILVER', below)).toEqual({
        role: 'finance-pricing',
        level,
      });
    },
  );

  it('gives no requirement for an action the table does not know', async () => {
    expect(await required('WRITE_OFF' as ApprovalAction, 1)).toBeUndefined();
  });

  it('grants authority for the role at the level or above, never across roles', () => {
    const analyst: Identity = { subject: 'a', roles: ['finance-credit'] };
    const manager: Identity = { subject: 'm', roles: ['finance-credit'], approvalLevel: 2 };
    const pricingManager: Identity = { subject: 'p', roles: ['finance-pricing'], approvalLevel: 2 };
    const large = { role: 'finance-credit' as const, level: 2 };
    expect(hasAuthority(analyst, { role: 'finance-credit', level: 1 })).toBe(true);
    expect(hasAuthority(analyst, large)).toBe(false);
    expect(hasAuthority(manager, large)).toBe(true);
    expect(hasAuthority(pricingManager, large)).toBe(false);
    expect(hasAuthority(manager, undefined)).toBe(false);
  });
});
