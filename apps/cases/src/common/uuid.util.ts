const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID. Any other value for a uuid column makes PostgreSQL fail the whole query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
