/**
 * Capacity still free in a slot, never negative (a slot can be overbooked). Rounded to the gram,
 * the precision capacity is stored at, so float subtraction does not leak digits like 7.0999999.
 */
export function remainingKg(capacityKg: number, bookedKg: number): number {
  return Math.max(0, Math.round((capacityKg - bookedKg) * 1000) / 1000);
}
