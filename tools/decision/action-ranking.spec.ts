import { actionExamples, caseHistory, evaluateActions, replayRanking, trainActionsOn } from './action-run';
import { simulatedCases, worldChance } from './action-history';
import { simulatedRiskHistory, splitByTime } from './risk-history';

/** The action-outcome model and the learned ranking on the simulator's history, against the rules. */
describe('learned ranking on simulated cases', () => {
  const rows = simulatedRiskHistory({ seed: 5, orders: 6_000, start: '2026-09-01' });
  const split = splitByTime(rows, 0.7);

  it('opens a case for every order that fell out, with the automation policy v1 verdict on each action', async () => {
    const cases = await simulatedCases(split.train, 5);
    expect(cases.length).toBe(split.train.filter((r) => r.input.categories.length > 0).length);
    const all = cases.flatMap((c) => c.candidates);
    const automatable = all.filter((c) => c.input.automatable);
    expect(automatable.length).toBeGreaterThan(0);
    for (const c of automatable) {
      expect(['ALTERNATE_DC', 'REBOOK_CARRIER', 'RESYNC_ERP']).toContain(c.input.action);
      expect(c.input.dateEffectDays).toBe(0);
      if (c.input.action === 'ALTERNATE_DC') expect(c.input.cost).toBeLessThanOrEqual(150);
      if (c.input.action === 'REBOOK_CARRIER') expect(c.input.cost).toBeLessThanOrEqual(100);
    }
    expect(all.filter((c) => c.input.action === 'SUBSTITUTE' && c.input.automatable)).toEqual([]);
    for (const kase of cases) {
      expect(kase.taken).toHaveLength(kase.exceptions.length);
      expect(kase.candidates.map((c) => c.rulesRank)).toEqual(kase.candidates.map((_, i) => i + 1));
      kase.taken.forEach((t, i) => expect(kase.candidates[t.candidate].exception).toBe(kase.exceptions[i]));
    }
    // An order's case and draws are its own: the same whatever else is simulated with it.
    const some = await simulatedCases(split.train.slice(0, 300), 5);
    expect(some.length).toBeGreaterThan(10);
    expect(some).toEqual(cases.slice(0, some.length));
  });

  it("hides the world's effects in the outcomes: substitutes fail key accounts, transfers fail at month end", () => {
    const input = {
      action: 'SUBSTITUTE',
      category: 'STOCK_SHORTAGE',
      cost: 0,
      marginEffect: 10,
      dateEffectDays: 0,
      confidence: 0.6,
      automatable: false,
      orderValue: 1_000,
      lines: 2,
      segment: 'SMB',
      tier: 'SILVER',
      monthEnd: false,
      recentExceptions: 0,
      exceptions: 1,
    };
    expect(worldChance({ ...input, segment: 'KEY_ACCOUNT' })).toBeLessThan(worldChance(input) - 0.3);
    const transfer = { ...input, action: 'ALTERNATE_DC', cost: 50, automatable: true };
    expect(worldChance({ ...transfer, monthEnd: true })).toBeLessThan(worldChance(transfer) - 0.2);
  });

  it('learns from the actions taken and, on later cases, ranks so that more are touchless, with no violation', async () => {
    const quiet = () => undefined;
    const cases = await caseHistory(split, 5, quiet);
    expect(actionExamples(cases.train, 5)).toHaveLength(cases.train.reduce((n, c) => n + c.taken.length, 0));
    const artifact = await trainActionsOn(
      cases.train,
      {
        orders: 6_000,
        seed: 5,
        start: '2026-09-01',
        trainShare: 0.7,
        epochs: 30,
      },
      quiet,
    );
    const result = await evaluateActions(artifact, cases.heldOut);
    expect(result.cases).toBe(cases.heldOut.length);
    expect(result.model.auc).toBeGreaterThan(result.rules.auc);
    expect(result.model.brier).toBeLessThan(result.rules.brier);
    const { rules, learned } = result.rankings;
    expect(learned.touchlessRate).toBeGreaterThan(rules.touchlessRate);
    expect(learned.firstTimeRight).toBeGreaterThan(rules.firstTimeRight);
    expect(rules.violations).toBe(0);
    expect(learned.violations).toBe(0);
    expect(result.rankings.value.violations).toBe(0);
  }, 120_000);

  it('replays a ranking: touchless only when every exception’s first action is the policy’s and works', async () => {
    const [kase] = (await simulatedCases(split.heldOut, 5)).filter(
      (c) =>
        c.exceptions.length === 1 && c.candidates.some((x) => x.input.automatable) && c.candidates.length > 1,
    );
    const auto = kase.candidates.findIndex((c) => c.input.automatable);
    const manual = kase.candidates.findIndex((c) => !c.input.automatable);
    const first = (i: number) => kase.candidates.map((_, j) => (j === i ? 1 : 2 + j));
    const byPolicy = replayRanking([kase], [first(auto)]);
    const works = kase.candidates[auto].draw < kase.candidates[auto].truth;
    expect(byPolicy).toMatchObject({
      automatedActions: 1,
      automatedFailures: works ? 0 : 1,
      touchlessCases: works ? 1 : 0,
      violations: 0,
    });
    expect(replayRanking([kase], [first(manual)])).toMatchObject({ automatedActions: 0, touchlessCases: 0 });
  });
});
