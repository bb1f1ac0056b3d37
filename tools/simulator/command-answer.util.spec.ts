import { ErpCommandType } from '@ordex/contracts';
import { answerPolicyProblems, decideAnswer, DEFAULT_ANSWER_POLICY } from './command-answer.util';

const policy = { seed: 9, ...DEFAULT_ANSWER_POLICY };
const cmd = (commandId: string) => ({ commandId, commandType: ErpCommandType.PLACE_HOLD });

describe('command answers', () => {
  it('decides by seed and command id only', () => {
    expect(decideAnswer(cmd('a'), policy)).toEqual(decideAnswer(cmd('a'), policy));
    const answers = Array.from({ length: 50 }, (_, i) => decideAnswer(cmd(`c-${i}`), policy).delayMs);
    expect(new Set(answers).size).toBeGreaterThan(40);
  });

  it('delays log-normally around the median, capped', () => {
    const delays = Array.from({ length: 2000 }, (_, i) => decideAnswer(cmd(`d-${i}`), policy).delayMs).sort(
      (a, b) => a - b,
    );
    const median = delays[1000];
    expect(median).toBeGreaterThan(1800);
    expect(median).toBeLessThan(2200);
    expect(delays[delays.length - 1]).toBeLessThanOrEqual(60_000);
  });

  it('rejects with a reason and never both rejects and accepts', () => {
    const rejected = Array.from({ length: 2000 }, (_, i) =>
      decideAnswer(cmd(`r-${i}`), { ...policy, rejectShare: 0.5 }),
    ).filter((d) => d.outcome === 'REJECTED');
    expect(rejected.length).toBeGreaterThan(880);
    expect(rejected.every((d) => typeof d.reason === 'string' && d.reason.length > 0)).toBe(true);
  });

  it('names what is wrong with a policy', () => {
    expect(answerPolicyProblems(policy)).toEqual([]);
    expect(answerPolicyProblems({ ...policy, rejectShare: 2, delayMedianMs: -1 })).toEqual([
      'reject share must be between 0 and 1',
      'answer delay median must be ≥ 0 ms',
    ]);
  });
});
