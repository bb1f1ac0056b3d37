import { ZenEngine } from '@gorules/zen-engine';
import { ExceptionCategory } from '@ordex/contracts';
import { AUTOMATION_POLICY_TABLE_V1, type ActionInput } from '@ordex/decision';
import { keyedRandom, type SimRandom } from '../simulator/sim-random.util';
import type { RiskHistoryRow } from './risk-history';

/**
 * One recommendation on a simulated case: what ordex proposed and its rank under the rules, and
 * the world's side of it — how likely it really succeeds (taken without being refused or
 * reworked, and on time) and the draw that decides whether it does. Learning never sees `truth`
 * or `draw`; it sees the outcomes of the actions people and policy took.
 */
export interface SimulatedCandidate {
  /** `orderNumber/category/n`: the exception it answers. */
  exception: string;
  rulesRank: number;
  input: ActionInput;
  truth: number;
  /** Uniform in [0, 1): the action succeeds when the draw is under its truth. */
  draw: number;
}

export interface SimulatedCase {
  orderNumber: string;
  at: Date;
  exceptions: string[];
  /** Ranked by the rules, 1 first (the ranks run over the whole case, exceptions in order). */
  candidates: SimulatedCandidate[];
  /** The action taken on each exception at the time, under the rules' ranking, and how it went. */
  taken: { candidate: number; byPerson: boolean; succeeded: boolean }[];
}

/** The recommender's prior confidence per action (the cases service's recommendActions values). */
const RULES_CONFIDENCE: Record<string, number> = {
  ALTERNATE_DC: 0.9,
  ALTERNATE_DC_LATE: 0.75,
  SPLIT_SHIPMENT: 0.8,
  BACKORDER: 0.7,
  SUBSTITUTE: 0.6,
  EXPEDITE: 0.5,
  CORRECT_PRICE: 0.9,
  APPROVE_PRICE_OVERRIDE: 0.6,
  CREDIT_RELEASE: 0.7,
  REQUIRE_PREPAYMENT: 0.6,
  REBOOK_CARRIER: 0.85,
  ESCALATE: 0.5,
  FIX_MASTER_DATA: 0.9,
  RESYNC_ERP: 0.8,
};

/** Share of the cases people handle where they take the first recommendation; the rest pick another. */
const PEOPLE_FOLLOW_FIRST = 0.6;

type Figures = Pick<ActionInput, 'action' | 'cost' | 'marginEffect' | 'dateEffectDays' | 'confidence'>;

/**
 * The decision step of the simulated history: for every order of the ERP simulator's history
 * that fell out, the case ordex opens, the actions its recommender proposes for each planted
 * exception (the repertoire of the cases service's recommender per category, with cost, date and
 * margin figures drawn for the situation), their rules ranking (days late, then net cost, then
 * confidence, as the recommender ranks), the automation policy v1's verdict on each (the
 * decision table itself, evaluated by zen-engine), and what happened: policy took the first
 * recommendation when it could, people otherwise (the first one {@link PEOPLE_FOLLOW_FIRST} of
 * the time, another one else).
 *
 * What really makes an action work is the world's, hidden from the model (see {@link worldChance}):
 * customers who refuse substitutes, warehouses that fail transfers at month end, carriers full at
 * month end, patience that runs out after many exceptions.
 */
export async function simulatedCases(
  rows: readonly RiskHistoryRow[],
  seed: number,
): Promise<SimulatedCase[]> {
  const engine = new ZenEngine();
  const policy = engine.createDecision(AUTOMATION_POLICY_TABLE_V1);
  try {
    const cases: SimulatedCase[] = [];
    for (const row of rows) {
      if (row.input.categories.length === 0) continue;
      const rnd = keyedRandom(seed, `decisions|${row.orderNumber}`);
      const exceptions = row.input.categories.map((category, n) => `${row.orderNumber}/${category}/${n}`);
      const candidates: SimulatedCandidate[] = [];
      for (const [n, category] of row.input.categories.entries()) {
        const proposals = proposalsFor(category, rnd).sort(byRulesPreference);
        for (const figures of proposals) {
          const verdict = (await policy.evaluate({
            action: figures.action,
            cost: figures.cost,
            dateEffectDays: figures.dateEffectDays,
            marginEffect: figures.marginEffect,
            tier: row.input.tier,
            segment: row.input.segment,
          })) as { result: { automatable?: unknown } };
          const input: ActionInput = {
            ...figures,
            category,
            automatable: verdict.result.automatable === true,
            orderValue: row.input.orderValue,
            lines: row.input.lines,
            segment: row.input.segment,
            tier: row.input.tier,
            monthEnd: row.input.monthEnd,
            recentExceptions: row.input.recentExceptions,
            exceptions: row.input.categories.length,
          };
          candidates.push({
            exception: exceptions[n],
            rulesRank: candidates.length + 1,
            input,
            truth: worldChance(input),
            draw: rnd.next(),
          });
        }
      }
      cases.push({
        orderNumber: row.orderNumber,
        at: row.input.orderedAt,
        exceptions,
        candidates,
        taken: exceptions.map((exception) => takenAtTheTime(candidates, exception, rnd)),
      });
    }
    return cases;
  } finally {
    engine.dispose();
  }
}

/** What was done on an exception under the rules' ranking, and whether it worked. */
function takenAtTheTime(
  candidates: readonly SimulatedCandidate[],
  exception: string,
  rnd: SimRandom,
): SimulatedCase['taken'][number] {
  const own = candidates.flatMap((c, i) => (c.exception === exception ? [i] : []));
  const first = own[0];
  const byPolicy = candidates[first].input.automatable;
  const pick =
    byPolicy || own.length === 1 || rnd.chance(PEOPLE_FOLLOW_FIRST)
      ? first
      : own[1 + rnd.int(0, own.length - 2)];
  const chosen = candidates[pick];
  return { candidate: pick, byPerson: !byPolicy, succeeded: chosen.draw < chosen.truth };
}

/**
 * The world's chance that an action succeeds, by what really drives it. The model sees the same
 * inputs, never this function: it has to find these effects in the outcomes.
 */
export function worldChance(input: ActionInput): number {
  const keyAccount = input.segment === 'KEY_ACCOUNT' ? 1 : 0;
  const premium = input.tier === 'PLATINUM' || input.tier === 'GOLD' ? 1 : 0;
  const monthEnd = input.monthEnd ? 1 : 0;
  const recent = Math.log1p(input.recentExceptions);
  const late = input.dateEffectDays;
  const dearer = (reference: number) => Math.max(0, Math.log(Math.max(1, input.cost) / reference));
  let z: number;
  switch (input.action) {
    case 'ALTERNATE_DC': // the other DC's stock record is wrong more often on big pulls, and at month end
      z = 1.8 - 1.4 * monthEnd - 0.7 * dearer(60) - 0.8 * (late > 0 ? 1 : 0);
      break;
    case 'SUBSTITUTE': // key accounts buy to specification; premium customers insist on what they ordered
      z = 0.7 - 2.2 * keyAccount - 0.8 * premium - 0.4 * recent;
      break;
    case 'BACKORDER':
      z = 1.0 - 0.1 * late - 0.7 * premium - 0.3 * recent;
      break;
    case 'SPLIT_SHIPMENT':
      z = 1.2 - 0.06 * late - 0.5 * keyAccount;
      break;
    case 'EXPEDITE':
      z = 0.5 + 0.3 * premium;
      break;
    case 'REBOOK_CARRIER': // carriers are full at month end
      z = 2.0 - 1.8 * monthEnd - 0.4 * dearer(40);
      break;
    case 'CREDIT_RELEASE':
      z = 0.9 - 1.2 * monthEnd;
      break;
    case 'REQUIRE_PREPAYMENT':
      z = -0.2 - 1.0 * keyAccount;
      break;
    case 'CORRECT_PRICE':
      z = 1.5;
      break;
    case 'APPROVE_PRICE_OVERRIDE':
      z = 0.3;
      break;
    case 'FIX_MASTER_DATA':
      z = 1.6;
      break;
    case 'RESYNC_ERP':
      z = 1.4 - 0.2 * recent;
      break;
    default:
      z = 0;
  }
  return 1 / (1 + Math.exp(-z));
}

/** The recommender's repertoire for an exception of the category, with figures for this situation. */
function proposalsFor(category: string, rnd: SimRandom): Figures[] {
  const money = (min: number, max: number) => Math.round(rnd.uniform(min, max) * 100) / 100;
  const action = (name: string, figures: Partial<Figures> = {}): Figures => ({
    action: name,
    cost: 0,
    marginEffect: 0,
    dateEffectDays: 0,
    confidence: RULES_CONFIDENCE[name],
    ...figures,
  });
  const proposals: Figures[] = [];
  switch (category) {
    case ExceptionCategory.STOCK_SHORTAGE: {
      if (rnd.chance(0.65)) {
        const onTime = rnd.chance(0.8);
        proposals.push(
          action('ALTERNATE_DC', {
            cost: money(15, 220),
            dateEffectDays: onTime ? 0 : rnd.int(1, 3),
            confidence: onTime ? RULES_CONFIDENCE.ALTERNATE_DC : RULES_CONFIDENCE.ALTERNATE_DC_LATE,
          }),
        );
      }
      const fillDays = rnd.int(2, 20);
      if (rnd.chance(0.5))
        proposals.push(action('SPLIT_SHIPMENT', { cost: money(20, 80), dateEffectDays: fillDays }));
      if (rnd.chance(0.85)) proposals.push(action('BACKORDER', { dateEffectDays: fillDays }));
      if (rnd.chance(0.45)) proposals.push(action('SUBSTITUTE', { marginEffect: money(-30, 60) }));
      if (rnd.chance(0.3)) proposals.push(action('EXPEDITE', { cost: 150, dateEffectDays: rnd.int(1, 4) }));
      if (proposals.length === 0) proposals.push(action('ESCALATE'));
      break;
    }
    case ExceptionCategory.SHIPMENT_CONSTRAINT:
    case ExceptionCategory.ROUTING_RULE: {
      proposals.push(action('ESCALATE'));
      if (rnd.chance(category === ExceptionCategory.ROUTING_RULE ? 0.5 : 0.8))
        proposals.push(
          action('REBOOK_CARRIER', {
            cost: money(0, 160),
            dateEffectDays: rnd.chance(0.6) ? 0 : rnd.int(1, 3),
          }),
        );
      if (category === ExceptionCategory.SHIPMENT_CONSTRAINT && rnd.chance(0.5))
        proposals.push(action('EXPEDITE', { cost: money(80, 400) }));
      break;
    }
    case ExceptionCategory.PRICE_MISMATCH: {
      const gap = money(5, 400);
      const under = rnd.chance(0.75);
      proposals.push(action('CORRECT_PRICE', { marginEffect: under ? gap : -gap }));
      proposals.push(action('APPROVE_PRICE_OVERRIDE'));
      proposals.push(action('ESCALATE'));
      break;
    }
    case ExceptionCategory.CREDIT_HOLD:
      proposals.push(action('CREDIT_RELEASE', { cost: money(5, 120) }));
      proposals.push(action('REQUIRE_PREPAYMENT', { dateEffectDays: 3 }));
      proposals.push(action('ESCALATE'));
      break;
    case ExceptionCategory.MASTER_DATA:
      proposals.push(action('FIX_MASTER_DATA'));
      break;
    case ExceptionCategory.ERP_SYNC:
      proposals.push(action('RESYNC_ERP'));
      break;
    default:
      proposals.push(action('ESCALATE'));
  }
  return proposals;
}

/** The recommender's rules ranking: days late, then net cost, then confidence, then the action's name. */
function byRulesPreference(a: Figures, b: Figures): number {
  const net = (f: Figures) => Math.round(f.cost * 100) - Math.round(f.marginEffect * 100);
  return (
    a.dateEffectDays - b.dateEffectDays ||
    net(a) - net(b) ||
    b.confidence - a.confidence ||
    (a.action < b.action ? -1 : a.action > b.action ? 1 : 0)
  );
}
