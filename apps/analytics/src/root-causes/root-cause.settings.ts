import { loadConfig } from '@ordex/platform';
import { z } from 'zod';
import { analyticsTimeZone } from '../common/time-zone.setting';

/** How root causes are computed; each setting has its environment variable (ROOT_CAUSE_*, and the zone ANALYTICS_TIME_ZONE). */
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
  ANALYTICS_TIME_ZONE: analyticsTimeZone,
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function rootCauseSettingsFrom(env: NodeJS.ProcessEnv): RootCauseSettings {
  const s = loadConfig('analytics', schema, env);
  return {
    refreshIntervalMs: s.ROOT_CAUSE_REFRESH_INTERVAL_MS,
    windowDays: s.ROOT_CAUSE_WINDOW_DAYS,
    timeZone: s.ANALYTICS_TIME_ZONE,
  };
}
