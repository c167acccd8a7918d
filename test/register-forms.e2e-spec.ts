import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';

/**
 * A register by form (issue 17 §2) on real PostgreSQL and Redis, one API:
 * created from a template (every value assumed) and from nothing (placeholders,
 * unknown), edited a section at a time (each save a new version, audited), a
 * definition error refusing the save with the finding beside its field (422,
 * nothing saved), a publication error saved and shown beside its field and then
 * blocking the policy draft, bad input answered 400 naming the field (never 500),
 * retired with a reason after a page saying what will happen, and another
 * tenant's register answered 404. Inomedis publishes in Latvian and English.
 */
describe('admin dashboard: a register by form', () => {
  let h: Harness;
  let ino: string;
  const T = '/admin/t/inomedis';

  beforeAll(async () => {
    ({ h, ino } = await startDashboardApi());
  });
  afterAll(async () => {
    await h?.close();
  });

  const versions = async (key: string): Promise<{ version: number; author: string; change_summary: string }[]> =>
    h.db.owner.query(`SELECT v.version, v.author, v.change_summary FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = $2 ORDER BY v.version`, [ino, key]);
  const current = async (key: string): Promise<Record<string, any>> =>
    (await h.db.owner.query(`SELECT v.definition FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = $2 AND v.is_current`, [ino, key]))[0].definition;
  const audit = async (action: string): Promise<{ details: Record<string, unknown> }[]> =>
    h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq`, [ino, action]);

  /** The section form's fields as the page shows them (inputs, ticked boxes, chosen options, textareas), `_csrf` included. */
  function fieldsOf(html: string): Record<string, string | string[]> {
    const form = /<form method="post" action="[^"]*\/sections\/[^"]*"[\s\S]*?<\/form>/.exec(html)![0];
    const out: Record<string, string | string[]> = {};
    const put = (k: string, v: string) => {
      const was = out[k];
      out[k] = was === undefined ? v : Array.isArray(was) ? [...was, v] : [was, v];
    };
    const dec = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
    for (const m of form.matchAll(/<input ([^>]*)>/g)) {
      const a = m[1];
      const name = /name="([^"]*)"/.exec(a)?.[1];
      if (!name) continue;
      const type = /type="([^"]*)"/.exec(a)?.[1];
      const value = dec(/value="([^"]*)"/.exec(a)?.[1] ?? '');
      if ((type === 'checkbox' || type === 'radio') && !/ checked/.test(a)) continue;
      put(name, value);
    }
    for (const m of form.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) put(m[1], dec(m[2]));
    for (const m of form.matchAll(/<select [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) put(m[1], /<option value="([^"]*)" selected>/.exec(m[2])?.[1] ?? '');
    return out;
  }

  /** Posts a section form as the page filled it, changed by `edit`. */
  async function postSection(c: AdminClient, key: string, section: string, edit: (f: Record<string, string | string[]>) => void) {
    const page = await c.get(`${T}/registers/${key}/sections/${section}`);
    expect(page.status).toBe(200);
    const fields = fieldsOf(page.text);
    edit(fields);
    return c.post(`${T}/registers/${key}/sections/${section}`, fields as Record<string, string>);
  }

  it('creates a register from a template: every value assumed, version 1, audited, at the end of the list', async () => {
    const c = await signedInAdmin(h);
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
    const sections = await c.get(res.headers.location);
    expect(textOf(sections.text)).toContain('The register was created as version 1.');
    // The facts page lists the template's values for confirmation.
    expect(textOf((await c.get(`${T}/facts`)).text)).toContain('Jaunumu vēstule');
  });

  it('creates a register from nothing: placeholders marked unknown, the name given; refuses a bad or taken key', async () => {
    const c = await signedInAdmin(h);
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
    const c = await signedInAdmin(h);
    const before = await current('newsletter-two');
    const res = await postSection(c, 'newsletter-two', 'subjects', (f) => {
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
    const again = await postSection(c, 'newsletter-two', 'subjects', () => undefined);
    expect(again.headers.location).toMatch(/done=register-unchanged$/);
  });

  it('a definition error refuses the save (422) with the finding beside its field; nothing is saved', async () => {
    const c = await signedInAdmin(h);
    const before = await versions('newsletter-two');
    const res = await postSection(c, 'newsletter-two', 'purposes', (f) => {
      f['i.0.categories'] = [];
    });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Nothing was saved');
    // The finding sits inside the fieldset of the purpose's categories.
    const field = /<fieldset class="form-control ids-control[^"]*" id="f-i-0-categories"[\s\S]*?<\/fieldset>/.exec(res.text)![0];
    expect(field).toMatch(/class="finding finding-error"><strong>error<\/strong> \(refuses saving\): <span lang="en">[^<]*empty list/);
    expect(field).toContain('>empty-section</code>');
    expect(await versions('newsletter-two')).toEqual(before);
  });

  it('a publication error is saved and shown beside its field, and blocks the policy draft', async () => {
    const c = await signedInAdmin(h);
    const res = await postSection(c, 'newsletter-two', 'recipients', (f) => {
      Object.assign(f, { 'i.1.kind': 'controller', 'i.1.name.en': 'Partners', 'i.1.name.lv': 'Partneri' });
    });
    expect(res.status).toBe(303);
    const page = await c.get(res.headers.location);
    expect(textOf(page.text)).toContain('Saved. Errors that refuse publishing a policy remain');
    const field = /<fieldset class="form-control text-control[^"]*" id="f-i-1-name"[\s\S]*?<\/fieldset>/.exec(page.text)![0];
    expect(field).toMatch(/<strong>error<\/strong> \(refuses publishing\): <span lang="en">[^<]*Partners/);
    expect(field).toContain('>recipient-vague</code>');
    const draft = await c.submit(`${T}/policies`, `${T}/policies/drafts`, {});
    expect(draft.status).toBe(303);
    const policies = await c.get(`${T}/policies`);
    expect(/<div id="problems">[\s\S]*?<\/table>/.exec(policies.text)![0]).toContain('recipient-vague');
  });

  it('answers bad input with 400 naming the field, never 500; an unknown section or register 404', async () => {
    const c = await signedInAdmin(h);
    const res = await postSection(c, 'newsletter-two', 'retention', (f) => {
      f['i.0.then.days'] = 'thirty';
      f['i.0.kind'] = 'forever';
    });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    expect(text).toContain('The form has errors: nothing was saved.');
    expect(text).toContain('Kind of rule: Choose one of the options given.');
    expect(text).toContain('Give whole numbers from 0 to 1000.');
    expect(res.text).toMatch(/<div class="field form-control field-error">\s*<label for="f-i-0-kind">/);
    const tampered = await postSection(c, 'newsletter-two', 'sources', (f) => {
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
    const c = await signedInAdmin(h);
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
