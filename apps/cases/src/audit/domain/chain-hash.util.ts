import { createHash } from 'node:crypto';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** What an audit entry records; its hash covers exactly these fields. */
export type AuditRecord = {
  caseId: string;
  actor: string;
  action: string;
  payload: JsonObject;
  /** ISO 8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
  recordedAt: string;
};

export type ChainLink = { entry: AuditRecord; prevHash: string; hash: string };

/** The previous hash of a case's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 (hex) of the previous entry's hash followed by the canonical JSON of this entry. */
export function chainHash(prevHash: string, entry: AuditRecord): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

/** Index of the first link that was altered, removed or reordered; -1 when the chain is intact. */
export function firstBrokenLink(chain: readonly ChainLink[]): number {
  for (let i = 0; i < chain.length; i++) {
    const prevHash = i === 0 ? GENESIS_HASH : chain[i - 1].hash;
    if (chain[i].prevHash !== prevHash || chain[i].hash !== chainHash(prevHash, chain[i].entry)) return i;
  }
  return -1;
}

/**
 * JSON with every object's keys sorted and no whitespace, so the same content always hashes the
 * same, whatever order its keys were built in or came back from jsonb.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}
