import type { TriageExample } from './triage';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** The notes truly of this category. */
  support: number;
}

/** How well a triage's answers match the labels. */
export interface TriageEvaluation {
  examples: number;
  /** The share answered with the right category (a null answer is never right). */
  accuracy: number;
  /** The share left null (below the threshold). */
  abstained: number;
  /** The unweighted mean of the per-category F1. */
  macroF1: number;
  perClass: Record<string, ClassScores>;
}

/**
 * Scores answers against labels, per category: precision over the notes answered with it, recall
 * over the notes truly of it, F1 their harmonic mean (0 when both are 0). A null answer costs
 * recall and never precision: it sends the note to a person, not to the wrong team.
 */
export function evaluateTriage(
  examples: readonly TriageExample[],
  answers: readonly (string | null)[],
  categories: readonly string[],
): TriageEvaluation {
  if (answers.length !== examples.length)
    throw new Error(`${answers.length} answers for ${examples.length} examples`);
  const perClass: Record<string, ClassScores> = {};
  for (const category of categories) {
    let truePositives = 0;
    let predicted = 0;
    let support = 0;
    examples.forEach((e, i) => {
      if (answers[i] === category) predicted++;
      if (e.category === category) support++;
      if (answers[i] === category && e.category === category) truePositives++;
    });
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[category] = { precision, recall, f1, support };
  }
  const n = Math.max(1, examples.length);
  return {
    examples: examples.length,
    accuracy: examples.filter((e, i) => answers[i] === e.category).length / n,
    abstained: answers.filter((a) => a === null).length / n,
    macroF1: categories.reduce((sum, c) => sum + perClass[c].f1, 0) / Math.max(1, categories.length),
    perClass,
  };
}
