import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header that carries one business request's id from the gateway through subgraphs and events. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<string>();
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's id when it is well-formed, otherwise starts a new one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && VALID_ID.test(candidate) ? candidate : randomUUID();
}

export function runWithCorrelationId<T>(id: string, fn: () => T): T {
  return storage.run(id, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
