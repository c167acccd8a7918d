import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AuditChainJobs, AuditCheckpoint, AuditCheckpoints, AuditKeys, AuditService, AuditVerifier, auditKeyId, checkpointValid, entryHash, AuditAction } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { Harness, startApi } from './support/api-harness';
import { signedInAdmin } from './support/admin-session';
import { createStaff } from './support/staff';

/**
 * The keyed audit chain on real PostgreSQL, attacked as its owner (a
 * superuser who can switch the append-only trigger off) who does not hold the
 * audit key: rewriting with recomputed hashes, deleting the newest entries,
 * entries under another key, legacy entries and their seal; and the audit
 * page, whose reading does not grow with the chain.
 */
describe('audit chain integrity', () => {
  let h: Harness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    for (const r of await h.db.owner.query(`SELECT id, slug FROM tenants`)) ids[r.slug] = r.id;
  });
  afterAll(() => h?.close());

  const verify = async (slug: string, email: string) =>
    (await h.http().get(`/api/v1/tenants/${slug}/audit/verify`).set('Authorization', `Bearer ${await h.login(email)}`)).body;

  /** As the owner, trigger off: `change` the rows of the chain (SQL), one transaction. */
  async function asOwner(change: (q: (sql: string, params?: unknown[]) => Promise<any>) => Promise<void>): Promise<void> {
    await h.db.owner.transaction(async (em) => {
      await em.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await change((sql, params) => em.query(sql, params));
      await em.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
  }

  /** Recomputes with the public (unkeyed) formula the hashes of entries from..to (to: the head when omitted), linking each to its predecessor. */
  async function recomputeUnkeyed(q: (sql: string, params?: unknown[]) => Promise<any>, tenantId: string, from: number, opts: { to?: number; dropKeyId?: boolean } = {}): Promise<void> {
    const rows = await q(`SELECT * FROM audit_log WHERE tenant_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq`, [tenantId, from - 1, opts.to ?? 2 ** 53]);
    let prev = from === 1 ? '0'.repeat(64) : (rows.shift().hash as string);
    for (const r of rows) {
      const hash = entryHash({
        tenantId: r.tenant_id, seq: Number(r.seq), at: r.at, actorId: r.actor_id, actor: r.actor, action: r.action,
        targetType: r.target_type, targetId: r.target_id, details: r.details, ip: r.ip, prevHash: prev,
      });
      await q(`UPDATE audit_log SET prev_hash = $1, hash = $2${opts.dropKeyId ? ', key_id = NULL' : ''} WHERE id = $3`, [prev, hash, r.id]);
      prev = hash;
    }
  }

  const checkpointLines = (chain: string): AuditCheckpoint[] =>
    readFileSync(path.join(h.config.AUDIT_CHECKPOINT_DIR, `${chain}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  it('the audit page reads the same number of entries whether the chain holds N or 10N entries', async () => {
    const tenantId = ids.inomedis;
    const db = h.app.get(TenantDb);
    const audit = h.app.get(AuditService);
    const verifier = h.app.get(AuditVerifier);
    const jobs = h.app.get(AuditChainJobs);
    const N = 100;
    const growTo = async (n: number) => {
      const [{ s }] = await h.db.owner.query(`SELECT max(seq)::int AS s FROM audit_log WHERE tenant_id = $1`, [tenantId]);
      await db.forTenant(tenantId, async (em) => {
        for (let i = s; i < n; i++) await audit.append(em, { tenantId, actorId: null, actor: 'test: bulk', action: 'test.bulk' as AuditAction, details: { i } });
      });
    };
    const c = await signedInAdmin(h, 'admin@inomedis.test');
    const view = async () => {
      const before = verifier.entriesRead;
      const page = await c.get('/admin/t/inomedis/audit');
      expect(page.status).toBe(200);
      expect(page.text).toContain('class="chain chain-ok"');
      expect([...page.text.matchAll(/<th scope="row"><a href="\/admin\/t\/inomedis\/audit\/\d+"/g)]).toHaveLength(50);
      return verifier.entriesRead - before;
    };
    await growTo(N);
    await jobs.publish(tenantId);
    const small = await view();
    await growTo(10 * N);
    await jobs.publish(tenantId);
    const large = await view();
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(5);
    // The counter counts: a whole verification reads every entry.
    const before = verifier.entriesRead;
    expect(await jobs.verify(tenantId, 'genesis')).toMatchObject({ ok: true });
    expect(verifier.entriesRead - before).toBeGreaterThanOrEqual(10 * N);
  });

  it('names an entry rewritten with every later hash recomputed without the key (reproduced first: verified as intact before)', async () => {
    const tenantId = ids.inomedis;
    expect(await verify('inomedis', 'admin@inomedis.test')).toMatchObject({ ok: true });
    await asOwner(async (q) => {
      await q(`UPDATE audit_log SET details = '{"forged": true}' WHERE tenant_id = $1 AND seq = 3`, [tenantId]);
      await recomputeUnkeyed(q, tenantId, 3);
    });
    expect(await verify('inomedis', 'admin@inomedis.test')).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('names it too when the rewriter also drops the key ids, as if the entries had never been keyed', async () => {
    const tenantId = ids.micromedic;
    await asOwner(async (q) => {
      await q(`UPDATE audit_log SET details = '{"forged": true}' WHERE tenant_id = $1 AND seq = 4`, [tenantId]);
      await recomputeUnkeyed(q, tenantId, 4, { dropKeyId: true });
    });
    expect(await verify('micromedic', 'admin@micromedic.test')).toEqual({ ok: false, entries: 3, brokenAt: 4, reason: 'unkeyed-entry' });
  });

  it('reports the deletion of the newest entries against the last checkpoint published outside the database', async () => {
    const tenantId = ids['softera-baltic'];
    const jobs = h.app.get(AuditChainJobs);
    await h.login('admin@softera.test'); // one more entry
    const published = await jobs.publish(tenantId);
    expect(published.verdict).toMatchObject({ ok: true });
    const head = published.checkpoint!;
    expect(checkpointLines(tenantId).at(-1)).toEqual(head);
    expect(checkpointValid(h.app.get(AuditKeys), head)).toBe(true);
    await asOwner((q) => q(`DELETE FROM audit_log WHERE tenant_id = $1 AND seq > $2`, [tenantId, head.seq - 2]));
    // The owner removes the database's checkpoints too: the file outside it still tells.
    await h.db.owner.query(`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only`);
    await h.db.owner.query(`DELETE FROM audit_checkpoints WHERE tenant_id = $1`, [tenantId]);
    await h.db.owner.query(`ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_append_only`);
    expect(await jobs.verify(tenantId)).toEqual({ ok: false, entries: head.seq - 2, brokenAt: head.seq - 1, reason: 'truncated' });
    expect(await jobs.verify(tenantId, 'checkpoint')).toMatchObject({ ok: false, reason: 'truncated' });
    // New entries past the deleted ones do not hide it: the entry the checkpoint signed is not the one there now.
    await h.login('admin@softera.test');
    await h.login('admin@softera.test');
    await h.login('admin@softera.test');
    expect(await verify('softera-baltic', 'admin@softera.test')).toMatchObject({ ok: false, brokenAt: head.seq, reason: 'checkpoint-mismatch' });
  });

  it('rotation: entries under key A, then key B; both verify with both keys configured; with only A, the first entry B signed is reported', async () => {
    const keyA = h.config.AUDIT_HMAC_KEY;
    const keyB = 'rotated-audit-key-for-the-test-0123456789';
    const cfg = (current: string, previous = '') => new AuditKeys({ AUDIT_HMAC_KEY: current, AUDIT_HMAC_PREVIOUS_KEYS: previous, REGULA_DATA_DIR: '.data', AUDIT_CHECKPOINT_DIR: h.config.AUDIT_CHECKPOINT_DIR });
    const keysB = cfg(keyB, keyA);
    const db = new TenantDb(h.db.owner);
    const a = h.app.get(AuditService);
    const b = new AuditService(new AuditCheckpoints(keysB));
    const entry = { tenantId: null, actorId: null, actor: 'test: rotation', action: 'test.rotation' as AuditAction };
    await db.forPlatform(async (em) => {
      await a.append(em, entry);
      await b.append(em, entry);
      await b.append(em, entry);
    });
    const keyIds = (await h.db.owner.query(`SELECT DISTINCT key_id FROM audit_log WHERE tenant_id IS NULL`)).map((r: { key_id: string }) => r.key_id);
    expect(keyIds.sort()).toEqual([auditKeyId(keyA), auditKeyId(keyB)].sort());
    const [{ s: firstB }] = await h.db.owner.query(`SELECT min(seq)::int AS s FROM audit_log WHERE tenant_id IS NULL AND key_id = $1`, [auditKeyId(keyB)]);
    const verifyWith = (keys: AuditKeys) => db.forPlatform((em) => new AuditVerifier(new AuditCheckpoints(keys)).verify(em, null));
    expect(await verifyWith(keysB)).toMatchObject({ ok: true });
    expect(await verifyWith(cfg(keyA, keyB))).toMatchObject({ ok: true });
    expect(await h.app.get(AuditChainJobs).verify(null)).toMatchObject({ ok: false, brokenAt: firstB, reason: 'unknown-key' });
  });

  it('entries from before the chain was keyed count once one keyed checkpoint seals their head; a rewrite among them is reported', async () => {
    const tenantId = ids['medical-management'];
    const jobs = h.app.get(AuditChainJobs);
    // The chain as it stood before this change: no key ids, plain SHA-256.
    await asOwner((q) => recomputeUnkeyed(q, tenantId, 1, { dropKeyId: true }));
    const [{ s: legacyHead }] = await h.db.owner.query(`SELECT max(seq)::int AS s FROM audit_log WHERE tenant_id = $1`, [tenantId]);
    expect(await jobs.verify(tenantId)).toMatchObject({ ok: false, brokenAt: 1, reason: 'unsealed' });
    // The first publication seals it.
    expect((await jobs.publish(tenantId)).verdict).toMatchObject({ ok: true, entries: legacyHead });
    expect(checkpointLines(tenantId).map((c) => [c.kind, c.seq])).toEqual([['seal', legacyHead]]);
    // Keyed entries follow (a sign-in); the whole chain verifies.
    expect(await verify('medical-management', 'admin@mm.test')).toMatchObject({ ok: true, entries: legacyHead + 1 });
    // A legacy entry rewritten, the later unkeyed hashes recomputed: the sealed head no longer matches.
    await asOwner(async (q) => {
      await q(`UPDATE audit_log SET actor = 'someone else' WHERE tenant_id = $1 AND seq = 2`, [tenantId]);
      await recomputeUnkeyed(q, tenantId, 2, { to: legacyHead });
    });
    expect(await jobs.verify(tenantId)).toMatchObject({ ok: false, brokenAt: legacyHead, reason: 'seal-mismatch' });
  });
});
