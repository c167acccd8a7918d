import { entryHash } from '@regula/audit';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/** Rewrites entry `seq` as the database owner and recomputes every later hash with the public (unkeyed) formula. */
async function rewriteAndRecompute(h: Harness, tenantId: string, seq: number): Promise<void> {
  await h.db.owner.transaction(async (em) => {
    await em.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await em.query(`UPDATE audit_log SET details = '{"forged": true}' WHERE tenant_id = $1 AND seq = $2`, [tenantId, seq]);
    const rows = await em.query(`SELECT * FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq`, [tenantId, seq - 1]);
    let prev = rows[0].hash as string;
    for (const r of rows.slice(1)) {
      const hash = entryHash({
        tenantId: r.tenant_id, seq: Number(r.seq), at: r.at, actorId: r.actor_id, actor: r.actor, action: r.action,
        targetType: r.target_type, targetId: r.target_id, details: r.details, ip: r.ip, prevHash: prev,
      });
      await em.query(`UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3`, [prev, hash, r.id]);
      prev = hash;
    }
    await em.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}

describe('audit chain: an owner who rewrites an entry and recomputes the later hashes', () => {
  let h: Harness;
  let token: string;
  let tenantId: string;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    token = await h.login('admin@inomedis.test');
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
  });
  afterAll(() => h?.close());

  it('is reported broken at the rewritten entry', async () => {
    const verify = () => h.http().get('/api/v1/tenants/inomedis/audit/verify').set('Authorization', `Bearer ${token}`);
    expect((await verify()).body).toMatchObject({ ok: true });
    await rewriteAndRecompute(h, tenantId, 3);
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
