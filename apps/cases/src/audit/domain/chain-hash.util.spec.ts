import {
  AuditRecord,
  canonicalJson,
  chainHash,
  ChainLink,
  firstBrokenLink,
  GENESIS_HASH,
} from './chain-hash.util';

const CASE_ID = '6f1c2a44-1d3e-4c55-9a3b-0e2f8b7c6d51';

function entry(action: string, payload: AuditRecord['payload'], second: number): AuditRecord {
  return {
    caseId: CASE_ID,
    actor: 'system',
    action,
    payload,
    recordedAt: `2026-11-28T09:00:0${second}.000Z`,
  };
}

function chainOf(entries: AuditRecord[]): ChainLink[] {
  const chain: ChainLink[] = [];
  for (const e of entries) {
    const prevHash = chain.length ? chain[chain.length - 1].hash : GENESIS_HASH;
    chain.push({ entry: e, prevHash, hash: chainHash(prevHash, e) });
  }
  return chain;
}

const entries = [
  entry('case.opened', { orderNumber: 'SO-1001' }, 1),
  entry('exception.detected', { category: 'PRICE_MISMATCH', lineNo: 2, deviationPct: -9 }, 2),
  entry('task.assigned', { team: 'FINANCE_PRICING' }, 3),
];

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
  });
});

describe('chainHash', () => {
  it('is a sha256 hex digest that does not depend on key order', () => {
    const hash = chainHash(GENESIS_HASH, entries[1]);
    const reordered = { ...entries[1], payload: { deviationPct: -9, lineNo: 2, category: 'PRICE_MISMATCH' } };
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, reordered)).toBe(hash);
  });

  it('depends on the previous hash', () => {
    expect(chainHash('a'.repeat(64), entries[0])).not.toBe(chainHash(GENESIS_HASH, entries[0]));
  });
});

describe('firstBrokenLink', () => {
  it('reports an intact chain as intact', () => {
    expect(firstBrokenLink(chainOf(entries))).toBe(-1);
    expect(firstBrokenLink([])).toBe(-1);
  });

  it('finds an entry whose content was altered', () => {
    const chain = chainOf(entries);
    chain[1] = {
      ...chain[1],
      entry: { ...chain[1].entry, payload: { ...chain[1].entry.payload, deviationPct: -2 } },
    };
    expect(firstBrokenLink(chain)).toBe(1);
  });

  it('finds the next link when an altered entry is given a fresh hash', () => {
    const chain = chainOf(entries);
    const forged = { ...chain[1].entry, actor: 'someone-else' };
    chain[1] = { ...chain[1], entry: forged, hash: chainHash(chain[1].prevHash, forged) };
    expect(firstBrokenLink(chain)).toBe(2);
  });

  it('finds an entry that was removed', () => {
    const chain = chainOf(entries);
    expect(firstBrokenLink([chain[0], chain[2]])).toBe(1);
  });
});
