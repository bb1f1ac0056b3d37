import { loadConfig } from '@ordex/platform';
import { z } from 'zod';
import { analyticsTimeZone } from '../common/time-zone.setting';

/** How the KPI ledger counts: the zone its days are in and the recurrence window. */
export interface KpiSettings {
  timeZone: string;
  /** An exception recurs when its category hit the same customer or SKU this many days before. */
  recurrenceWindowDays: number;
}

export const KPI_SETTINGS = Symbol('KPI_SETTINGS');

const schema = z.object({
  ANALYTICS_TIME_ZONE: analyticsTimeZone,
  KPI_RECURRENCE_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(30),
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function kpiSettingsFrom(env: NodeJS.ProcessEnv): KpiSettings {
  const s = loadConfig('analytics', schema, env);
  return { timeZone: s.ANALYTICS_TIME_ZONE, recurrenceWindowDays: s.KPI_RECURRENCE_WINDOW_DAYS };
}
