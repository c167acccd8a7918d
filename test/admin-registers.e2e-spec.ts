import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@regula/platform';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { postSection } from './support/register-form-fields';

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
 * unknown code as itself; a register by form (created from a template and
 * from nothing, edited a section at a time, retired with a reason).
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
    // Where, in words, what the error refuses, what is wrong (the code's title), on this English page the linter's message, then the code and path in small print.
    expect(res.text).toMatch(/<strong class="where">Register “[^”<]+”, security measures<\/strong> <span class="refuses">\(refuses saving\)<\/span> <span class="flag">this register<\/span><br>A list is empty; if nothing applies, state that there is none\.<br><span class="finding-detail">[^<]+<\/span><br><small><code lang="en" translate="no">empty-section<\/code> <code class="path" lang="en" translate="no">registers\[clients\]\.security<\/code><\/small>/);
    expect(textareaOf(res.text)).toBe(broken);
    expect(await versions('clients')).toEqual(before);

    // A recipient named only vaguely, planted: a legal error, which does not refuse saving but is counted as refusing publishing.
    const vague = structuredClone(def);
    vague.recipients[0].name = { lv: 'Partneri', en: 'Partners' };
    const ok = await c.post('/admin/t/inomedis/registers/clients/edit', { _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify(vague), intent: 'check' });
    expect(ok.status).toBe(200);
    expect(textOf(ok.text)).toContain('Checked: nothing prevents saving. Errors that refuse publishing a policy: 1. Nothing was saved.');
    expect(ok.text).toMatch(/<span class="refuses">\(refuses publishing\)<\/span> <span class="flag">this register<\/span><br>A recipient is named only vaguely\.<br><span class="finding-detail">[^<]*Partners[^<]*<\/span><br><small><code lang="en" translate="no">recipient-vague<\/code>/);
    // In Latvian: the title in Latvian, no English message; the code and path stay in code style on this edit page.
    const lvOk = await c.post('/admin/t/inomedis/registers/clients/edit?lang=lv', { _csrf: AdminClient.csrfOf(form.text), definition: JSON.stringify(vague), intent: 'check' });
    expect(lvOk.text).toMatch(/<br>Saņēmējs nosaukts tikai neskaidri\.<br><small><code lang="en" translate="no">recipient-vague<\/code>/);
    expect(lvOk.text).not.toContain('finding-detail');
  });

  it('a register\'s findings say where in words of the page language, what an error refuses, with the path in small print', async () => {
    const c = await signedInAdmin(h, 'auditor@ino.test');
    const en = await c.get('/admin/t/inomedis/registers/video-surveillance');
    expect(en.status).toBe(200);
    // The notice's vital interests for video surveillance: the basis was corrected, so a warning about the notice.
    expect(en.text).toMatch(/<strong>warning<\/strong>: <span class="where">Register “Office video surveillance”, purpose “Safety of persons at the office”, legal basis 1[^<]*<\/span><br>The controller&#x27;s notice cites vital interests for video surveillance or marketing\.<br><span class="finding-detail">[^<]*vital interests[^<]*<\/span><br><small><code lang="en" translate="no">notice-basis-unfit-for-purpose<\/code> <code class="path" lang="en" translate="no">registers\[video-surveillance\]\.purposes\[safety\]\.legalBases\[0\]\.citedInNotice<\/code><\/small>/);
    const lv = await c.get('/admin/t/inomedis/registers/video-surveillance?lang=lv');
    expect(lv.text).toMatch(/<span class="where">Reģistrs “Biroja videonovērošana”, nolūks “Personu drošība birojā”, tiesiskais pamats 1, kā norādīts paziņojumā<\/span><br>Pārziņa paziņojumā videonovērošanai vai mārketingam norādītas vitālas intereses\.<br><small>/);
    expect(lv.text).not.toContain('finding-detail');
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

  /**
   * A register by form (issue 17 §2): created from a template (every value
   * assumed) and from nothing (placeholders, unknown), edited a section at a
   * time (each save a new version, audited), a definition error refusing the
   * save with the finding beside its field (422, nothing saved), a publication
   * error saved beside its field and then blocking the policy draft, bad input
   * answered 400 naming the field (never 500), retired with a reason after a page
   * saying what will happen, another tenant's register 404. Before the REST tests,
   * which leave a register the schema cannot hold (every save lints the whole
   * controller). Inomedis publishes in Latvian and English.
   */
  describe('a register by form', () => {
    const T = '/admin/t/inomedis';
    /** One session for the block: signing in again and again would meet the sign-in rate limit of the suites after it. */
    let c: AdminClient;
    beforeAll(async () => {
      c = await signedInAdmin(h);
    });
    const versions = async (key: string): Promise<{ version: number; author: string; change_summary: string }[]> =>
      h.db.owner.query(`SELECT v.version, v.author, v.change_summary FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = $2 ORDER BY v.version`, [tenantId, key]);
    const current = async (key: string): Promise<Record<string, any>> =>
      (await h.db.owner.query(`SELECT v.definition FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = $2 AND v.is_current`, [tenantId, key]))[0].definition;
    const audit = async (action: string): Promise<{ details: Record<string, unknown> }[]> =>
      h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq`, [tenantId, action]);

    it('creates a register from a template: every value assumed, version 1, audited, at the end of the list', async () => {
      const list = await c.get(`${T}/registers`);
      expect(list.text).toContain(`href="${T}/registers/new"`);
      const form = await c.get(`${T}/registers/new`);
      expect(form.status).toBe(200);
      for (const key of ['customer-contracts', 'accounting', 'newsletter', 'website-analytics', 'video-surveillance', 'job-applicants', 'staff-payroll', 'supplier-contacts']) expect(form.text).toContain(`value="${key}"`);
      const res = await c.post(`${T}/registers/new`, { _csrf: AdminClient.csrfOf(form.text), key: 'newsletter-two', template: 'newsletter', 'name.en': '', 'name.lv': '' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${T}/registers/newsletter-two/sections?done=register-created`);
      const def = await current('newsletter-two');
      expect(def.name).toMatchObject({ en: 'Newsletter', lv: 'Jaunumu vēstule' });
      expect(def.purposes[0].ref[0]).toMatchObject({ source: 'GDPR', provenance: 'assumed' });
      expect(await versions('newsletter-two')).toEqual([expect.objectContaining({ version: 1, author: 'admin@ino.test (compliance-admin)', change_summary: 'Created from the template "Newsletter"' })]);
      expect((await audit('register.created')).at(-1)!.details).toMatchObject({ key: 'newsletter-two', version: 1, template: 'newsletter' });
      const positions: { key: string }[] = await h.db.owner.query(`SELECT key FROM registers WHERE tenant_id = $1 ORDER BY position DESC, key LIMIT 1`, [tenantId]);
      expect(positions).toEqual([{ key: 'newsletter-two' }]);
      expect(textOf((await c.get(`${T}/registers`)).text)).toMatch(/Newsletter \d+ /);
      const sections = await c.get(res.headers.location);
      expect(textOf(sections.text)).toContain('The register was created as version 1.');
      // The facts page lists the template's values for confirmation.
      expect(textOf((await c.get(`${T}/facts`)).text)).toContain('Jaunumu vēstule');
    });

    it('creates a register from nothing: placeholders marked unknown, the name given; refuses a bad or taken key', async () => {
      const form = await c.get(`${T}/registers/new`);
      const csrf = AdminClient.csrfOf(form.text);
      const bad = await c.post(`${T}/registers/new`, { _csrf: csrf, key: 'Bad Key!', template: 'blank', 'name.en': '' });
      expect(bad.status).toBe(400);
      expect(textOf(bad.text)).toContain('Use 1 to 100 lower-case letters');
      expect(textOf(bad.text)).toContain('This is needed.');
      expect(bad.text).toContain('id="n-key" name="key" value="Bad Key!"');
      const taken = await c.post(`${T}/registers/new`, { _csrf: csrf, key: 'clients', template: 'blank', 'name.en': 'Clients again' });
      expect(taken.status).toBe(409);
      expect(textOf(taken.text)).toContain('A register has this key already');
      const ok = await c.post(`${T}/registers/new`, { _csrf: csrf, key: 'suppliers', template: 'blank', 'name.en': 'Suppliers', 'name.lv': 'Piegādātāji' });
      expect(ok.status).toBe(303);
      const def = await current('suppliers');
      expect(def.name).toEqual({ en: 'Suppliers', lv: 'Piegādātāji' });
      expect(def.purposes[0].ref[0].provenance).toBe('unknown');
      // The placeholders refuse publishing (art13-unknown), beside the field: the purposes section says so.
      const purposes = await c.get(`${T}/registers/suppliers/sections/purposes`);
      expect(purposes.status).toBe(200);
      expect(purposes.text).toMatch(/<code lang="en" translate="no">art13-unknown<\/code>/);
    });

    it('edits a section by form: a new version, audited, the refs of untouched items kept, a new item stated by the person', async () => {
      const before = await current('newsletter-two');
      const res = await postSection(c, T, 'newsletter-two', 'subjects', (f) => {
        f['i.0.name.lv'] = 'Jaunumu abonenti';
        Object.assign(f, { 'i.1.kind': 'client', 'i.1.name.en': 'Customers who subscribed', 'i.1.name.lv': 'Klienti, kas abonējuši' });
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${T}/registers/newsletter-two/sections/subjects?done=register-saved`);
      const def = await current('newsletter-two');
      expect(def.subjects[0]).toEqual({ ...before.subjects[0], name: { ...before.subjects[0].name, lv: 'Jaunumu abonenti' } });
      expect(def.subjects[1]).toMatchObject({ id: 'customers-who-subscribed', kind: 'client', ref: [{ source: 'confirmation', note: 'entered in the register form' }] });
      expect((await versions('newsletter-two')).map((v) => [v.version, v.change_summary])).toEqual([[1, expect.any(String)], [2, 'Data subjects edited by form']]);
      expect((await audit('register.versioned')).at(-1)!.details).toMatchObject({ key: 'newsletter-two', version: 2 });
      // The same form again: nothing changed, no version.
      const again = await postSection(c, T, 'newsletter-two', 'subjects', () => undefined);
      expect(again.headers.location).toMatch(/done=register-unchanged$/);
    });

    it('a definition error refuses the save (422) with the finding beside its field; nothing is saved', async () => {
      const before = await versions('newsletter-two');
      const res = await postSection(c, T, 'newsletter-two', 'purposes', (f) => {
        f['i.0.categories'] = [];
      });
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain('Nothing was saved');
      // The finding sits inside the fieldset of the purpose's categories.
      const field = /<fieldset class="form-control ids-control[^"]*" id="f-i-0-categories"[\s\S]*?<\/fieldset>/.exec(res.text)![0];
      expect(field).toMatch(/class="finding finding-error"><strong>error<\/strong> \(refuses saving\): Purpose “[^”<]+”, data categories: a list is empty; if nothing applies, state that there is none\. <span class="finding-detail">[^<]*empty list/);
      expect(field).toContain('>empty-section</code>');
      expect(await versions('newsletter-two')).toEqual(before);
    });

    it('a publication error is saved and shown beside its field, and blocks the policy draft', async () => {
      const res = await postSection(c, T, 'newsletter-two', 'recipients', (f) => {
        Object.assign(f, { 'i.1.kind': 'controller', 'i.1.name.en': 'Partners', 'i.1.name.lv': 'Partneri' });
      });
      expect(res.status).toBe(303);
      const page = await c.get(res.headers.location);
      expect(textOf(page.text)).toContain('Saved. Errors that refuse publishing a policy remain');
      const field = /<fieldset class="form-control text-control[^"]*" id="f-i-1-name"[\s\S]*?<\/fieldset>/.exec(page.text)![0];
      expect(field).toMatch(/<strong>error<\/strong> \(refuses publishing\): Recipient “Partners”, name: a recipient is named only vaguely\. <span class="finding-detail">[^<]*Partners/);
      expect(field).toContain('>recipient-vague</code>');
      const draft = await c.submit(`${T}/policies`, `${T}/policies/drafts`, {});
      expect(draft.status).toBe(303);
      const policies = await c.get(`${T}/policies`);
      // The linter's error among the draft's problems, in words: where and what is wrong (in Latvian with no English message).
      expect(/<div id="problems">[\s\S]*?<\/table>/.exec(policies.text)![0]).toMatch(/<td>Register “[^”<]+”, recipient “Partners”, name: a recipient is named only vaguely\. [^<]*Partners/);
      const lvPolicies = await c.get(`${T}/policies?lang=lv`);
      expect(/<div id="problems">[\s\S]*?<\/table>/.exec(lvPolicies.text)![0]).toMatch(/<td>Reģistrs “[^”<]+”, saņēmējs “Partneri”, nosaukums: saņēmējs nosaukts tikai neskaidri\.<\/td>/);
      await c.get(`${T}/policies?lang=en`); // the session's language back to English for the tests that follow
    });

    it('answers bad input with 400 naming the field, never 500; an unknown section or register 404', async () => {
      const res = await postSection(c, T, 'newsletter-two', 'retention', (f) => {
        f['i.0.then.days'] = 'thirty';
        f['i.0.kind'] = 'forever';
      });
      expect(res.status).toBe(400);
      const text = textOf(res.text);
      expect(text).toContain('The form has errors: nothing was saved.');
      expect(text).toContain('Kind of rule: Choose one of the options given.');
      expect(text).toContain('Give whole numbers from 0 to 1000.');
      expect(res.text).toMatch(/<div class="field form-control field-error">\s*<label for="f-i-0-kind">/);
      const tampered = await postSection(c, T, 'newsletter-two', 'sources', (f) => {
        f['i.7.was'] = '7';
        f['i.0.description.en'] = 'x'.repeat(6000);
      });
      expect(tampered.status).toBe(400);
      expect(textOf(tampered.text)).toContain('This row no longer matches the register');
      expect(textOf(tampered.text)).toContain('This is too long.');
      const page = await c.get(`${T}/registers/newsletter-two/sections/overview`);
      expect((await c.post(`${T}/registers/newsletter-two/sections/nothing`, { _csrf: AdminClient.csrfOf(page.text) })).status).toBe(404);
      expect((await c.get(`${T}/registers/no-such/sections/overview`)).status).toBe(404);
      expect((await c.get(`${T}/registers/newsletter-two/sections/nothing`)).status).toBe(404);
    });

    it("another tenant's register answers 404; an auditor may not edit", async () => {
      const micro = await signedInAdmin(h, 'admin@micro.test');
      expect((await micro.get(`${T}/registers/newsletter-two/sections`)).status).toBe(404);
      expect((await micro.get('/admin/t/micromedic/registers/newsletter-two/sections/overview')).status).toBe(404);
      expect((await micro.get('/admin/t/micromedic/registers/newsletter-two/retire')).status).toBe(404);
      const auditor = await signedInAdmin(h, 'auditor@ino.test');
      expect((await auditor.get(`${T}/registers/new`)).status).toBe(403);
      expect((await auditor.get(`${T}/registers/clients/sections/purposes`)).status).toBe(403);
    });

    it('retires a register with a reason, after a page that says what will happen', async () => {
      const preview = await c.get(`${T}/registers/suppliers/retire`);
      expect(preview.status).toBe(200);
      const text = textOf(preview.text);
      expect(text).toContain('The register leaves the list of registers');
      expect(text).toContain('Its 1 version stays in the history');
      expect(text).toContain('0 records are stored under it');
      const empty = await c.post(`${T}/registers/suppliers/retire`, { _csrf: AdminClient.csrfOf(preview.text), reason: ' ' });
      expect(empty.status).toBe(400);
      expect(textOf(empty.text)).toContain('Give the reason, in at least 3 characters.');
      expect((await current('suppliers')).id).toBe('suppliers');
      const res = await c.post(`${T}/registers/suppliers/retire`, { _csrf: AdminClient.csrfOf(preview.text), reason: 'Suppliers are kept in the accounting register.' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${T}/registers/suppliers?done=register-retired`);
      const detail = await c.get(res.headers.location);
      expect(textOf(detail.text)).toContain('Reason for retiring Suppliers are kept in the accounting register.');
      expect(detail.text).not.toContain(`href="${T}/registers/suppliers/sections"`);
      expect((await audit('register.retired')).at(-1)!.details).toMatchObject({ key: 'suppliers', reason: 'Suppliers are kept in the accounting register.' });
      expect((await c.get(`${T}/registers`)).text).not.toContain(`href="${T}/registers/suppliers"`);
      expect((await c.get(`${T}/registers/suppliers/sections/overview`)).status).toBe(404);
      expect((await c.get(`${T}/registers/suppliers/retire`)).status).toBe(404);
    });
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
      // The linter's findings (if any) in Latvian too: a title, no English message.
      for (const m of lv.text.matchAll(/<li class="finding [^"]*">[\s\S]*?<\/li>/g)) expect(m[0]).not.toMatch(/<span lang="en">|finding-detail/);

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
