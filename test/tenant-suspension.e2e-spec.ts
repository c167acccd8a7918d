import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { TenantArchiveManifest, TenantArchives } from '@regula/exports';
import { AuditChainJobs, AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { TenantDeletions } from '@regula/registers';
import { SlaService } from '@regula/sla';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { insertOpenRequests } from './support/bulk-requests';
import { createStaff } from './support/staff';

/**
 * A controller suspended by a platform admin (issue 17 §1): its public pages
 * give its contact details and say that requests go to it directly (no web
 * form: nothing is filed); REST and dashboard changes are refused with 409,
 * reading and exports go on; the law's clock keeps running (an overdue notice
 * is still sent); it is archived whole (every table with a tenant_id, a
 * manifest of hashes); the suspension, its lifting and the archive are recorded
 * in the platform's audit chain; after it is lifted, requests are filed again.
 */
describe('a suspended controller', () => {
  let h: Harness;
  let platform: string;
  let admin: string;
  let tenantId: string;
  const SLUG = 'inomedis';
  const suspend = (token: string, body: object) => h.http().post(`/api/v1/platform/tenants/${SLUG}/suspend`).set('Authorization', `Bearer ${token}`).send(body);
  const resume = (token: string) => h.http().post(`/api/v1/platform/tenants/${SLUG}/resume`).set('Authorization', `Bearer ${token}`).send({});
  const fileForm = (email: string) =>
    h.http().post(`/t/${SLUG}/request/access?lang=lv`).set('X-Forwarded-For', '198.51.100.77').type('form').send({ name: 'Anna Bērziņa', email });

  beforeAll(async () => {
    h = await startApi({ TRUST_PROXY: 'true' });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [SLUG]);
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'dpo@suspended.test', { tenant: SLUG });
    [platform, admin] = await Promise.all([h.login('platform@regula.test'), h.login('dpo@suspended.test')]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is suspended by a platform admin only (404 to its own compliance admin), with a reason, once', async () => {
    expect((await suspend(admin, { reason: 'x' })).status).toBe(404);
    const noReason = await suspend(platform, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const done = await suspend(platform, { reason: 'Contract ended on 30 November' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ slug: SLUG, reason: 'Contract ended on 30 November' });
    expect((await suspend(platform, { reason: 'again' })).status).toBe(409);
    const [entry] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.suspended' ORDER BY seq DESC LIMIT 1`);
    expect(entry).toEqual({ actor: 'platform@regula.test (platform-admin)', details: { slug: SLUG, reason: 'Contract ended on 30 November' } });
  });

  it('sends requests to the controller directly on its public pages; the form files nothing', async () => {
    const home = await h.http().get(`/t/${SLUG}/?lang=lv`).set('X-Forwarded-For', '198.51.100.70');
    expect(home.status).toBe(200);
    const text = textOf(home.text);
    expect(text).toContain('vairs nepieņem pieprasījumus šajā vietnē');
    expect(text).toContain('lv@inomedis.group');
    expect(home.text).not.toContain(`/t/${SLUG}/request/access`);
    // The internal reason never reaches a reader.
    expect(text).not.toContain('Contract ended');

    const form = await h.http().get(`/t/${SLUG}/request/access?lang=lv`).set('X-Forwarded-For', '198.51.100.71');
    expect(form.status).toBe(200);
    expect(textOf(form.text)).toContain('vairs nepieņem pieprasījumus šajā vietnē');
    expect(form.text).not.toContain('name="email"');
    const posted = await fileForm('anna.suspended@subject.test');
    expect(posted.status).toBe(409);
    expect(textOf(posted.text)).toContain('vairs nepieņem pieprasījumus šajā vietnē');
    expect(await h.db.owner.query(`SELECT 1 FROM rights_requests WHERE requester_email = 'anna.suspended@subject.test'`)).toEqual([]);
  });

  it('refuses REST and dashboard changes with 409 and goes on reading and exporting', async () => {
    const write = await h.http().post(`/api/v1/tenants/${SLUG}/breaches`).set('Authorization', `Bearer ${admin}`).send({});
    expect(write.status).toBe(409);
    expect(JSON.stringify(write.body)).toContain('suspended');
    expect((await h.http().get(`/api/v1/tenants/${SLUG}`).set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    expect((await h.http().get(`/api/v1/tenants/${SLUG}/exports/record.json`).set('Authorization', `Bearer ${admin}`)).status).toBe(200);

    const c = new AdminClient(h);
    await c.login('dpo@suspended.test');
    const list = `/admin/t/${SLUG}/breaches`;
    expect((await c.get(list)).status).toBe(200);
    const refused = await c.submit(`${list}/new`, list, { title: 'Lost laptop' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toMatch(/apturējis šī pārziņa darbību|suspended this controller/);
  });

  it("keeps the law's clock running: an overdue request's notice is still sent", async () => {
    await insertOpenRequests(h.db.owner, tenantId, { count: 1, first: 9001, dueFrom: new Date(Date.now() - 3 * 24 * 3600_000), next: 'replan' });
    const swept = await h.app.get(SlaService).sweep();
    expect(swept.sent).toBeGreaterThanOrEqual(1);
    const [{ n }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM sla_notices n JOIN rights_requests r ON r.id = n.request_id WHERE r.reference = 'B-9001' AND n.kind = 'overdue'`);
    expect(n).toBe(1);
  });

  it('is archived whole while suspended: every tenant table, only its rows, hashes that check, recorded with its SHA-256', async () => {
    const chunks: Buffer[] = [];
    const written = await h.app.get(TenantArchives).write(SLUG, async (c) => void chunks.push(c), { userId: null, label: 'platform@regula.test (platform-admin)' });
    const body = Buffer.concat(chunks);
    expect(written).toEqual({ slug: SLUG, sha256: createHash('sha256').update(body).digest('hex'), size: body.length });
    const zip = await JSZip.loadAsync(body);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TenantArchiveManifest;
    expect(manifest).toMatchObject({ format: 'regula/tenant-archive@1', tenant: { id: tenantId, slug: SLUG } });
    // Every table with a tenant_id, as the catalogue has them.
    const tables: { table: string }[] = await h.db.owner.query(
      `SELECT c.relname AS table FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname = 'public' ORDER BY 1`);
    expect(manifest.tables.map((t) => t.table)).toEqual(tables.map((t) => t.table));
    for (const t of ['rights_requests', 'sla_notices', 'audit_log', 'tenant_versions', 'registers', 'register_versions']) {
      const [{ n }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM ${t} WHERE tenant_id = $1`, [tenantId]);
      expect({ t, rows: manifest.tables.find((x) => x.table === t)!.rows }).toEqual({ t, rows: n });
      expect(n).toBeGreaterThan(0);
    }
    // Only this tenant's rows; each file's hash as the manifest and SHA256SUMS say.
    for (const f of manifest.files) {
      const data = await zip.file(f.path)!.async('nodebuffer');
      expect({ path: f.path, sha256: createHash('sha256').update(data).digest('hex') }).toEqual({ path: f.path, sha256: f.sha256 });
      if (f.path.startsWith('tables/')) for (const line of data.toString('utf8').trim().split('\n')) expect(JSON.parse(line).tenant_id).toBe(tenantId);
    }
    const sums = await zip.file('SHA256SUMS')!.async('string');
    expect(sums.trim().split('\n')).toHaveLength(manifest.files.length + 1);
    expect(await zip.file('README.txt')!.async('string')).toContain('sha256sum -c SHA256SUMS');
    const [entry] = await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.archived' ORDER BY seq DESC LIMIT 1`);
    expect(entry.details).toEqual(written);
  });

  it('takes requests again once the suspension is lifted, recorded in the platform chain', async () => {
    expect((await resume(admin)).status).toBe(404);
    const lifted = await resume(platform);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ slug: SLUG, suspendedAt: null, reason: null });
    expect((await resume(platform)).status).toBe(409);
    const [entry] = await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.resumed' ORDER BY seq DESC LIMIT 1`);
    expect(entry.details).toMatchObject({ slug: SLUG });
    const filed = await fileForm('anna.resumed@subject.test');
    expect(filed.status).toBe(201);
  });

  it('is deleted in two steps once suspended and archived: the plan, then its code; a change between them refuses the code', async () => {
    const deletions = new TenantDeletions(new TenantDb(h.db.owner), new AuditService());
    const actor = { userId: null, label: 'cli: tenants delete' };
    const [{ n: othersBefore }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM register_versions WHERE tenant_id <> $1`, [tenantId]);
    // Not suspended: refused.
    const first = await h.app.get(TenantArchives).write(SLUG, async () => undefined, actor);
    await expect(deletions.plan(SLUG, first.sha256, actor)).rejects.toThrow(/not suspended/);
    expect((await suspend(platform, { reason: 'Deleting after the archive' })).status).toBe(200);
    // An archive from before the suspension does not count; an unknown hash neither.
    await expect(deletions.plan(SLUG, first.sha256, actor)).rejects.toThrow(/before the suspension/);
    await expect(deletions.plan(SLUG, 'f'.repeat(64), actor)).rejects.toThrow(/no archive/);
    const archive = await h.app.get(TenantArchives).write(SLUG, async () => undefined, actor);

    const plan = await deletions.plan(SLUG, archive.sha256, actor);
    expect(plan.tables.at(-1)).toEqual({ table: 'tenants', rows: 1 });
    expect(plan.tables.find((t) => t.table === 'audit_log')!.rows).toBeGreaterThan(0);
    // Something changes after the plan (the worker's SLA sweep, say): its code no longer deletes anything.
    await insertOpenRequests(h.db.owner, tenantId, { count: 1, first: 9002, dueFrom: new Date(Date.now() + 20 * 24 * 3600_000), next: 'replan' });
    await expect(deletions.execute(SLUG, archive.sha256, plan.confirmation, actor)).rejects.toThrow(/changed since the plan/);
    expect(await h.db.owner.query(`SELECT 1 FROM tenants WHERE id = $1`, [tenantId])).toHaveLength(1);

    const again = await deletions.plan(SLUG, archive.sha256, actor);
    const done = await deletions.execute(SLUG, archive.sha256, again.confirmation, actor);
    expect(done.tables).toEqual(again.tables);
    for (const { table } of done.tables) {
      const [{ n }] = await h.db.owner.query(table === 'tenants' ? `SELECT count(*)::int AS n FROM tenants WHERE id = $1` : `SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
    const [{ n: othersAfter }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM register_versions WHERE tenant_id <> $1`, [tenantId]);
    expect(othersAfter).toBe(othersBefore);
    // Recorded in the platform's chain with the archive's hash, which still verifies.
    const [entry] = await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.deleted' ORDER BY seq DESC LIMIT 1`);
    expect(entry.details).toMatchObject({ slug: SLUG, tenantId, archiveSha256: archive.sha256 });
    expect(await h.app.get(AuditChainJobs).verify(null)).toMatchObject({ ok: true });
    // The API answers the deleted tenant as any unknown one.
    expect((await h.http().get(`/t/${SLUG}/?lang=lv`).set('X-Forwarded-For', '198.51.100.90')).status).toBe(404);
  });
});
