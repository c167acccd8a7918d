import { canonicalJson, sha256Hex } from '@regula/platform';
import type { AuditKeys } from './audit-keys';
import { sameDigest } from './audit-keys';

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

/** An entry as the chain stores it: `keyId` null for an entry written before the chain was keyed. */
export interface ChainedEntry extends ChainedFields {
  keyId: string | null;
  hash: string;
}

function canonicalEntry(e: ChainedFields, keyId?: string): string {
  return canonicalJson({
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
    ...(keyId === undefined ? {} : { keyId }),
  });
}

/**
 * The unkeyed hash of entries written before the chain was keyed: SHA-256 over
 * the canonical JSON of the entry, which includes the previous entry's hash.
 * Anyone can compute it, which is why such entries count only up to the keyed
 * checkpoint that seals them.
 */
export function entryHash(e: ChainedFields): string {
  return sha256Hex(canonicalEntry(e));
}

/** HMAC-SHA256 of the entry (with its key id) under that key; undefined for an unknown key. */
export function keyedEntryHash(e: ChainedFields, keyId: string, keys: AuditKeys): string | undefined {
  return keys.macWith(keyId, canonicalEntry(e, keyId));
}

/** What an entry's own hash should be: keyed, or the legacy SHA-256. */
export function expectedHash(e: ChainedEntry, keys: AuditKeys): string | undefined {
  return e.keyId === null ? entryHash(e) : keyedEntryHash(e, e.keyId, keys);
}

export type ChainBreak =
  /** The entry's content no longer matches its hash (HMAC or, for a sealed legacy entry, SHA-256). */
  | 'hash-mismatch'
  | 'prev-hash-mismatch'
  | 'sequence-gap'
  /** Signed with a key this configuration does not hold. */
  | 'unknown-key'
  /** An unkeyed entry after keyed ones: written (or rewritten) without the key. */
  | 'unkeyed-entry'
  /** Unkeyed entries that no keyed checkpoint seals. */
  | 'unsealed'
  /** The legacy entries no longer lead to the head their seal signed: one of them was rewritten. */
  | 'seal-mismatch'
  /** The chain ends before the last published checkpoint: its newest entries were deleted. */
  | 'truncated'
  /** The entry a published checkpoint signed has a different hash now. */
  | 'checkpoint-mismatch'
  /** A checkpoint whose signature does not verify (or whose key is unknown). */
  | 'checkpoint-invalid';

export type ChainVerdict =
  | {
      ok: true;
      /** Entries the verdict covers: the whole chain, 1 to `lastSeq`. */
      entries: number;
      lastHash: string;
      /** Verified from this entry on (0: from the first); what came before it a signed checkpoint vouches for. */
      from?: number;
      /** Entries read for this verification. */
      read?: number;
    }
  | { ok: false; entries: number; brokenAt: number; reason: ChainBreak };

export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Checks a chain one entry at a time, in sequence order, from `start` (the
 * genesis, or a signed checkpoint): each entry's `prevHash` is the previous
 * entry's hash, its hash matches its content under its key, the sequence runs
 * on without gaps, and unkeyed entries are only those the legacy `seal` covers.
 * Holds nothing but the last hash, so a chain of any length streams through it.
 */
export class ChainChecker {
  private prev: string;
  private expectedSeq: number;
  private keyedSeen = false;
  private firstUnsealed: number | null = null;
  private broken: Extract<ChainVerdict, { ok: false }> | null = null;
  read = 0;

  constructor(private readonly keys: AuditKeys, private readonly seal: ChainPoint | null, start: ChainPoint = { seq: 0, hash: GENESIS_HASH }) {
    this.prev = start.hash;
    this.expectedSeq = start.seq + 1;
  }

  get failure(): Extract<ChainVerdict, { ok: false }> | null {
    return this.broken;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.prev;
  }

  private fail(brokenAt: number, reason: ChainBreak): false {
    this.broken = { ok: false, entries: this.expectedSeq - 1, brokenAt, reason };
    return false;
  }

  /** Takes the next entry; false once the chain is broken (the failure names the first broken entry). */
  push(e: ChainedEntry): boolean {
    if (this.broken) return false;
    this.read++;
    if (e.seq !== this.expectedSeq) return this.fail(this.expectedSeq, 'sequence-gap');
    if (e.prevHash !== this.prev) return this.fail(e.seq, 'prev-hash-mismatch');
    if (e.keyId === null) {
      if (this.keyedSeen) return this.fail(e.seq, 'unkeyed-entry');
      if (!sameDigest(entryHash(e), e.hash)) return this.fail(e.seq, 'hash-mismatch');
      if (!this.seal || e.seq > this.seal.seq) this.firstUnsealed ??= e.seq;
      else if (e.seq === this.seal.seq && e.hash !== this.seal.hash) return this.fail(e.seq, 'seal-mismatch');
    } else {
      if (this.firstUnsealed !== null) return this.fail(this.firstUnsealed, 'unsealed');
      this.keyedSeen = true;
      const expected = keyedEntryHash(e, e.keyId, this.keys);
      if (expected === undefined) return this.fail(e.seq, 'unknown-key');
      if (!sameDigest(expected, e.hash)) return this.fail(e.seq, 'hash-mismatch');
    }
    this.prev = e.hash;
    this.expectedSeq++;
    return true;
  }

  /** The verdict once every entry was pushed. */
  finish(from = 0): ChainVerdict {
    if (this.broken) return this.broken;
    if (this.firstUnsealed !== null) {
      this.fail(this.firstUnsealed, 'unsealed');
      return this.broken!;
    }
    return { ok: true, entries: this.lastSeq, lastHash: this.prev, from, read: this.read };
  }
}

/** Verifies a whole chain held in memory (small chains, tests); the service streams through ChainChecker. */
export function verifyChain(entries: ChainedEntry[], keys: AuditKeys, seal: ChainPoint | null = null): ChainVerdict {
  const c = new ChainChecker(keys, seal);
  for (const e of entries) if (!c.push(e)) break;
  return c.finish();
}
