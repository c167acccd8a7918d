import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { seed000AsPublished } from '@regula/engine/linter/fixtures/seed-000.fixture';
import { QueueName } from '@regula/platform';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { insertRawTenant } from './support/raw-tenant';
import { createStaff } from './support/staff';
import { syncPublishable } from './support/publishable-tenant';

/**
 * The dashboard's privacy-policy pages on real PostgreSQL and Redis: a draft
 * made from the registers, its preview per language inside the dashboard,
 * publishing (version listed with its hash and the public links), refusal
 * when nothing changed or the registers changed after the draft (409), a
 * material version 2 announced at the top with a localised diff, the seed-000
 * notice refused with its problems listed (422), auditors read-only, other
 * tenants 404.
 */
describe('admin dashboard: privacy policies', () => {
  let h: Harness;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    ({ h } = await startDashboardApi());
    // Inomedis with the legal errors of its notice corrected, as the controller would before publishing.
    await syncPublishable(h.db.owner, 'inomedis');
    await h.app.get<Queue>(getQueueToken(QueueName.Policy)).obliterate({ force: true }).catch(() => undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  const draftIdOf = (html: string) => /name="draftId" value="([0-9a-f-]{36})"/.exec(html)![1];

  async function publishedCount(slug = 'inomedis'): Promise<number> {
    const [{ c }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM policy_versions v JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = $1 AND v.status = 'published'`, [slug]);
    return c;
  }

  /** Rewords the surveys purpose of Inomedis' marketing register through the registers API. */
  async function rewordSurveys(en: string, lv: string): Promise<void> {
    const token = await h.login('admin@ino.test');
    const reg = await h.http().get('/api/v1/tenants/inomedis/registers/marketing').set(auth(token));
    const def = reg.body.definition;
    const purposes = def.purposes.map((p: { id: string; description: object }) => (p.id === 'surveys-new-products' ? { ...p, description: { en, lv } } : p));
    const res = await h.http().put('/api/v1/tenants/inomedis/registers/marketing').set(auth(token)).send({ definition: { ...def, purposes }, changeSummary: 'Surveys reworded' });
    expect(res.status).toBe(200);
  }

  it('makes a draft from the registers, previews it in each language, publishes it as version 1', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const empty = await c.get('/admin/t/inomedis/policies');
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('<a href="/admin/t/inomedis/policies" aria-current="page">Privacy policies</a>');
    expect(textOf(empty.text)).toContain('No version has been published yet.');
    expect(textOf(empty.text)).toContain('There is no open draft.');

    const made = await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    expect(made.status).toBe(303);
    expect(made.headers.location).toBe('/admin/t/inomedis/policies?done=policy-drafted#draft');
    const page = await c.get('/admin/t/inomedis/policies?done=policy-drafted');
    const text = textOf(page.text);
    expect(text).toContain('A new draft was made from the registers.');
    expect(text).toContain('Nothing blocks publishing this draft.');
    expect(page.text).toContain('href="/admin/t/inomedis/policies/draft?text&#x3D;lv"');

    const en = await c.get('/admin/t/inomedis/policies/draft?text=en');
    expect(en.status).toBe(200);
    expect(en.text).toContain('<article class="privacy-notice" lang="en">');
    expect(en.text).toContain('<div class="policy-preview" lang="en">');
    const lv = await c.get('/admin/t/inomedis/policies/draft?text=lv&lang=lv');
    expect(lv.text).toContain('<article class="privacy-notice" lang="lv">');
    expect(textOf(lv.text)).toContain('Melnraksta priekšskatījums');

    const published = await c.post('/admin/t/inomedis/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: 'First version.', material: 'no', effectiveDate: '' });
    expect(published.status).toBe(303);
    expect(published.headers.location).toBe('/admin/t/inomedis/policies?done=policy-published#v-1');
    const after = await c.get('/admin/t/inomedis/policies?done=policy-published&lang=en');
    const rows = textOf(after.text);
    expect(rows).toContain('The policy was published.');
    expect(rows).toMatch(/1 in force .* No First version\. admin@ino\.test \(compliance-admin\) [0-9a-f]{64} Version 1: English Version 1: Latviešu/);
    expect(after.text).toContain('href="/t/inomedis/privacy/versions/1?lang&#x3D;lv"');
    expect(await publishedCount()).toBe(1);
    const [audit] = await h.db.owner.query(`SELECT actor FROM audit_log WHERE action = 'policy.published' ORDER BY seq DESC LIMIT 1`);
    expect(audit.actor).toBe('admin@ino.test (compliance-admin)');
  });

  it('publishing again without a change is refused (409) on the page, with the values typed', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const page = await c.get('/admin/t/inomedis/policies');
    const res = await c.post('/admin/t/inomedis/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: 'Nothing really', material: 'no', effectiveDate: '' });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toMatch(/Not published: nothing changed since version 1/);
    expect(res.text).toContain('>Nothing really</textarea>');
    expect(await publishedCount()).toBe(1);

    const invalid = await c.post('/admin/t/inomedis/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: '', material: '', effectiveDate: '2020-01-01' });
    expect(invalid.status).toBe(400);
    expect(textOf(invalid.text)).toMatch(/Please correct the form: .*changeSummary/);
  });

  it('refuses a draft made before the registers changed (409)', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const page = await c.get('/admin/t/inomedis/policies');
    await rewordSurveys('We ask for your opinion of new products.', 'Mēs jautājam jūsu viedokli par jauniem produktiem.');
    const res = await c.post('/admin/t/inomedis/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: 'Surveys', material: 'yes', effectiveDate: '' });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toMatch(/the registers changed after this draft was made/);
    expect(await publishedCount()).toBe(1);
  });

  it('a material version 2: announced at the top of the page, the diff shows the reworded words with localised labels', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await rewordSurveys("We ask for your opinion of new products and of our partners' products.", 'Mēs jautājam jūsu viedokli par jauniem produktiem un mūsu partneru produktiem.');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const page = await c.get('/admin/t/inomedis/policies');
    const res = await c.post('/admin/t/inomedis/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: "Surveys now also cover partners' products.", material: 'yes', effectiveDate: '' });
    expect(res.status).toBe(303);
    const list = await c.get('/admin/t/inomedis/policies');
    const text = textOf(list.text);
    expect(text.indexOf('Material change announced')).toBeLessThan(text.indexOf('Published versions'));
    expect(text).toMatch(/Version 2 took effect on .*: Surveys now also cover partners' products\./);
    expect(list.text).toContain('href="/admin/t/inomedis/policies/diff?from&#x3D;1&amp;to&#x3D;2"');

    const diff = await c.get('/admin/t/inomedis/policies/diff?from=1&to=2&text=en');
    expect(diff.status).toBe(200);
    expect(diff.text).toContain('<span class="visually-hidden">added: </span>');
    expect(diff.text).toMatch(/<ins>[^<]*(<span[^>]*>[^<]*<\/span>)?[^<]*partners/);
    const lv = await c.get('/admin/t/inomedis/policies/diff?from=1&to=2&text=lv&lang=lv');
    expect(lv.text).toContain('<span class="visually-hidden">pievienots: </span>');
    expect(textOf(lv.text)).toContain('Nemainīts');
    expect((await c.get('/admin/t/inomedis/policies/diff?from=1&to=9')).status).toBe(404);
  });

  it('seed 000: the draft lists its problems (code, section, language, message) and publishing is refused (422)', async () => {
    await insertRawTenant(h.db.owner, { ...seed000AsPublished(), slug: 'baltic-lasers-portal' });
    await createStaff(h.db.owner, 'admin@portal.test', { tenant: 'baltic-lasers-portal' });
    const c = await signedInAdmin(h, 'admin@portal.test');
    await c.submit('/admin/t/baltic-lasers-portal/policies', '/admin/t/baltic-lasers-portal/policies/drafts', {});
    const page = await c.get('/admin/t/baltic-lasers-portal/policies');
    const text = textOf(page.text);
    expect(text).toContain('What blocks publishing');
    expect(page.text).toMatch(/<tr><th scope="row"><code>empty-section<\/code><\/th><td><code>retention<\/code><\/td><td>[^<]+<\/td><td lang="en">[^<]+<\/td><\/tr>/);
    const res = await c.post('/admin/t/baltic-lasers-portal/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), changeSummary: 'Portal notice', material: 'no', effectiveDate: '' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(/The draft cannot be published: \d+ problem\(s\) listed below\./);
    expect(res.text).toContain('<a href="#problems" id="p-error">');
    expect(res.text).toContain('>Portal notice</textarea>');
    expect(await publishedCount('baltic-lasers-portal')).toBe(0);
  });

  it('auditors see the pages without forms and get 403 on the POSTs', async () => {
    expect((await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(await h.login('admin@ino.test')))).status).toBe(201);
    const c = await signedInAdmin(h, 'auditor@ino.test');
    const page = await c.get('/admin/t/inomedis/policies');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('action="/admin/t/inomedis/policies/drafts"');
    expect(page.text).not.toContain('action="/admin/t/inomedis/policies/publish"');
    expect((await c.get('/admin/t/inomedis/policies/draft?text=en')).status).toBe(200);
    expect((await c.get('/admin/t/inomedis/policies/diff?from=1&to=2')).status).toBe(200);
    const csrf = AdminClient.csrfOf(page.text);
    expect((await c.post('/admin/t/inomedis/policies/drafts', { _csrf: csrf })).status).toBe(403);
    const [draft] = await h.db.owner.query(`SELECT id FROM policy_versions WHERE status = 'draft' LIMIT 1`);
    const before = await publishedCount();
    expect((await c.post('/admin/t/inomedis/policies/publish', { _csrf: csrf, draftId: draft?.id ?? '00000000-0000-0000-0000-000000000000', changeSummary: 'x y z', material: 'no' })).status).toBe(403);
    expect(await publishedCount()).toBe(before);
  });

  it("another tenant's slug is 404", async () => {
    const c = await signedInAdmin(h, 'admin@micro.test');
    expect((await c.get('/admin/t/inomedis/policies')).status).toBe(404);
    expect((await c.get('/admin/t/inomedis/policies/draft')).status).toBe(404);
    const own = await c.get('/admin/t/micromedic/policies');
    expect(own.status).toBe(200);
    expect((await c.post('/admin/t/inomedis/policies/drafts', { _csrf: AdminClient.csrfOf(own.text) })).status).toBe(404);
  });
});
