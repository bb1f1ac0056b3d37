import { ChainLink, firstBrokenLink } from './chain-hash.util';

/** A link of a case's chain with its position on the trail. */
export type SequencedLink = ChainLink & { seq: string };

export interface AuditChainReport {
  valid: boolean;
  entries: number;
  /** The first entry whose link does not hold (it, or one before it, was altered, removed or moved). */
  firstBrokenSeq: string | null;
}

/** Walks a case's trail in seq order, recomputing every link's hash from the one before it. */
export function verifyAuditChain(links: readonly SequencedLink[]): AuditChainReport {
  const broken = firstBrokenLink(links);
  return {
    valid: broken === -1,
    entries: links.length,
    firstBrokenSeq: broken === -1 ? null : links[broken].seq,
  };
}
