import { z } from 'zod';
import type { RiskModelArtifact } from './risk-model';

const finite = z.number().finite();

const schema = z
  .object({
    model: z.literal('service-risk'),
    version: z.string().min(1).max(100),
    features: z.array(z.string().min(1)).min(1).max(1_000),
    means: z.array(finite),
    stds: z.array(finite.positive()),
    weights: z.array(finite),
    bias: finite,
    trainingWindow: z.object({ from: z.string().datetime(), to: z.string().datetime() }),
    rows: z.number().int().positive(),
    positiveRate: z.number().min(0).max(1),
    ranges: z.array(z.object({ min: finite, max: finite })),
    dataFingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    library: z.string().min(1),
    hyperparameters: z.object({
      epochs: z.number().int().positive(),
      batchSize: z.number().int().positive(),
      learningRate: z.number().positive(),
      l2: z.number().min(0),
    }),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    for (const name of ['means', 'stds', 'weights', 'ranges'] as const)
      if (a[name].length !== a.features.length)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `has ${a[name].length} entries for ${a.features.length} features`,
        });
    if (a.trainingWindow.from > a.trainingWindow.to)
      ctx.addIssue({ code: 'custom', path: ['trainingWindow'], message: 'from is after to' });
  });

/**
 * A service-risk model as written by `npm run train`, checked before the registry keeps it or a
 * service serves it: the shape, finite numbers, one entry per feature everywhere. Throws with
 * every problem named by its path.
 */
export function parseRiskModelArtifact(value: unknown): RiskModelArtifact {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `not a service-risk model: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data as RiskModelArtifact;
}
