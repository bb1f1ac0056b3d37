import { SeededRandom, shuffled } from '@ordex/demo-data';
import { riskFeatures, type RiskExample } from '@ordex/decision';
import type { RiskHistoryRow } from './risk-history';

/** The rows as training examples, in a seeded random order (mini-batches then mix the whole period). */
export function shuffledExamples(rows: readonly RiskHistoryRow[], seed: number): RiskExample[] {
  return shuffled(
    new SeededRandom(seed),
    rows.map((r) => ({ features: riskFeatures(r.input), orderedAt: r.input.orderedAt, late: r.late })),
  );
}

/** A line on stderr: progress stays out of the results on stdout. */
export const progress = (line: string) => process.stderr.write(`${line}\n`);
