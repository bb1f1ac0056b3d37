import { CommandOutcome, ErpCommandType, ExecutionCommandType } from '@ordex/contracts';
import { keyedRandom } from './sim-random.util';

/** How the simulated ERP answers commands. */
export interface AnswerPolicy {
  seed: number;
  /** Share of commands the ERP refuses (with a reason). */
  rejectShare: number;
  /** Share of commands whose acknowledgement never arrives (ordex must notice). */
  loseShare: number;
  /** Median delay before the answer (log-normal). */
  delayMedianMs: number;
  /** Standard deviation of the delay's logarithm (0.5: most answers within 0.4–2.7 × the median). */
  delaySigma: number;
  /** Delays are capped here. */
  maxDelayMs: number;
}

export const DEFAULT_ANSWER_POLICY: Omit<AnswerPolicy, 'seed'> = {
  rejectShare: 0.05,
  loseShare: 0.02,
  delayMedianMs: 2_000,
  delaySigma: 0.5,
  maxDelayMs: 60_000,
};

export interface AnswerDecision {
  /** No acknowledgement is ever sent. */
  lost: boolean;
  outcome: CommandOutcome;
  reason: string | null;
  delayMs: number;
}

const REJECT_REASONS: Record<ErpCommandType | ExecutionCommandType, string[]> = {
  PLACE_HOLD: [
    'order already released to the warehouse',
    'order locked by another user in the ERP',
    'hold type not allowed for this order type',
  ],
  RELEASE_HOLD: [
    'order locked by another user in the ERP',
    'hold was placed by another process',
    'credit block still active in the ERP',
  ],
  TRANSFER_STOCK: [
    'stock at the source DC is reserved for another order',
    'no transfer lane between the DCs today',
    'warehouse management system locked the SKU for a stock count',
  ],
  CORRECT_PRICE: ['order locked by another user in the ERP', 'price field locked by a pricing agreement'],
  MOVE_SHIP_DATE: ['order locked by another user in the ERP', 'delivery already planned in the TMS'],
  RELEASE_ORDER: [
    'order locked by another user in the ERP',
    'credit block still active in the ERP',
    'order incomplete in the ERP',
  ],
};

/**
 * The simulated ERP's answer to a command: a function of the seed and the command id only, so a
 * command delivered twice, or again after a restart, gets the same answer.
 */
export function decideAnswer(
  command: { commandId: string; commandType: ErpCommandType | ExecutionCommandType },
  policy: AnswerPolicy,
): AnswerDecision {
  const rnd = keyedRandom(policy.seed, command.commandId);
  const lost = rnd.chance(policy.loseShare);
  const rejected = rnd.chance(policy.rejectShare);
  const reason = rnd.pick(REJECT_REASONS[command.commandType] ?? REJECT_REASONS.PLACE_HOLD);
  const delayMs = Math.min(
    policy.maxDelayMs,
    Math.round(rnd.logNormal(policy.delayMedianMs, policy.delaySigma)),
  );
  return {
    lost,
    outcome: rejected ? CommandOutcome.REJECTED : CommandOutcome.ACCEPTED,
    reason: rejected ? reason : null,
    delayMs: Math.max(0, delayMs),
  };
}

/** Checks a policy a user configured; returns the problems found. */
export function answerPolicyProblems(policy: AnswerPolicy): string[] {
  const problems: string[] = [];
  if (!(policy.rejectShare >= 0 && policy.rejectShare <= 1))
    problems.push('reject share must be between 0 and 1');
  if (!(policy.loseShare >= 0 && policy.loseShare <= 1)) problems.push('lose share must be between 0 and 1');
  if (!(policy.delayMedianMs >= 0)) problems.push('answer delay median must be ≥ 0 ms');
  if (!(policy.delaySigma >= 0)) problems.push('answer delay sigma must be ≥ 0');
  if (!(policy.maxDelayMs >= 0)) problems.push('answer delay cap must be ≥ 0 ms');
  return problems;
}
