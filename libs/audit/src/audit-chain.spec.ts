import { AuditKeys, auditKeyId } from './audit-keys';
import { ChainedEntry, ChainedFields, GENESIS_HASH, entryHash, keyedEntryHash, verifyChain } from './audit-chain';
import { checkpointValid, signCheckpoint } from './audit-checkpoint';

const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);
const keysOf = (current: string, ...previous: string[]) =>
  new AuditKeys({ AUDIT_HMAC_KEY: current, AUDIT_HMAC_PREVIOUS_KEYS: previous.join(','), REGULA_DATA_DIR: '.data', AUDIT_CHECKPOINT_DIR: '' });

function fields(i: number, prevHash: string): ChainedFields {
  return {
    tenantId: '11111111-1111-1111-1111-111111111111', seq: i, at: new Date(Date.UTC(2026, 0, i)),
    actorId: null, actor: 'admin@example.test', action: 'registers.update', targetType: 'register',
    targetId: `r${i}`, details: { b: 2, a: [1, { z: 1, y: 2 }] }, ip: '127.0.0.1', prevHash,
  };
}

/** `legacy` unkeyed entries, then keyed ones: under `keys` (each writer's current key), in turn. */
function chain(n: number, opts: { legacy?: number; writers?: AuditKeys[] } = {}): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  const writers = opts.writers ?? [keysOf(KEY_A)];
  for (let i = 1; i <= n; i++) {
    const f = fields(i, prev);
    const keys = writers[Math.min(writers.length - 1, Math.floor(((i - 1) * writers.length) / n))];
    const e: ChainedEntry = i <= (opts.legacy ?? 0) ? { ...f, keyId: null, hash: entryHash(f) } : { ...f, keyId: keys.currentId, hash: keyedEntryHash(f, keys.currentId, keys)! };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

/** What an owner without the key can do: rewrite entry `seq` and recompute every later hash with the public formula. */
function rewrite(c: ChainedEntry[], seq: number): ChainedEntry[] {
  const out = c.map((e) => ({ ...e }));
  out[seq - 1].details = { forged: true };
  let prev = out[seq - 2]?.hash ?? GENESIS_HASH;
  for (const e of out.slice(seq - 1)) {
    e.prevHash = prev;
    e.hash = entryHash(e);
    prev = e.hash;
  }
  return out;
}

describe('keyed audit hash chain', () => {
  const keys = keysOf(KEY_A);

  it('accepts an intact chain', () => {
    const c = chain(5);
    expect(verifyChain(c, keys)).toMatchObject({ ok: true, entries: 5, lastHash: c[4].hash });
  });

  it('does not depend on the key order of details', () => {
    const [e] = chain(1);
    expect(keyedEntryHash({ ...e, details: { a: [1, { y: 2, z: 1 }], b: 2 } }, e.keyId!, keys)).toBe(e.hash);
  });

  it('names the first entry whose content was changed', () => {
    const c = chain(5);
    c[2] = { ...c[2], details: { b: 3 } };
    expect(verifyChain(c, keys)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('names an entry rewritten with every later hash recomputed without the key (keyed or not)', () => {
    const forged = rewrite(chain(6), 3);
    expect(verifyChain(forged, keys)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
    const unkeyed = forged.map((e) => (e.seq >= 3 ? { ...e, keyId: null } : e));
    expect(verifyChain(unkeyed, keys)).toMatchObject({ ok: false, brokenAt: 3, reason: 'unkeyed-entry' });
  });

  it('names an entry forged with another key', () => {
    const c = chain(4);
    const other = keysOf(KEY_B);
    const f = { ...c[3], action: 'forged' };
    c[3] = { ...f, keyId: other.currentId, hash: keyedEntryHash(f, other.currentId, other)! };
    expect(verifyChain(c, keys)).toMatchObject({ ok: false, brokenAt: 4, reason: 'unknown-key' });
  });

  it('detects a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c, keys)).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('rotation: entries under key A then key B verify with both configured; without A, the first entry A signed is reported', () => {
    const a = keysOf(KEY_A);
    const b = keysOf(KEY_B, KEY_A);
    const c = chain(6, { writers: [a, b] });
    expect(new Set(c.map((e) => e.keyId))).toEqual(new Set([auditKeyId(KEY_A), auditKeyId(KEY_B)]));
    expect(verifyChain(c, b)).toMatchObject({ ok: true, entries: 6 });
    expect(verifyChain(c, keysOf(KEY_B))).toMatchObject({ ok: false, brokenAt: 1, reason: 'unknown-key' });
  });

  describe('entries from before the chain was keyed', () => {
    const c = chain(6, { legacy: 3 });
    const seal = { seq: 3, hash: c[2].hash };

    it('count when a keyed checkpoint seals their head', () => {
      expect(verifyChain(c, keys, seal)).toMatchObject({ ok: true, entries: 6 });
    });

    it('are reported when nothing seals them', () => {
      expect(verifyChain(c, keys, null)).toMatchObject({ ok: false, brokenAt: 1, reason: 'unsealed' });
      expect(verifyChain(c.slice(0, 3), keys, null)).toMatchObject({ ok: false, brokenAt: 1, reason: 'unsealed' });
    });

    it('a legacy entry rewritten with the later unkeyed hashes recomputed no longer leads to the sealed head', () => {
      const forged = rewrite(c.slice(0, 3), 2).concat(c.slice(3));
      expect(verifyChain(forged, keys, seal)).toMatchObject({ ok: false, brokenAt: 3, reason: 'seal-mismatch' });
    });

    it('an unkeyed entry after the seal is reported', () => {
      const forged = rewrite(c, 5).map((e) => (e.seq >= 5 ? { ...e, keyId: null } : e));
      expect(verifyChain(forged, keys, seal)).toMatchObject({ ok: false, brokenAt: 5, reason: 'unkeyed-entry' });
    });
  });

  it('signs checkpoints: valid under the key that signed them (kept as a previous key), invalid when changed', () => {
    const cp = signCheckpoint(keys, { chain: 'platform', kind: 'head', seq: 7, hash: 'f'.repeat(64), at: '2026-01-01T00:00:00.000Z' });
    expect(checkpointValid(keys, cp)).toBe(true);
    expect(checkpointValid(keysOf(KEY_B, KEY_A), cp)).toBe(true);
    expect(checkpointValid(keysOf(KEY_B), cp)).toBe(false);
    expect(checkpointValid(keys, { ...cp, seq: 8 })).toBe(false);
  });
});
