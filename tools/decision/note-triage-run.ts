import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { evaluateTriage, loadShippedTriage, TRIAGE_CATEGORIES, type TriageEvaluation } from '@ordex/decision';
import { erpEventStream } from '../simulator/erp-stream';

/** The simulator's notes on the first `orders` orders: each one's text and what it speaks of (null: nothing). */
export function simulatedNotes(options: { seed: number; orders: number; start: string }): {
  text: string;
  category: string | null;
}[] {
  const notes: { text: string; category: string | null }[] = [];
  let seen = 0;
  for (const { label } of erpEventStream({
    seed: options.seed,
    demo: buildDemoDistributor(DEMO_SIZES.small, 42),
    start: options.start,
  })) {
    if (!label) continue;
    if (label.note) notes.push({ text: label.note, category: label.noteCategory });
    if (++seen >= options.orders) break;
  }
  return notes;
}

export interface NoteTriageEvaluation {
  /** On the notes about a category: how often the shipped model names it. */
  categorised: TriageEvaluation;
  /** Neutral notes (about nothing the taxonomy knows): how many, and the share left without a category. */
  neutral: { notes: number; leftAlone: number };
}

/**
 * The shipped triage model on the simulator's notes — phrasings written apart from its training
 * corpus, so a measure of how it reads notes it has never seen the like of. A note about a
 * category should get that category; a neutral note should get none (and go to no team).
 */
export async function evaluateNoteTriage(
  notes: readonly { text: string; category: string | null }[],
): Promise<NoteTriageEvaluation> {
  const triage = loadShippedTriage();
  const about = notes.filter((n): n is { text: string; category: string } => n.category !== null);
  const neutral = notes.filter((n) => n.category === null);
  const answers = await Promise.all(about.map(async (n) => (await triage.classify(n.text)).category));
  const neutralAnswers = await Promise.all(
    neutral.map(async (n) => (await triage.classify(n.text)).category),
  );
  return {
    categorised: evaluateTriage(
      about.map((n) => ({ text: n.text, category: n.category })),
      answers,
      TRIAGE_CATEGORIES,
    ),
    neutral: {
      notes: neutral.length,
      leftAlone: neutral.length ? neutralAnswers.filter((a) => a === null).length / neutral.length : 0,
    },
  };
}

/** The evaluation as a table. */
export function noteTriageTable(e: NoteTriageEvaluation): string {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const { categorised: c } = e;
  return [
    `notes about a category: ${c.examples.toLocaleString('en')}; accuracy ${percent(c.accuracy)}, macro-F1 ${c.macroF1.toFixed(3)}, left to people ${percent(c.abstained)}`,
    `${'category'.padEnd(22)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'notes'.padStart(6)}`,
    ...Object.entries(c.perClass).map(
      ([category, s]) =>
        `${category.padEnd(22)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(6)}`,
    ),
    `neutral notes: ${e.neutral.notes.toLocaleString('en')}; left without a category ${percent(e.neutral.leftAlone)}`,
  ].join('\n');
}
