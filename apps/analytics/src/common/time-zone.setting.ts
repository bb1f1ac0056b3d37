import { z } from 'zod';

/**
 * `ANALYTICS_TIME_ZONE`: the distributor's IANA zone, in which KPI days, month-ends and weekdays
 * are counted (a day's orders are the ones the people there saw that day).
 */
export const analyticsTimeZone = z
  .string()
  .default('Europe/Berlin')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone');
