import type { CaseEventLog } from '@ordex/mining';

/** One event of a case, readable in an expectation. */
export interface EventRow {
  activity: string;
  time: string | null;
  resource: string | null;
}

/** The log as case id → events in log order, times as ISO strings, for readable expectations. */
export function casesOf(log: CaseEventLog): Record<string, EventRow[]> {
  const cases: Record<string, EventRow[]> = {};
  log.caseIds.forEach((caseId, c) => {
    const rows: EventRow[] = [];
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      rows.push({
        activity: log.activities[log.activity[e]],
        time: Number.isNaN(log.time[e]) ? null : new Date(log.time[e]).toISOString(),
        resource: log.resource[e] === -1 ? null : log.resources[log.resource[e]],
      });
    }
    cases[caseId] = rows;
  });
  return cases;
}

/** The log as case id → activity names in log order. */
export const activitiesOf = (log: CaseEventLog) =>
  Object.fromEntries(
    Object.entries(casesOf(log)).map(([caseId, rows]) => [caseId, rows.map((row) => row.activity)]),
  );
