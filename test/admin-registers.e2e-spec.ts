import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@regula/platform';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';

/**
 * The dashboard's registers pages and the register edit API on real
 * PostgreSQL and Redis: the list with linter counts, a register's content in
 * the page language, "Check" (findings, nothing saved), "Save" refused while
 * the linter reports an error (nothing saved, the text typed shown again),
 * invalid JSON with its position, a valid edit as version N+1 (history, diff,
 * audit, retention recompute queued), auditors read-only, other tenants 404;
 * PUT /registers/:key (422 on a lint error, 200 with the new version) and
 * POST /registers/:key/lint; the schema's codes (recipient kinds, safeguards,
 * cookie categories...) in the page language with the code beside them, an
 * unknown code as itself.
 */
describe('admin dashboard: registers', () => {
  let h: Harness;
  let tenantId: string;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    ({ h, ino: tenantId } = await startDashboardApi());
    await h.app.get<Queue>(getQueueToken(QueueName.Retention)).obliterate({ force: true }).catch(() => undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function versions(key: string): Promise<{ version: number; is_current: boolean; valid_to: Date | null; author: string; change_summary: string }[]> {
    return h.db.owner.query(
      `SELECT v.version, v.is_current, v.valid_to, v.author, v.change_summary FROM register_versions v JOIN registers r ON r.id = v.register_id
        WHERE r.tenant_id = $1 AND r.key = $2 ORDER BY v.version`,
      [tenantId, key],
    );
  }

  async function current(key: string): Promise<Record<string, unknown>> {
    const [row] = await h.db.owner.query(
      `SELECT v.definition FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = $2 AND v.is_current`,
      [tenantId, key],
    );
    return row.definition;
  }

  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
  const textareaOf = (html: string) => decode(/<textarea id="r-definition"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]);

  it('lists every register with its version, author and linter counts, in the navigation', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/registers');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<a href="/admin/t/inomedis/registers" aria-current="page">Registers</a>');
    for (const key of ['clients', 'marketing', 'website', 'video-surveillance']) expect(page.text).toContain(`href="/admin/t/inomedis/registers/${key}"`);
    expect(textOf(page.text)).toMatch(/Errors Warnings Notes/);
    // The notice's narrowed rights (3) and the e-signature it demands for portability: corrected in the definition, warnings about the notice.
    expect(textOf(page.text)).toMatch(/Findings about the controller as a whole \(its notice, authority, rights\): errors: 0, warnings: \d+, notes: \d+\./);
    const lv = await c.get('/admin/t/inomedis/registers?lang=lv');
    expect(lv.text).toContain('<html lang="lv">');
    expect(textOf(lv.text)).toContain('Reģistri');
  });

  it("shows a register's whole content: purposes with legal bases, categories with flags, retention, security", async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/registers/clients');
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    for (const heading of ['Purposes and legal bases', 'Data subjects', 'Data categories', 'Sources', 'Recipients', 'Transfers outside the EEA', 'Retention rules', 'Security measures']) expect(text).toContain(heading);
    expect(text).toMatch(/Art\. 6\(1\)\(b\) – contract/);
    expect(page.text).toContain('href="/admin/t/inomedis/registers/clients/edit"');
    // In Latvian, texts the register has in Latvian are shown in Latvian; the headings too.
    const lv = await c.get('/admin/t/inomedis/registers/clients?lang=lv');
    expect(textOf(lv.text)).toContain('Nolūki un tiesiskie pamati');
  });

  it('"Check" shows the findings (errors with path and message) and saves nothing', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const form = await c.get('/admin/t/inomedis/registers/clients/edit');
    expect(form.status).toBe(200);
    const def = JSON.parse(textareaOf(form.text));
    expect(def.id).toBe('clients');
    const before = await versions('clients');
    const broken = JSON.stringify({ ...def, security: [] }, null, 2);
    const res = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: broken, changeSummary: '', intent: 'check', baseVersion: '1' });
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Linter findings');
    // Where, in words, what the error refuses, the English message, then the code and path in small print.
    expect(res.text).toMatch(/<strong class="where">Register “[^”<]+”, security measures<\/strong> <span class="refuses">\(refuses saving\)<\/span> <span class="flag">this register<\/span><br><span lang="en">[^<]+<\/span><br><small><code>empty-section<\/code> <code class="path">registers\[clients\]\.security<\/code><\/small>/);
    expect(textareaOf(res.text)).toBe(broken);
    expect(await versions('clients')).toEqual(before);

    // A recipient named only vaguely, planted: a legal error, which does not refuse saving but is counted as refusing publishing.
    const vague = structuredClone(def);
    vague.recipients[0].name = { lv: 'Partneri', en: 'Partners' };
    const ok = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify(vague), intent: 'check' });
    expect(ok.status).toBe(200);
    expect(textOf(ok.text)).toContain('Checked: nothing prevents saving. Errors that refuse publishing a policy: 1. Nothing was saved.');
    expect(ok.text).toMatch(/<span class="refuses">\(refuses publishing\)<\/span> <span class="flag">this register<\/span><br><span lang="en">[^<]*Partners[^<]*<\/span><br><small><code>recipient-vague<\/code>/);
  });

  it('a register\'s findings say where in words of the page language, what an error refuses, with the path in small print', async () => {
    const c = await signedInAdmin(h, 'auditor@ino.test');
    const en = await c.get('/admin/t/inomedis/registers/video-surveillance');
    expect(en.status).toBe(200);
    // The notice's vital interests for video surveillance: the basis was corrected, so a warning about the notice.
    expect(en.text).toMatch(/<strong>warning<\/strong>: <span class="where">Register “Office video surveillance”, purpose “Safety of persons at the office”, legal basis 1[^<]*<\/span><br><span lang="en">[^<]*vital interests[^<]*<\/span><br><small><code>notice-basis-unfit-for-purpose<\/code> <code class="path">registers\[video-surveillance\]\.purposes\[safety\]\.legalBases\[0\]\.citedInNotice<\/code><\/small>/);
    const lv = await c.get('/admin/t/inomedis/registers/video-surveillance?lang=lv');
    expect(lv.text).toMatch(/<span class="where">Reģistrs “Biroja videonovērošana”, nolūks “Personu drošība birojā”, tiesiskais pamats 1[^<]*<\/span>/);
  });

  it('"Save" with a linter error is refused (422): nothing saved, the findings and the typed text shown again', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const form = await c.get('/admin/t/inomedis/registers/clients/edit');
    const def = JSON.parse(textareaOf(form.text));
    const before = await versions('clients');
    const broken = JSON.stringify({ ...def, security: [] }, null, 2);
    const res = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: broken, changeSummary: 'Dropped the security measures', intent: 'save', baseVersion: '1' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<title>Error: /);
    expect(textOf(res.text)).toContain('Nothing was saved');
    expect(res.text).toContain('empty-section');
    expect(textareaOf(res.text)).toBe(broken);
    expect(res.text).toContain('value="Dropped the security measures"');
    expect(await versions('clients')).toEqual(before);
  });

  it('invalid JSON is answered with its line and column; a changed id is refused', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const form = await c.get('/admin/t/inomedis/registers/clients/edit');
    const bad = '{\n  "id": "clients",\n  "name": ,\n}';
    const res = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: bad, changeSummary: 'x', intent: 'save' });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toMatch(/This is not valid JSON at line 3, column 11/);
    expect(res.text).toContain('aria-invalid="true"');
    expect(textareaOf(res.text)).toBe(bad);

    const def = JSON.parse(textareaOf(form.text));
    const renamed = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify({ ...def, id: 'customers' }), changeSummary: 'Renamed', intent: 'save' });
    expect(renamed.status).toBe(400);
    expect(renamed.text).toMatch(/must be its key &quot;clients&quot;: a register cannot be renamed/);
  });

  it('a valid edit becomes version N+1: the old one closed, history and diff visible, audited; the same text again adds nothing', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const form = await c.get('/admin/t/inomedis/registers/marketing/edit');
    const def = JSON.parse(textareaOf(form.text));
    const n = (await versions('marketing')).length;
    const edited = { ...def, description: { ...def.description, en: 'Newsletters and offers to clients who agreed to receive them (edited).' } };
    const res = await c.post('/admin/t/inomedis/registers/marketing/edit', {
      _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify(edited, null, 2), changeSummary: 'Clearer description', intent: 'save', baseVersion: String(n),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/t/inomedis/registers/marketing/history?done=register-saved');

    const rows = await versions('marketing');
    expect(rows).toHaveLength(n + 1);
    expect(rows[n - 1]).toMatchObject({ is_current: false });
    expect(rows[n - 1].valid_to).not.toBeNull();
    expect(rows[n]).toMatchObject({ version: n + 1, is_current: true, valid_to: null, author: 'admin@ino.test (compliance-admin)', change_summary: 'Clearer description' });
    const [reg] = await h.db.owner.query(`SELECT current_version FROM registers WHERE tenant_id = $1 AND key = 'marketing'`, [tenantId]);
    expect(reg.current_version).toBe(n + 1);
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'register.versioned' ORDER BY seq DESC LIMIT 1`, [tenantId]);
    expect(audit.actor).toBe('admin@ino.test (compliance-admin)');
    expect(audit.details).toMatchObject({ key: 'marketing', version: n + 1, changeSummary: 'Clearer description', retentionChanged: false });

    const history = await c.get(res.headers.location);
    expect(history.status).toBe(200);
    const text = textOf(history.text);
    expect(text).toContain('The register was saved as a new version.');
    expect(text).toContain('Clearer description');
    expect(text).toMatch(new RegExp(`Version ${n} against version ${n + 1}: lines added: 1, lines removed: 1`));
    expect(history.text).toMatch(/<ins><span class="visually-hidden">added: <\/span>\+ +&quot;en&quot;: &quot;Newsletters and offers to clients who agreed to receive them \(edited\)\.&quot;/);
    expect(history.text).toMatch(/<del><span class="visually-hidden">removed: <\/span>- /);
    const detail = await c.get('/admin/t/inomedis/registers/marketing');
    expect(textOf(detail.text)).toContain('(edited)');

    const again = await c.submit('/admin/t/inomedis/registers/marketing/edit', '/admin/t/inomedis/registers/marketing/edit', { definition: JSON.stringify(edited), changeSummary: 'Same again', intent: 'save' });
    expect(again.status).toBe(303);
    expect(again.headers.location).toContain('done=register-unchanged');
    expect(await versions('marketing')).toHaveLength(n + 1);
  });

  it('an edit started from an older version is refused (409) when another was saved meanwhile', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const form = await c.get('/admin/t/inomedis/registers/marketing/edit');
    const def = JSON.parse(textareaOf(form.text));
    const res = await c.post('/admin/t/inomedis/registers/marketing/edit', {
      _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify({ ...def, location: { ...def.location, en: 'Somewhere else' } }), changeSummary: 'Stale edit', intent: 'save', baseVersion: '1',
    });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toMatch(/open the register again/);
  });

  it("the edit page alone allows the dashboard's own script; its lint endpoint answers JSON and saves nothing", async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const list = await c.get('/admin/t/inomedis/registers');
    expect(list.headers['content-security-policy']).not.toMatch(/script-src/);
    const form = await c.get('/admin/t/inomedis/registers/clients/edit');
    expect(form.headers['content-security-policy']).toMatch(/default-src 'none'.*; script-src 'self'; connect-src 'self'$/);
    const src = /<script src="([^"]+)" defer><\/script>/.exec(form.text)![1].replace(/&#x3D;/g, '=');
    expect(src).toMatch(/^\/admin\/assets\/admin-lint\.js\?v=[0-9a-f]{12}$/);
    const script = await h.http().get(src);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain('textContent');
    expect(script.text).not.toMatch(/innerHTML|eval\(/);

    const def = JSON.parse(textareaOf(form.text));
    const before = await versions('clients');
    const res = await c.post('/admin/t/inomedis/registers/clients/lint', { _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify({ ...def, security: [] }) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.counts.error).toBeGreaterThan(0);
    expect(res.body.groups[0].items[0]).toMatchObject({ code: 'empty-section', path: 'registers[clients].security', here: true });
    const bad = await c.post('/admin/t/inomedis/registers/clients/lint', { _csrf: AdminClient.csrfOf(form.text), definition: '{"id": ' });
    expect(bad.body.error).toMatch(/line 1, column 8/);
    expect(await versions('clients')).toEqual(before);
    expect((await c.post('/admin/t/inomedis/registers/clients/lint', { definition: '{}' })).status).toBe(403);
  });

  it('auditors see the pages but no forms, and get 403 on every POST', async () => {
    const c = await signedInAdmin(h, 'auditor@ino.test');
    const list = await c.get('/admin/t/inomedis/registers');
    expect(list.status).toBe(200);
    const detail = await c.get('/admin/t/inomedis/registers/clients');
    expect(detail.status).toBe(200);
    expect(detail.text).not.toContain('/edit"');
    const history = await c.get('/admin/t/inomedis/registers/clients/history');
    expect(history.status).toBe(200);
    expect(history.text).not.toMatch(/method="post" action="\/admin\/t\/inomedis\/registers/);
    expect((await c.get('/admin/t/inomedis/registers/clients/edit')).status).toBe(403);
    const before = await versions('clients');
    const post = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(list.text), definition: JSON.stringify(await current('clients')), changeSummary: 'by auditor', intent: 'save' });
    expect(post.status).toBe(403);
    const check = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(list.text), definition: '{}', intent: 'check' });
    expect(check.status).toBe(403);
    expect((await c.post('/admin/t/inomedis/registers/clients/lint', { _csrf: AdminClient.csrfOf(list.text), definition: '{}' })).status).toBe(403);
    expect(await versions('clients')).toEqual(before);
  });

  it("another tenant's slug or an unknown register key is 404", async () => {
    const c = await signedInAdmin(h, 'admin@micro.test');
    expect((await c.get('/admin/t/inomedis/registers')).status).toBe(404);
    expect((await c.get('/admin/t/inomedis/registers/clients')).status).toBe(404);
    expect((await c.get('/admin/t/micromedic/registers/clients')).status).toBe(404);
    expect((await c.get('/admin/t/micromedic/registers/NOT_A_KEY')).status).toBe(404);
    expect((await c.get('/admin/t/micromedic/registers/clients/history')).status).toBe(404);
    const list = await c.get('/admin/t/micromedic/registers');
    expect(list.status).toBe(200);
    const post = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(list.text), definition: '{}', intent: 'check' });
    expect(post.status).toBe(404);
  });

  describe('REST', () => {
    let token: string;
    let auditor: string;
    beforeAll(async () => {
      token = await h.login('admin@ino.test');
      auditor = await h.login('auditor@ino.test');
    });

    it('POST /registers/:key/lint returns the findings without saving', async () => {
      const def = await current('website');
      const before = await versions('website');
      const res = await h.http().post('/api/v1/tenants/inomedis/registers/website/lint').set(auth(token)).send({ definition: { ...def, security: [] } });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeGreaterThan(0);
      expect(res.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'empty-section', severity: 'error', path: 'registers[website].security' })]));
      expect(await versions('website')).toEqual(before);
      expect((await h.http().post('/api/v1/tenants/inomedis/registers/website/lint').set(auth(auditor)).send({ definition: def })).status).toBe(403);
    });

    it('PUT /registers/:key with a linter error is 422 with the findings; nothing saved', async () => {
      const def = await current('website');
      const before = await versions('website');
      const res = await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(token)).send({ definition: { ...def, security: [] }, changeSummary: 'broken' });
      expect(res.status).toBe(422);
      expect(res.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'empty-section' })]));
      expect(await versions('website')).toEqual(before);
    });

    it('PUT /registers/:key validates the body, refuses auditors and unknown keys', async () => {
      const def = await current('website');
      expect((await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(token)).send({ definition: 'x', changeSummary: 'ok ok' })).status).toBe(400);
      expect((await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(token)).send({ definition: def })).status).toBe(400);
      expect((await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(auditor)).send({ definition: def, changeSummary: 'auditor' })).status).toBe(403);
      expect((await h.http().put('/api/v1/tenants/inomedis/registers/nothing-here').set(auth(token)).send({ definition: { ...def, id: 'nothing-here' }, changeSummary: 'unknown' })).status).toBe(404);
      expect((await h.http().put('/api/v1/tenants/micromedic/registers/website').set(auth(token)).send({ definition: def, changeSummary: 'other tenant' })).status).toBe(404);
    });

    it('PUT /registers/:key with changed retention rules saves version N+1 and queues the recompute of its due dates', async () => {
      const def = (await current('website')) as { retention: { kind: string; period?: Record<string, number> }[] };
      const n = (await versions('website')).length;
      const retention = def.retention.map((r, i) => (i === 0 && r.kind === 'period' ? { ...r, period: { ...r.period, days: (r.period?.days ?? 0) + 1 } } : r));
      expect(retention).not.toEqual(def.retention);
      const res = await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(token)).send({ definition: { ...def, retention }, changeSummary: 'One more day', baseVersion: n });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'created', key: 'website', version: n + 1, retentionChanged: true });
      expect(await versions('website')).toHaveLength(n + 1);
      const job = await h.app.get<Queue>(getQueueToken(QueueName.Retention)).getJob(`retention-recompute-${tenantId}-website-v${n + 1}`);
      expect(job?.name).toBe('retention-recompute');
      expect(job?.data).toEqual({ tenantId, registerKey: 'website' });
      const history = await h.http().get('/api/v1/tenants/inomedis/registers/website/versions').set(auth(auditor));
      expect(history.body[0]).toMatchObject({ version: n + 1, changeSummary: 'One more day', author: 'admin@ino.test (compliance-admin)' });
    });
  });

  describe('codes of the schema in words', () => {
    /** `<code>` elements whose whole content is a code of the schema, with the markup just before them. */
    const SCHEMA_CODES = new Set([
      'processor', 'controller', 'joint-controller', 'authority', 'group-company', 'standard-contractual-clauses', 'adequacy-decision', 'unknown', 'third-country',
      'client', 'prospect', 'debtor', 'website-visitor', 'data-subject', 'browser-or-device', 'internal-system', 'technical', 'organisational',
      'encryption-in-transit', 'access-control', 'audit-log', 'strictly-necessary', 'preferences', 'statistics', 'marketing', 'exempt', 'consent',
      'local-storage', 'session-storage', 'not-required', 'planned', 'in-progress', 'done',
    ]);
    const bareCodes = (html: string) =>
      [...html.matchAll(/<code[^>]*>([^<]*)<\/code>/g)]
        .filter((m) => SCHEMA_CODES.has(m[1]) && !html.slice(0, m.index).endsWith('<small class="code-tag">'))
        .map((m) => html.slice(Math.max(0, m.index! - 40), m.index! + m[0].length));

    it('a register in Latvian shows recipient kinds and the transfer safeguard in words, the code beside them; no cell is a bare code', async () => {
      const token = await h.login('admin@ino.test');
      const def = (await current('website')) as { recipients: { id: string }[] };
      const n = (await versions('website')).length;
      const transfer = {
        id: 'analytics-us',
        recipients: [def.recipients[0].id],
        destination: { en: 'United States', lv: 'Amerikas Savienotās Valstis' },
        safeguard: 'standard-contractual-clauses',
        safeguardDetail: { en: 'Clauses signed with the analytics provider.', lv: 'Klauzulas parakstītas ar analītikas pakalpojumu sniedzēju.' },
        ref: [{ source: 'GDPR', at: 'Art. 46(2)(c)' }],
      };
      const put = await h.http().put('/api/v1/tenants/inomedis/registers/website').set(auth(token)).send({ definition: { ...def, transfers: [transfer] }, changeSummary: 'A transfer under SCCs', baseVersion: n });
      expect((put.body.findings ?? []).filter((f: { severity: string; kind: string }) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
      expect(put.status).toBe(200);

      const c = await signedInAdmin(h, 'auditor@ino.test');
      const lv = await c.get('/admin/t/inomedis/registers/website?lang=lv');
      expect(lv.status).toBe(200);
      const text = textOf(lv.text);
      // The recipient kinds, in the privacy policy's words, each with its code.
      expect(lv.text).toMatch(/apstrādātājs <small class="code-tag"><code lang="en" translate="no">processor<\/code><\/small>/);
      expect(lv.text).toMatch(/valsts iestāde <small class="code-tag"><code lang="en" translate="no">authority<\/code><\/small>/);
      // The safeguard in words (nominative of the policy's phrase), the code kept for the auditor.
      expect(text).toContain('Aizsardzības pasākums: Eiropas Komisijas standarta līguma klauzulas (VDAR 46. panta 2. punkta c) apakšpunkts) standard-contractual-clauses');
      expect(lv.text).toContain('<small class="code-tag"><code lang="en" translate="no">standard-contractual-clauses</code></small>');
      // Cookies: category, storage and basis in words; security measures; the DPIA's progress.
      expect(text).toMatch(/Nepieciešamās strictly-necessary/);
      expect(text).toMatch(/bez piekrišanas exempt/);
      expect(text).toMatch(/statuss: (nav nepieciešams|plānots|tiek veikts|veikts) /);
      expect(bareCodes('<li>(<code>processor</code>)</li>')).toHaveLength(1);
      expect(bareCodes(lv.text)).toEqual([]);
      expect(text).not.toMatch(/undefined|codes\./);
      // The linter's messages stay English, marked so.
      for (const m of lv.text.matchAll(/<li class="finding [^"]*">[\s\S]*?<\/li>/g)) expect(m[0]).toMatch(/<br><span lang="en">/);

      // Swedish and English pages of another tenant: the same, in their words.
      const sv = await (await signedInAdmin(h, 'admin@micro.test')).get('/admin/t/micromedic/registers/website-enquiries?lang=sv');
      expect(sv.status).toBe(200);
      expect(bareCodes(sv.text)).toEqual([]);
      expect(textOf(sv.text)).toMatch(/personuppgiftsbiträde processor|myndighet authority|koncernbolag group-company/);
      const en = await c.get('/admin/t/inomedis/registers/website?lang=en');
      expect(textOf(en.text)).toContain("Safeguard: the European Commission's standard contractual clauses (Art. 46(2)(c) GDPR) standard-contractual-clauses");
      expect(bareCodes(en.text)).toEqual([]);
    });

    it('a code the catalogue has no words for is shown as the code itself, never "undefined"', async () => {
      await h.db.owner.query(
        `UPDATE register_versions v SET definition = jsonb_set(jsonb_set(v.definition, '{recipients,0,kind}', '"sub-processor"'), '{transfers,0,safeguard}', '"eu-us-data-privacy-framework"')
          FROM registers r WHERE r.id = v.register_id AND r.tenant_id = $1 AND r.key = 'website' AND v.is_current`,
        [tenantId],
      );
      const c = await signedInAdmin(h, 'auditor@ino.test');
      const lv = await c.get('/admin/t/inomedis/registers/website?lang=lv');
      expect(lv.status).toBe(200);
      expect(lv.text).toMatch(/\(<code lang="en" translate="no">sub-processor<\/code>/);
      expect(lv.text).toContain('Aizsardzības pasākums: <code lang="en" translate="no">eu-us-data-privacy-framework</code>');
      expect(textOf(lv.text)).not.toMatch(/undefined/);
    });
  });
});
