import { DCS, DC_TIME_ZONES } from './demo-network';

/** A business calendar as the cases service's setBusinessCalendar mutation takes it. */
export interface DemoBusinessCalendar {
  region: string;
  timeZone: string;
  holidayCountry: string;
  holidayState: string | null;
  workingHours: { weekday: number; from: string; to: string }[];
  closures: string[];
}

/** Each DC's country (and subdivision) for public holidays, matching its time zone. */
const HOLIDAYS: Record<string, [country: string, state: string | null]> = {
  'DC-NORTH': ['DE', 'BE'],
  'DC-SOUTH': ['IT', null],
  'DC-EAST': ['RO', null],
  'DC-WEST': ['PT', null],
};

/**
 * The demo distributor's business calendars, one per DC region: operations work Monday to
 * Friday 07:00–19:00 local time and close on the country's public holidays, so SLA deadlines in
 * the demo skip weekends and holidays as a real network's would.
 */
export function demoBusinessCalendars(): DemoBusinessCalendar[] {
  return DCS.map((dc) => ({
    region: dc.region,
    timeZone: DC_TIME_ZONES[dc.code],
    holidayCountry: HOLIDAYS[dc.code][0],
    holidayState: HOLIDAYS[dc.code][1],
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '07:00', to: '19:00' })),
    closures: [],
  }));
}
