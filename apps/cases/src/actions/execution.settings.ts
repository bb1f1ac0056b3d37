import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

/** How commands reach the connector; each setting can be changed by its EXECUTION_* environment variable. */
export interface ExecutionOptions {
  /** How often an instance looks for commands due to be sent. */
  pollIntervalMs: number;
  /** Commands sent per pass. */
  batchSize: number;
  /** Wait for an answer this long before the first resend; doubling after each resend (capped). */
  resendAfterMs: number;
  resendMaxMs: number;
  /** Sends in all (the first and the resends); then ordex waits, and ERP_SYNC tells people. */
  maxAttempts: number;
  /** Publishing retries within one send when the bus refuses (a NATS hiccup). */
  publishRetries: number;
  /** Consecutive failed sends that open the circuit; it tries one send again after `halfOpenAfterMs`. */
  breakerThreshold: number;
  halfOpenAfterMs: number;
}

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  EXECUTION_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
  EXECUTION_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
  EXECUTION_RESEND_AFTER_MS: ms(60_000),
  EXECUTION_RESEND_MAX_MS: ms(15 * 60_000),
  EXECUTION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  EXECUTION_PUBLISH_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  EXECUTION_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
  EXECUTION_HALF_OPEN_AFTER_MS: ms(30_000),
});

export function executionSettingsFrom(env: NodeJS.ProcessEnv): ExecutionOptions {
  const s = loadConfig('cases', schema, env);
  return {
    pollIntervalMs: s.EXECUTION_POLL_INTERVAL_MS,
    batchSize: s.EXECUTION_BATCH_SIZE,
    resendAfterMs: s.EXECUTION_RESEND_AFTER_MS,
    resendMaxMs: s.EXECUTION_RESEND_MAX_MS,
    maxAttempts: s.EXECUTION_MAX_ATTEMPTS,
    publishRetries: s.EXECUTION_PUBLISH_RETRIES,
    breakerThreshold: s.EXECUTION_BREAKER_THRESHOLD,
    halfOpenAfterMs: s.EXECUTION_HALF_OPEN_AFTER_MS,
  };
}

export const EXECUTION_SETTINGS = Symbol('ordex.cases.execution-settings');
