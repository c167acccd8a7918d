import ExcelJS from 'exceljs';
import { AUDIT_ACTIONS, AuditService, AuditAction } from '@regula/audit';
import { csvRows } from '@regula/exports';
import { TenantDb } from '@regula/platform';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { tamperAuditEntry } from './support/audit-tamper';
import { createStaff } from './support/staff';

/**
 * The dashboard's audit log on real PostgreSQL: the chain verified at the top
 * of the page (intact, then BROKEN at the entry an owner tampered with, in
 * words), entries newest first in words (actors by name, actions by their
 * label in the page's language, objects by reference linked, no id on the page)
 * with filters, the filtered log as CSV and XLSX (audited), an entry's page with
 * its details escaped and its hashes, and who may see it: an auditor's menu
 * holds no Users and no Outbox, whose pages refuse them.
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
    expect(text).toContain('Signed in');
    expect(text).not.toContain('auth.login');
    expect(page.text).toContain('aria-current="page">Audit log<');
  });

  it('filters by action prefix, actor and period, and pages', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const logins = await c.get('/admin/t/inomedis/audit?action=auth.');
    const actions = [...logins.text.matchAll(/<td class="action">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Signed in']));
    const byActor = await c.get('/admin/t/inomedis/audit?actor=ADMIN%40INO');
    expect(textOf(byActor.text)).toContain('admin@ino.test');
    expect([...byActor.text.matchAll(/<td class="action">([^<]+)<\/td>/g)].map((m) => m[1])).not.toContain('Register created');
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

  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const actionCodes = (text: string) => AUDIT_ACTIONS.filter((code) => text.includes(code));
  const breach = {
    title: 'Lost laptop with client files',
    awareAt: '2026-03-02T10:00',
    occurredAt: '',
    nature: 'A staff laptop was stolen from a car.',
    dataCategories: 'Identification and contact data',
    subjectCategories: 'Clients',
    approxSubjects: '120',
    approxRecords: '',
    likelyConsequences: '',
    measures: 'Passwords changed.',
    dpoContact: '',
    risk: '',
    riskReasoning: '',
  };
  let breachRow: { id: string; reference: string };

  it('names people and objects in words: a member by name and e-mail, the breach by reference and title linked to it, no id on the page', async () => {
    await h.db.owner.query(`UPDATE users SET display_name = 'Anna Admin' WHERE email = 'admin@ino.test'`);
    const c = await signedInAdmin(h, 'admin@ino.test');
    const recorded = await c.submit('/admin/t/inomedis/breaches/new', '/admin/t/inomedis/breaches', breach);
    expect(recorded.status).toBe(303);
    [breachRow] = await h.db.owner.query(`SELECT id, reference FROM breaches WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1`, [tenantId]);
    const page = await c.get('/admin/t/inomedis/audit');
    const text = textOf(page.text);
    expect(text).not.toMatch(UUID);
    expect(actionCodes(text)).toEqual([]);
    const row = [...page.text.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1]).find((r) => r.includes('Breach recorded'))!;
    expect(row).toContain('<td class="actor">Anna Admin (admin@ino.test)</td>');
    expect(row).toContain(`<a href="/admin/t/inomedis/breaches/${breachRow.id}">Breach ${breachRow.reference}: Lost laptop with client files</a>`);
    // The entry's own page: in words first, the codes as recorded below.
    const seq = /<a href="\/admin\/t\/inomedis\/audit\/(\d+)"/.exec(row)![1];
    const entry = await c.get(`/admin/t/inomedis/audit/${seq}`);
    expect(entry.text).toContain('<dd id="entry-action">Breach recorded</dd>');
    expect(entry.text).toContain('<code id="entry-action-code">breach.recorded</code>');
  });

  it('in Latvian: every action by its Latvian label, the kinds of actor in Latvian, no code and no id', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const lv = await c.get('/admin/t/inomedis/audit?lang=lv');
    const text = textOf(lv.text);
    expect(text).toContain('Reģistrēts pārkāpums');
    expect(text).toContain('Pieteicās');
    expect(text).toContain(`Pārkāpums ${breachRow.reference}: Lost laptop with client files`);
    expect(text).not.toMatch(UUID);
    expect(actionCodes(text)).toEqual([]);
    expect(lv.text).toContain('<option value="kind:system">Sistēma</option>');
    expect(lv.text).toContain('<option value="breach.recorded">Reģistrēts pārkāpums</option>');
    await c.get('/admin/t/inomedis/audit?lang=en');
  });

  it('filters by actor (a member, or a kind of actor), by action and by period with a GET form: each narrows the list', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/audit');
    expect(page.text).toMatch(/<form method="get" action="\/admin\/t\/inomedis\/audit" class="filters audit-filters"/);
    expect(page.text).toContain('<option value="admin@ino.test">Anna Admin (admin@ino.test)</option>');
    const rows = (html: string) => [...html.matchAll(/<td class="actor">([^<]*)<\/td><td class="action">([^<]*)</g)].map((m) => ({ actor: m[1], action: m[2] }));
    const all = rows(page.text);
    const byAction = rows((await c.get('/admin/t/inomedis/audit?action=breach.recorded')).text);
    expect(byAction.length).toBe(1);
    expect(byAction[0]).toEqual({ actor: 'Anna Admin (admin@ino.test)', action: 'Breach recorded' });
    // An exact action: "Signed in" does not bring the failed sign-ins.
    const logins = rows((await c.get('/admin/t/inomedis/audit?action=auth.login')).text);
    expect(new Set(logins.map((r) => r.action))).toEqual(new Set(['Signed in']));
    const byMember = rows((await c.get('/admin/t/inomedis/audit?actor=admin%40ino.test')).text);
    expect(byMember.length).toBeGreaterThan(0);
    expect(byMember.length).toBeLessThan(all.length + 100);
    expect(byMember.every((r) => r.actor === 'Anna Admin (admin@ino.test)')).toBe(true);
    const system = await c.get('/admin/t/inomedis/audit?actor=kind%3Asystem');
    expect(system.text).toContain('<option value="kind:system" selected>System</option>');
    expect(rows(system.text).every((r) => r.actor === 'System')).toBe(true);
    expect(textOf((await c.get('/admin/t/inomedis/audit?from=2099-01-01')).text)).toContain('No entries match.');
    expect(textOf((await c.get('/admin/t/inomedis/audit?to=2000-01-01')).text)).toContain('No entries match.');
  });

  it('exports the filtered log as CSV and XLSX, in the page language, with the same words as the page; each export audited', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/audit?action=breach.recorded');
    const links = [...page.text.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
    expect(links).toEqual(['/admin/t/inomedis/audit/export?action=breach.recorded&format=csv', '/admin/t/inomedis/audit/export?action=breach.recorded&format=xlsx']);
    const csv = await c.get(links[0]);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="inomedis-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csvRows(csv.text.replace(/^\uFEFF/, ''));
    expect(header).toEqual(['Entry', 'When', 'Actor', 'Action', 'Object']);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(2)).toEqual(['Anna Admin (admin@ino.test)', 'Breach recorded', `Breach ${breachRow.reference}: Lost laptop with client files`]);
    expect(rows[0][1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(csv.text).not.toMatch(UUID);
    const [created] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'export.created' ORDER BY seq DESC LIMIT 1`, [tenantId]);
    expect(created).toMatchObject({ actor: 'admin@ino.test (compliance-admin)', details: { export: 'audit-log', format: 'csv', lang: 'en', rows: 1, filters: { action: 'breach.recorded' } } });

    // XLSX, in Latvian: the whole log (no filter), headings and labels in Latvian.
    await c.get('/admin/t/inomedis/audit?lang=lv');
    const xlsx = await h.http().get('/admin/t/inomedis/audit/export?format=xlsx').set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect([xlsx.status, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Audita žurnāls');
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map(String));
    expect(values[0]).toEqual(['Ieraksts', 'Kad', 'Izpildītājs', 'Darbība', 'Objekts']);
    expect(values.some((r) => r[3] === 'Reģistrēts pārkāpums' && r[4] === `Pārkāpums ${breachRow.reference}: Lost laptop with client files`)).toBe(true);
    expect(values.some((r) => r[3] === 'Pieteicās')).toBe(true);
    expect(JSON.stringify(values)).not.toMatch(UUID);
    const [{ n }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'export.created' AND details->>'export' = 'audit-log' AND details->>'format' = 'xlsx' AND details->>'lang' = 'lv'`, [tenantId]);
    expect(n).toBe(1);
    await c.get('/admin/t/inomedis/audit?lang=en');
    expect((await c.get('/admin/t/inomedis/audit/export?format=pdf')).status).toBe(400);
  });

  it("an auditor's menu holds what an auditor reads: the audit log, no Users, no Outbox (their pages 403)", async () => {
    const auditor: AdminClient = await signedInAdmin(h, 'auditor@ino.test');
    const home = await auditor.get('/admin/t/inomedis');
    expect(home.text).toContain('href="/admin/t/inomedis/audit"');
    expect(home.text).not.toContain('href="/admin/t/inomedis/users"');
    expect(home.text).not.toContain('href="/admin/t/inomedis/outbox"');
    for (const path of ['/admin/t/inomedis/users', '/admin/t/inomedis/outbox']) {
      const res = await auditor.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const audit = await auditor.get('/admin/t/inomedis/audit');
    expect(textOf(audit.text)).not.toMatch(UUID);
    // No link to a page the auditor cannot open (members' pages need users:manage).
    expect(audit.text).not.toContain('href="/admin/t/inomedis/users/');
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
