import { examplesFromOutcomes, type OutcomeRecord } from './outcome-examples';

const input = {
  action: 'ALTERNATE_DC',
  category: 'STOCK_SHORTAGE',
  cost: 40,
  marginEffect: 0,
  dateEffectDays: 0,
  confidence: 0.9,
  automatable: true,
  orderValue: 2_000,
  lines: 3,
  monthEnd: false,
  recentExceptions: 1,
  exceptions: 1,
};

const record = (actionId: string, fate: string, orderLate: boolean | null, recorded: object | null = input) =>
  ({
    actionId,
    takenAt: `2026-11-0${actionId.slice(1)}T10:00:00.000Z`,
    fate,
    orderLate,
    rankingInput: recorded === null ? null : JSON.stringify(recorded),
  }) satisfies OutcomeRecord;

describe('a deployment’s outcomes as training examples', () => {
  it('succeeds when settled and on time; fails when rejected, refused, reworked or late', () => {
    const { examples, skipped } = examplesFromOutcomes([
      record('A5', 'settled', true),
      record('A1', 'settled', false),
      record('A2', 'rejected', null),
      record('A3', 'refused', null),
      record('A4', 'reworked', false),
    ]);
    expect(examples.map((e) => [e.at.toISOString().slice(0, 10), e.succeeded])).toEqual([
      ['2026-11-01', true],
      ['2026-11-02', false],
      ['2026-11-03', false],
      ['2026-11-04', false],
      ['2026-11-05', false],
    ]);
    // Null fields the event log left out come back as null.
    expect(examples[0].input).toEqual({ ...input, segment: null, tier: null });
    expect(skipped).toEqual({ pending: 0, unshipped: 0, noInput: 0, invalid: 0, firstInvalid: null });
  });

  it('waits for open fates and unshipped orders, and leaves out what cannot be read', () => {
    const { examples, skipped } = examplesFromOutcomes([
      record('A1', 'pending', null),
      record('A2', 'settled', null),
      record('A3', 'settled', false, null),
      record('A4', 'refused', null, { ...input, confidence: 7 }),
      record('A5', 'refused', null, { ...input, segment: 'SMB', tier: 'GOLD' }),
    ]);
    expect(examples).toHaveLength(1);
    expect(examples[0].input).toMatchObject({ segment: 'SMB', tier: 'GOLD' });
    expect(skipped).toEqual({
      pending: 1,
      unshipped: 1,
      noInput: 1,
      invalid: 1,
      firstInvalid: expect.stringMatching(/^A4: not an action's ranking input: confidence/),
    });
  });
});
