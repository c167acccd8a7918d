import { canonicalJson, sha256Hex } from '@regula/platform';

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but its own hash and row id). */
export interface ChainedFields {
  tenantId: string | null;
  seq: number;
  at: Date;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
}

/** SHA-256 over the canonical JSON of the entry, which includes the previous entry's hash. */
export function entryHash(e: ChainedFields): string {
  return sha256Hex(
    canonicalJson({
      tenantId: e.tenantId,
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actor: e.actor,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: e.details,
      ip: e.ip,
      prevHash: e.prevHash,
    }),
  );
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' };

/**
 * Verifies a chain given in sequence order: each entry's `prevHash` is the
 * previous entry's hash, its own hash matches its content, and the sequence
 * numbers run 1, 2, 3... Names the first broken entry by its `seq`.
 */
export function verifyChain(entries: (ChainedFields & { hash: string })[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { ok: false, entries: entries.length, brokenAt: expectedSeq, reason: 'sequence-gap' };
    if (e.prevHash !== prev) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: 'prev-hash-mismatch' };
    if (entryHash(e) !== e.hash) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: 'hash-mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: entries.length, lastHash: prev };
}
