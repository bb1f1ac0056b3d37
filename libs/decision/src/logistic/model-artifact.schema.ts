import { z } from 'zod';
import { MODEL_NAMES, type LogisticModelArtifact, type ModelName } from './logistic-model';
import type { RiskModelArtifact } from '../risk/risk-model';

const finite = z.number().finite();

const schema = z
  .object({
    model: z.enum(MODEL_NAMES),
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
 * A learned model as written by `npm run train`, checked before the registry keeps it or a
 * service serves it: the shape, finite numbers, one entry per feature everywhere, and — when
 * `expected` is given — that it is that model. Throws with every problem named by its path.
 */
export function parseModelArtifact<M extends ModelName>(
  value: unknown,
  expected?: M,
): LogisticModelArtifact<M> {
  const parsed = schema.safeParse(value);
  const what = expected ? `a ${expected} model` : 'a model ordex knows';
  if (!parsed.success)
    throw new Error(
      `not ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  if (expected && parsed.data.model !== expected)
    throw new Error(`not ${what}: model is ${parsed.data.model}`);
  return parsed.data as unknown as LogisticModelArtifact<M>;
}

/** {@link parseModelArtifact} for the service-risk model. */
export function parseRiskModelArtifact(value: unknown): RiskModelArtifact {
  return parseModelArtifact(value, 'service-risk');
}
