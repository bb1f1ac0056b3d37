import { actionSucceeded, parseActionInput, type ActionExample } from '@ordex/decision';
import { graphRequest, type GraphTarget } from './graph-request';

/** One action taken, as `actionOutcomes` answers it: its fate, the order's lateness, what it was ranked on. */
export interface OutcomeRecord {
  actionId: string;
  takenAt: string;
  fate: string;
  orderLate: boolean | null;
  /** JSON of the action-outcome model's inputs; null when the cases service did not record them. */
  rankingInput: string | null;
}

/** Why an action taken is not (yet) a training example, and how many. */
export interface SkippedOutcomes {
  /** Its approval, command or settlement is still open. */
  pending: number;
  /** Settled, but the order has not shipped: whether it was on time is not known yet. */
  unshipped: number;
  /** Taken before ordex recorded what it ranked actions on. */
  noInput: number;
  /** The recorded input does not read as an action's input (the first reason kept). */
  invalid: number;
  firstInvalid: string | null;
}

/**
 * A deployment's own outcomes as training examples, labelled by {@link actionSucceeded}: actions
 * whose fate is still open, and settled ones whose order has not shipped, wait for a later run.
 */
export function examplesFromOutcomes(records: readonly OutcomeRecord[]): {
  examples: ActionExample[];
  skipped: SkippedOutcomes;
} {
  const skipped: SkippedOutcomes = { pending: 0, unshipped: 0, noInput: 0, invalid: 0, firstInvalid: null };
  const examples: ActionExample[] = [];
  for (const record of records) {
    const succeeded = actionSucceeded(record.fate, record.orderLate);
    if (succeeded === null) {
      if (record.fate === 'settled') skipped.unshipped++;
      else skipped.pending++;
      continue;
    }
    if (record.rankingInput === null) {
      skipped.noInput++;
      continue;
    }
    try {
      const input = parseActionInput(JSON.parse(record.rankingInput));
      examples.push({ input, at: new Date(record.takenAt), succeeded });
    } catch (error) {
      skipped.invalid++;
      skipped.firstInvalid ??= `${record.actionId}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { examples: examples.sort((a, b) => a.at.getTime() - b.at.getTime()), skipped };
}

/** Actions per request: as many as the gateway's query-cost limit lets one request ask for. */
const PAGE = 250;

/**
 * Every action taken in [from, to) through the graph, oldest first: pages of 250 from the last
 * one's time (an action seen twice at a page boundary counts once). `onPage` hears the count so far.
 */
export async function fetchOutcomes(
  target: GraphTarget,
  window: { from?: string; to?: string },
  onPage: (count: number) => void = () => undefined,
): Promise<OutcomeRecord[]> {
  const seen = new Map<string, OutcomeRecord>();
  let from = window.from ?? null;
  for (;;) {
    const { actionOutcomes: page } = await graphRequest<{ actionOutcomes: OutcomeRecord[] }>(
      target,
      `query($first: Int!, $from: String, $to: String) {
        actionOutcomes(first: $first, from: $from, to: $to) { actionId takenAt fate orderLate rankingInput }
      }`,
      { first: PAGE, from, to: window.to ?? null },
    );
    const before = seen.size;
    for (const record of page) seen.set(record.actionId, record);
    onPage(seen.size);
    if (page.length < PAGE) break;
    const last = page[page.length - 1].takenAt;
    if (seen.size === before || last === from)
      throw new Error(
        `more than ${PAGE} actions were taken at ${last}: narrow the window with --from and --to`,
      );
    from = last;
  }
  return [...seen.values()];
}
