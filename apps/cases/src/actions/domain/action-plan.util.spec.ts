import { RecommendedAction } from '../../recommendations/recommended-action.enum';
import { actionPlan, approvalRefusal, takeRefusal } from './action-plan.util';

describe('action plans', () => {
  it('sends price overrides and credit releases for approval, and nothing else', () => {
    const approvals = Object.values(RecommendedAction).filter((a) => actionPlan(a).kind === 'approval');
    expect(approvals.sort()).toEqual(['APPROVE_PRICE_OVERRIDE', 'CREDIT_RELEASE']);
  });

  it('has the connector carry out sourcing from another DC, price corrections and date moves', () => {
    expect(actionPlan(RecommendedAction.ALTERNATE_DC)).toEqual({
      kind: 'command',
      commandType: 'TRANSFER_STOCK',
    });
    expect(actionPlan(RecommendedAction.CORRECT_PRICE)).toEqual({
      kind: 'command',
      commandType: 'CORRECT_PRICE',
    });
    expect(actionPlan(RecommendedAction.REBOOK_CARRIER)).toEqual({
      kind: 'command',
      commandType: 'MOVE_SHIP_DATE',
    });
  });

  it('records what people do outside ordex, settling the exception unless the source must be fixed', () => {
    expect(actionPlan(RecommendedAction.BACKORDER)).toEqual({ kind: 'record', resolves: true });
    expect(actionPlan(RecommendedAction.FIX_MASTER_DATA)).toEqual({ kind: 'record', resolves: false });
    expect(actionPlan(RecommendedAction.NOTIFY_CUSTOMER)).toEqual({ kind: 'record', resolves: false });
  });

  it('refuses to take a recommendation on a closed case, a settled exception or one already in flight', () => {
    const base = { caseStatus: 'OPEN', exceptionStatus: 'OPEN', actionInFlight: false };
    expect(takeRefusal(base)).toBeNull();
    expect(takeRefusal({ ...base, exceptionStatus: null })).toBeNull();
    expect(takeRefusal({ ...base, caseStatus: 'CLOSED' })).toBe('the case is closed');
    expect(takeRefusal({ ...base, exceptionStatus: 'RESOLVED' })).toBe('the exception is already resolved');
    expect(takeRefusal({ ...base, actionInFlight: true })).toMatch(/another action/);
  });
});

describe('who may decide an approval', () => {
  const pending = {
    status: 'PENDING',
    requestedBy: 'fp.bob',
    decider: 'fp.carla',
    deciderRoles: ['finance-pricing'],
    deciderLevel: 1,
    requiredRole: 'finance-pricing',
    requiredLevel: 1,
  };

  it('lets another person with the role and level decide', () => {
    expect(approvalRefusal(pending)).toBeNull();
    expect(approvalRefusal({ ...pending, deciderLevel: 2 })).toBeNull();
  });

  it('never lets the requester decide, whatever their authority', () => {
    expect(approvalRefusal({ ...pending, decider: 'fp.bob', deciderLevel: 9 })?.code).toBe('FOUR_EYES');
  });

  it('refuses a decider without the role or below the level', () => {
    expect(approvalRefusal({ ...pending, deciderRoles: ['finance-credit'] })?.code).toBe(
      'INSUFFICIENT_AUTHORITY',
    );
    expect(approvalRefusal({ ...pending, requiredLevel: 2 })).toEqual({
      code: 'INSUFFICIENT_AUTHORITY',
      message: 'it needs approval level 2 (yours is 1)',
    });
    expect(approvalRefusal({ ...pending, requiredRole: null })?.code).toBe('INSUFFICIENT_AUTHORITY');
  });

  it('refuses to decide twice', () => {
    expect(approvalRefusal({ ...pending, status: 'APPROVED' })).toEqual({
      code: 'ACTION_CONFLICT',
      message: 'the approval is already approved',
    });
  });
});
