import { ChainedFields, GENESIS_HASH, entryHash, verifyChain } from './audit-chain';

function chain(n: number): (ChainedFields & { hash: string })[] {
  const out: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f: ChainedFields = {
      tenantId: '11111111-1111-1111-1111-111111111111', seq: i, at: new Date(Date.UTC(2026, 0, i)),
      actorId: null, actor: 'admin@example.test', action: 'registers.update', targetType: 'register',
      targetId: `r${i}`, details: { b: 2, a: [1, { z: 1, y: 2 }] }, ip: '127.0.0.1', prevHash: prev,
    };
    const hash = entryHash(f);
    out.push({ ...f, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5, lastHash: chain(5)[4].hash });
  });

  it('does not depend on the key order of details', () => {
    const [e] = chain(1);
    expect(entryHash({ ...e, details: { a: [1, { y: 2, z: 1 }], b: 2 } })).toBe(e.hash);
  });

  it('names the first entry whose content was changed', () => {
    const c = chain(5);
    c[2] = { ...c[2], details: { b: 3 } };
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('names the entry after a rewritten one (its prevHash no longer matches)', () => {
    const c = chain(5);
    const forged = { ...c[1], action: 'forged' };
    c[1] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev-hash-mismatch' });
  });

  it('detects a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence-gap' });
  });
});
