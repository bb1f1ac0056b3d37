import { AuditRecord, chainHash, GENESIS_HASH } from './chain-hash.util';
import { SequencedLink, verifyAuditChain } from './verify-audit-chain.util';

const CASE_ID = '6f1c2a44-1d3e-4c55-9a3b-0e2f8b7c6d51';

function record(action: string, payload: AuditRecord['payload'], second: number): AuditRecord {
  return {
    caseId: CASE_ID,
    actor: 'system',
    action,
    payload,
    recordedAt: `2026-11-28T09:00:0${second}.000Z`,
  };
}

// Seqs are global to the table, so one case's entries are not numbered 1, 2, 3.
function trail(): SequencedLink[] {
  const records: [string, AuditRecord][] = [
    ['7', record('case.opened', { orderNumber: 'SO-1001' }, 1)],
    ['12', record('exception.detected', { category: 'PRICE_MISMATCH', lineNo: 2 }, 2)],
    ['31', record('approval.requested', { subject: 'PRICE_OVERRIDE', amount: 1840.5 }, 3)],
  ];
  const links: SequencedLink[] = [];
  for (const [seq, entry] of records) {
    const prevHash = links.length ? links[links.length - 1].hash : GENESIS_HASH;
    links.push({ seq, entry, prevHash, hash: chainHash(prevHash, entry) });
  }
  return links;
}

describe('verifyAuditChain', () => {
  it('reports an intact trail as valid, with its length', () => {
    expect(verifyAuditChain(trail())).toEqual({ valid: true, entries: 3, firstBrokenSeq: null });
  });

  it('reports an empty trail as valid', () => {
    expect(verifyAuditChain([])).toEqual({ valid: true, entries: 0, firstBrokenSeq: null });
  });

  it('reports the seq of an entry whose content was altered', () => {
    const links = trail();
    links[1] = { ...links[1], entry: { ...links[1].entry, payload: { category: 'CREDIT_HOLD', lineNo: 2 } } };
    expect(verifyAuditChain(links)).toEqual({ valid: false, entries: 3, firstBrokenSeq: '12' });
  });

  it('reports the seq after an altered entry that was given a fresh hash', () => {
    const links = trail();
    const forged = { ...links[1].entry, actor: 'someone-else' };
    links[1] = { ...links[1], entry: forged, hash: chainHash(links[1].prevHash, forged) };
    expect(verifyAuditChain(links)).toEqual({ valid: false, entries: 3, firstBrokenSeq: '31' });
  });

  it('reports the seq after a removed entry', () => {
    const [first, , last] = trail();
    expect(verifyAuditChain([first, last])).toEqual({ valid: false, entries: 2, firstBrokenSeq: '31' });
  });
});
