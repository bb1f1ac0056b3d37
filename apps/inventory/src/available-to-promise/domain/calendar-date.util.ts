/**
 * True for a real calendar day written YYYY-MM-DD: 2026-02-30 matches the pattern but is no day,
 * and PostgreSQL would refuse it.
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
