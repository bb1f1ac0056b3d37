import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

/** How exception detection runs; each setting can be changed by its DETECTION_* environment variable. */
export interface DetectionOptions {
  /** Wait this long after a change before evaluating, so the service that owns the data has applied it. */
  settleDelayMs: number;
  /** How often a worker looks for due evaluations. */
  pollIntervalMs: number;
  /** Orders evaluated per graph request. */
  batchSize: number;
  /** A lease on claimed evaluations; another instance takes them over after it. */
  leaseMs: number;
  /** How long the ERP may take to acknowledge a command before it is an ERP_SYNC exception. */
  acknowledgementTimeoutMs: number;
  /** A closed case reopens when an exception recurs within this time after closing (rework). */
  reworkWindowMs: number;
  /** Every order with an open case is evaluated again this often (whatever triggers were missed). */
  sweepIntervalMs: number;
  /** Attempts before the mirror is declared stale (ERP_SYNC) or an order unknown to it is dropped. */
  maxAttempts: number;
  /** Wait before retrying an evaluation the graph could not answer. */
  retryDelayMs: number;
}

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  DETECTION_SETTLE_DELAY_MS: ms(1_000),
  DETECTION_POLL_INTERVAL_MS: ms(250),
  DETECTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  DETECTION_LEASE_MS: ms(60_000),
  DETECTION_ACK_TIMEOUT_MS: ms(15 * 60_000),
  DETECTION_REWORK_WINDOW_MS: ms(14 * 24 * 3_600_000),
  DETECTION_SWEEP_INTERVAL_MS: ms(10 * 60_000),
  DETECTION_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  DETECTION_RETRY_DELAY_MS: ms(2_000),
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function detectionSettingsFrom(env: NodeJS.ProcessEnv): DetectionOptions {
  const s = loadConfig('cases', schema, env);
  return {
    settleDelayMs: s.DETECTION_SETTLE_DELAY_MS,
    pollIntervalMs: s.DETECTION_POLL_INTERVAL_MS,
    batchSize: s.DETECTION_BATCH_SIZE,
    leaseMs: s.DETECTION_LEASE_MS,
    acknowledgementTimeoutMs: s.DETECTION_ACK_TIMEOUT_MS,
    reworkWindowMs: s.DETECTION_REWORK_WINDOW_MS,
    sweepIntervalMs: s.DETECTION_SWEEP_INTERVAL_MS,
    maxAttempts: s.DETECTION_MAX_ATTEMPTS,
    retryDelayMs: s.DETECTION_RETRY_DELAY_MS,
  };
}

export const DETECTION_SETTINGS = Symbol('ordex.cases.detection-settings');
