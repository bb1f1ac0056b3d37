import { SeededRandom } from '@ordex/demo-data';
import { riskFeatures, type RiskExample } from '@ordex/decision';
import type { RiskHistoryRow } from './risk-history';

/** The rows as training examples, in a seeded random order (mini-batches then mix the whole period). */
export function shuffledExamples(rows: readonly RiskHistoryRow[], seed: number): RiskExample[] {
  const examples = rows.map((r) => ({
    features: riskFeatures(r.input),
    orderedAt: r.input.orderedAt,
    late: r.late,
  }));
  const rnd = new SeededRandom(seed);
  for (let i = examples.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [examples[i], examples[j]] = [examples[j], examples[i]];
  }
  return examples;
}

/** A line on stderr: progress stays out of the results on stdout. */
export const progress = (line: string) => process.stderr.write(`${line}\n`);
