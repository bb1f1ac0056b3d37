import { ExceptionCategory } from '@ordex/contracts';
import { z } from 'zod';

/**
 * One recommended action on one case, as ordex proposed it, with what was known about the case
 * when it did: the action's own figures, the automation policy's verdict on it, the order and its
 * customer. The action-outcome model learns from these which actions succeed — are taken without
 * being refused or reworked and ship on the date they promise.
 */
export interface ActionInput {
  /** The recommended action (ALTERNATE_DC, SUBSTITUTE, REBOOK_CARRIER, …). */
  action: string;
  /** The category of the exception it answers; null for an action on the whole case. */
  category: string | null;
  cost: number;
  marginEffect: number;
  dateEffectDays: number;
  /** The rules' confidence in the action (0..1): the prior the model corrects. */
  confidence: number;
  /** The automation policy lets ordex take it without a person. */
  automatable: boolean;
  orderValue: number;
  lines: number;
  segment: string | null;
  tier: string | null;
  /** Proposed on one of the last three working days of its month. */
  monthEnd: boolean;
  /** The customer's exceptions on other orders in the 30 days before. */
  recentExceptions: number;
  /** The case's open exceptions. */
  exceptions: number;
}

/** The actions ordex recommends, by name (the cases service's RecommendedAction values). */
export const RECOMMENDED_ACTIONS: readonly string[] = [
  'ALTERNATE_DC',
  'SPLIT_SHIPMENT',
  'SUBSTITUTE',
  'BACKORDER',
  'CORRECT_PRICE',
  'APPROVE_PRICE_OVERRIDE',
  'CREDIT_RELEASE',
  'REQUIRE_PREPAYMENT',
  'REBOOK_CARRIER',
  'EXPEDITE',
  'NOTIFY_CUSTOMER',
  'FIX_MASTER_DATA',
  'RESYNC_ERP',
  'ESCALATE',
];

const SEGMENTS = ['KEY_ACCOUNT', 'REGIONAL', 'SMB'] as const;
const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
const PREMIUM_TIERS: ReadonlySet<string> = new Set(['PLATINUM', 'GOLD']);
const CATEGORIES = Object.values(ExceptionCategory) as string[];
/** Days late beyond which a later date changes nothing more a model should learn. */
const MAX_DATE_EFFECT = 30;

/**
 * The action-outcome model's features, by name, in the order {@link actionFeatures} writes them:
 * the action and what it answers, its figures, the case and customer, and — because the same
 * action fares differently with a demanding customer, at month end or with a customer already
 * hit by exceptions — the action crossed with each of those.
 */
export const ACTION_FEATURES: readonly string[] = [
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}`),
  ...CATEGORIES.map((c) => `category_${c}`),
  'log_cost',
  'margin_share',
  'date_effect_days',
  'moves_date',
  'rules_confidence',
  'automatable',
  'log_order_value',
  'lines',
  'month_end',
  ...SEGMENTS.map((s) => `segment_${s}`),
  ...TIERS.map((t) => `tier_${t}`),
  'log_recent_exceptions',
  'case_exceptions',
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}_x_key_account`),
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}_x_premium_tier`),
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}_x_month_end`),
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}_x_log_cost`),
  ...RECOMMENDED_ACTIONS.map((a) => `action_${a}_x_log_recent_exceptions`),
];

/** Whether the model knows the action at all (an action it has no feature for is not its to rank). */
export function isKnownAction(action: string): boolean {
  return RECOMMENDED_ACTIONS.includes(action);
}

/** Where each block of features starts in {@link ACTION_FEATURES}. */
const AT = {
  category: RECOMMENDED_ACTIONS.length,
  figures: RECOMMENDED_ACTIONS.length + CATEGORIES.length,
  crosses: ACTION_FEATURES.length - 5 * RECOMMENDED_ACTIONS.length,
};

/**
 * A recommended action's features, in {@link ACTION_FEATURES} order. Written in place rather than
 * built from lists: it runs for every action of every case decision.
 */
export function actionFeatures(input: ActionInput): Float32Array {
  const out = new Float32Array(ACTION_FEATURES.length);
  const logCost = Math.log1p(Math.max(0, input.cost));
  const logRecent = Math.log1p(Math.max(0, input.recentExceptions));
  const days = Math.min(MAX_DATE_EFFECT, Math.max(0, input.dateEffectDays));
  const monthEnd = input.monthEnd ? 1 : 0;
  const action = RECOMMENDED_ACTIONS.indexOf(input.action);
  const category = input.category === null ? -1 : CATEGORIES.indexOf(input.category);
  if (action >= 0) out[action] = 1;
  if (category >= 0) out[AT.category + category] = 1;
  let i = AT.figures;
  out[i++] = logCost;
  out[i++] = Math.max(-1, Math.min(1, input.marginEffect / Math.max(1, input.orderValue)));
  out[i++] = days;
  out[i++] = days > 0 ? 1 : 0;
  out[i++] = Math.max(0, Math.min(1, input.confidence));
  out[i++] = input.automatable ? 1 : 0;
  out[i++] = Math.log1p(Math.max(0, input.orderValue));
  out[i++] = input.lines;
  out[i++] = monthEnd;
  for (const segment of SEGMENTS) out[i++] = input.segment === segment ? 1 : 0;
  for (const tier of TIERS) out[i++] = input.tier === tier ? 1 : 0;
  out[i++] = logRecent;
  out[i++] = input.exceptions;
  if (action >= 0) {
    const crosses = [
      input.segment === 'KEY_ACCOUNT' ? 1 : 0,
      input.tier !== null && PREMIUM_TIERS.has(input.tier) ? 1 : 0,
      monthEnd,
      logCost,
      logRecent,
    ];
    crosses.forEach(
      (value, block) => (out[AT.crosses + block * RECOMMENDED_ACTIONS.length + action] = value),
    );
  }
  return out;
}

const finite = z.number().finite();

const actionInputSchema = z.object({
  action: z.string().min(1),
  category: z.string().min(1).nullable().default(null),
  cost: finite,
  marginEffect: finite,
  dateEffectDays: finite,
  confidence: finite.min(0).max(1),
  automatable: z.boolean(),
  orderValue: finite,
  lines: finite.int().min(0),
  segment: z.string().nullable().default(null),
  tier: z.string().nullable().default(null),
  monthEnd: z.boolean(),
  recentExceptions: finite.min(0),
  exceptions: finite.int().min(0),
});

/**
 * An action's inputs as the cases service recorded them when it ranked the action (a
 * recommendation's `rankingInput`, carried to analytics with the action taken), checked: the
 * examples a deployment's own history trains the action-outcome model on. The nullable fields may
 * be absent (the event log leaves nulls out). Throws naming every problem.
 */
export function parseActionInput(value: unknown): ActionInput {
  const parsed = actionInputSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `not an action's ranking input: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
