import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

/** How root causes are computed; each setting has its ROOT_CAUSE_* environment variable. */
export interface RootCauseSettings {
  /** How often the findings are recomputed; 0 turns the schedule off. */
  refreshIntervalMs: number;
  /** Orders received in this many days before now are analysed. */
  windowDays: number;
  /** The distributor's zone, for month-end and weekdays. */
  timeZone: string;
}

export const ROOT_CAUSE_SETTINGS = Symbol('ROOT_CAUSE_SETTINGS');

const schema = z.object({
  ROOT_CAUSE_REFRESH_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  ROOT_CAUSE_WINDOW_DAYS: z.coerce.number().int().min(1).default(180),
  ROOT_CAUSE_TIME_ZONE: z
    .string()
    .default('Europe/Berlin')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone'),
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function rootCauseSettingsFrom(env: NodeJS.ProcessEnv): RootCauseSettings {
  const s = loadConfig('analytics', schema, env);
  return {
    refreshIntervalMs: s.ROOT_CAUSE_REFRESH_INTERVAL_MS,
    windowDays: s.ROOT_CAUSE_WINDOW_DAYS,
    timeZone: s.ROOT_CAUSE_TIME_ZONE,
  };
}
