import { AuditService, AuditAction } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { Harness } from './support/api-harness';
import { textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { tamperAuditEntry } from './support/audit-tamper';
import { createStaff } from './support/staff';

/**
 * The dashboard's audit log on real PostgreSQL: the chain verified at the top
 * of the page (intact, then BROKEN at the entry an owner tampered with, in
 * words), entries newest first with filters, an entry's page with its details
 * escaped and its hashes, and who may see it.
 */
describe('admin dashboard: audit log', () => {
  let h: Harness;
  let tenantId: string;

  beforeAll(async () => {
    ({ h, ino: tenantId } = await startDashboardApi());
    await createStaff(h.db.owner, 'reader@ino.test', { tenant: 'inomedis', role: 'auditor', permissions: ['tenant:read', 'requests:read'] });
  });
  afterAll(() => h?.close());

  async function lastSeq(): Promise<number> {
    const [{ s }] = await h.db.owner.query(`SELECT max(seq)::int AS s FROM audit_log WHERE tenant_id = $1`, [tenantId]);
    return s;
  }

  it('shows the chain intact at the top, and the entries newest first', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/audit');
    expect(page.status).toBe(200);
    const seq = await lastSeq();
    const text = textOf(page.text);
    expect(text).toMatch(new RegExp(`Chain intact: ${seq} entries verified up to #${seq} at \\d`));
    expect(page.text).toContain('class="chain chain-ok" id="chain" role="status"');
    const seqs = [...page.text.matchAll(/<th scope="row"><a href="\/admin\/t\/inomedis\/audit\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(seqs[0]).toBe(seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(text).toContain('auth.login');
    expect(page.text).toContain('aria-current="page">Audit log<');
  });

  it('filters by action prefix, actor and period, and pages', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const logins = await c.get('/admin/t/inomedis/audit?action=auth.');
    const actions = [...logins.text.matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('auth.'))).toBe(true);
    const byActor = await c.get('/admin/t/inomedis/audit?actor=ADMIN%40INO');
    expect(textOf(byActor.text)).toContain('admin@ino.test');
    expect(textOf(byActor.text)).not.toContain('register.created');
    const future = await c.get('/admin/t/inomedis/audit?from=2099-01-01&to=2099-12-31');
    expect(textOf(future.text)).toContain('No entries match.');
    // A LIKE wildcard is taken literally ("auth_" would match "auth." otherwise).
    expect(textOf((await c.get('/admin/t/inomedis/audit?action=auth_')).text)).toContain('No entries match.');
    // Paging: 50 a page, older entries behind the "Older entries" link, filters kept.
    const db = h.app.get(TenantDb);
    const audit = h.app.get(AuditService);
    await db.forTenant(tenantId, async (em) => {
      for (let i = 0; i < 55; i++) await audit.append(em, { tenantId, actorId: null, actor: 'cli: bulk', action: 'test.bulk' as AuditAction, details: { i } });
    });
    const seq = await lastSeq();
    const first = await c.get('/admin/t/inomedis/audit');
    expect(first.text).toContain('href="/admin/t/inomedis/audit?page&#x3D;2" rel="next"');
    const second = await c.get('/admin/t/inomedis/audit?page=2');
    expect(second.text).toContain(`href="/admin/t/inomedis/audit/${seq - 50}"`);
    expect(second.text).not.toContain(`href="/admin/t/inomedis/audit/${seq - 49}"`);
    expect(second.text).toContain('href="/admin/t/inomedis/audit" rel="prev"');
    const bulk = await c.get('/admin/t/inomedis/audit?action=test.bulk');
    expect(textOf(bulk.text)).toContain('Page 1 of 2 (55 entries)');
    expect(bulk.text).toContain('href="/admin/t/inomedis/audit?action&#x3D;test.bulk&amp;page&#x3D;2" rel="next"');
  });

  it('shows an entry: details as indented JSON, escaped; hash and previous hash, both checks passing', async () => {
    const db = h.app.get(TenantDb);
    const audit = h.app.get(AuditService);
    await db.forTenant(tenantId, (em) =>
      audit.append(em, { tenantId, actorId: null, actor: 'test <actor>', action: 'test.escaping' as AuditAction, details: { note: '<script>alert(1)</script>', nested: { a: 1 } } }),
    );
    // The entry joined the chain at the commit: the chain's head now.
    const [entry]: { seq: string; hash: string; prevHash: string }[] = await h.db.owner.query(
      `SELECT seq, hash, prev_hash AS "prevHash" FROM audit_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`,
      [tenantId],
    );
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get(`/admin/t/inomedis/audit/${entry.seq}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('&quot;nested&quot;: {\n    &quot;a&quot;: 1\n  }');
    expect(page.text).toContain(`<code id="entry-hash">${entry.hash}</code>`);
    expect(page.text).toContain(`<code id="entry-prev-hash">${entry.prevHash}</code>`);
    expect(page.text).toMatch(/class="check-ok" id="check-hash">The hash matches the entry&#x27;s content\./);
    expect(page.text).toMatch(/class="check-ok" id="check-link">/);
    expect(page.text).toContain(`href="/admin/t/inomedis/audit/${Number(entry.seq) - 1}" rel="prev"`);
    expect((await c.get('/admin/t/inomedis/audit/999999')).status).toBe(404);
    expect((await c.get('/admin/t/inomedis/audit/abc')).status).toBe(404);
  });

  it('auditors read it; a member without audit:read gets 403 and no menu entry; another tenant gets 404', async () => {
    const auditor = await signedInAdmin(h, 'auditor@ino.test');
    expect((await auditor.get('/admin/t/inomedis/audit')).status).toBe(200);
    const reader = await signedInAdmin(h, 'reader@ino.test');
    const home = await reader.get('/admin/t/inomedis');
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('href="/admin/t/inomedis/audit"');
    expect((await reader.get('/admin/t/inomedis/audit')).status).toBe(403);
    const micro = await signedInAdmin(h, 'admin@micro.test');
    expect((await micro.get('/admin/t/inomedis/audit')).status).toBe(404);
    expect((await micro.get('/admin/t/inomedis/audit/1')).status).toBe(404);
  });

  it('shows BROKEN at the entry the owner tampered with, in red, with the reason in words', async () => {
    await tamperAuditEntry(h.db.owner, tenantId, 3, `details = '{"forged": true}'`);
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/audit');
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="chain chain-broken" id="chain" role="alert"');
    const text = textOf(page.text);
    expect(text).toContain('BROKEN at entry #3: its content no longer matches its hash (it was changed after it was written).');
    expect(text).not.toContain('Chain intact');
    expect(page.text).toContain('href="/admin/t/inomedis/audit/3">at entry #3');
    const entry = await c.get('/admin/t/inomedis/audit/3');
    expect(entry.text).toMatch(/class="check-bad" id="check-hash">The hash does NOT match/);
    expect(entry.text).toContain('&quot;forged&quot;: true');
  });
});
