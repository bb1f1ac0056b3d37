import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

/** How the escalation scheduler runs; each setting can be changed by its ESCALATION_* environment variable. */
export interface EscalationOptions {
  /** How often an instance looks for escalation steps that fell due. */
  pollIntervalMs: number;
  /** Steps fired per transaction. */
  batchSize: number;
}

const schema = z.object({
  ESCALATION_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(5_000),
  ESCALATION_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function escalationSettingsFrom(env: NodeJS.ProcessEnv): EscalationOptions {
  const s = loadConfig('cases', schema, env);
  return { pollIntervalMs: s.ESCALATION_POLL_INTERVAL_MS, batchSize: s.ESCALATION_BATCH_SIZE };
}

export const ESCALATION_SETTINGS = Symbol('ordex.cases.escalation-settings');
