import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { seed000AsPublished } from '@regula/engine/testing';
import { QueueName } from '@regula/platform';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { insertRawTenant } from './support/raw-tenant';
import { createStaff } from './support/staff';
import { confirmFormOf, reviewAndPublish } from './support/policy-publish';

/**
 * The dashboard's privacy-policy pages on real PostgreSQL and Redis: a draft
 * made from the registers, its preview per language inside the dashboard,
 * publishing in two steps (review: who will be told, the proposed date; then
 * publish what was reviewed), a summary per language (a missing one named),
 * refusal when nothing changed, the registers or the draft changed after the
 * review (409), a
 * material version 2 announced at the top with a localised diff, the seed-000
 * notice refused with its problems listed (422), auditors read-only, other
 * tenants 404.
 */
describe('admin dashboard: privacy policies', () => {
  let h: Harness;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    ({ h } = await startDashboardApi());
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

    expect(page.text).toContain('<label for="p-summary-en">Change summary in English</label>');
    expect(page.text).toContain('<label for="p-summary-lv">Change summary in Latvian</label>');
    const lvPage = await c.get('/admin/t/inomedis/policies?lang=lv');
    expect(lvPage.text).toContain('<label for="p-summary-lv">Izmaiņu kopsavilkums (latviešu)</label>');
    await c.get('/admin/t/inomedis/policies?lang=en');

    const { review, publish: published } = await reviewAndPublish(c, 'inomedis', { summary: { en: 'First version.', lv: 'Pirmā versija.' }, material: 'no' });
    expect(review.status).toBe(200);
    const reviewed = textOf(review.text);
    expect(reviewed).toContain('Review before publishing');
    expect(reviewed).toContain('Nothing is published yet. Publishing version 1 would do this:');
    expect(reviewed).toContain('Banners None: only a material change after the first version is announced.');
    expect(reviewed).toContain('E-mails to account holders None: only a material change after the first version is e-mailed.');
    expect(published!.status).toBe(303);
    expect(published!.headers.location).toBe('/admin/t/inomedis/policies?done=policy-published#v-1');
    const after = await c.get('/admin/t/inomedis/policies?done=policy-published&lang=en');
    const rows = textOf(after.text);
    expect(rows).toContain('The policy was published.');
    expect(rows).toMatch(/1 in force .* No English First version\. Latvian Pirmā versija\. admin@ino\.test \(compliance-admin\) [0-9a-f]{64} Version 1: English Version 1: Latviešu/);
    expect(after.text).toContain('href="/t/inomedis/privacy/versions/1?lang&#x3D;lv"');
    expect(await publishedCount()).toBe(1);
    const [audit] = await h.db.owner.query(`SELECT actor FROM audit_log WHERE action = 'policy.published' ORDER BY seq DESC LIMIT 1`);
    expect(audit.actor).toBe('admin@ino.test (compliance-admin)');
  });

  it('the review says a draft reads exactly like the version in force, and offers no Publish; publishing it anyway is refused (409)', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const { review, confirm, publish } = await reviewAndPublish(c, 'inomedis', { summary: 'Nothing really', material: 'no' });
    expect(review.status).toBe(200);
    expect(textOf(review.text)).toContain('The draft reads exactly like version 1: there is nothing to publish.');
    expect(confirm).toBeNull();
    expect(publish).toBeNull();
    expect(review.text).toContain('>[lv] Nothing really</textarea>');

    const [draft] = await h.db.owner.query(`SELECT id, content_hash FROM policy_versions WHERE status = 'draft'`);
    const res = await c.post('/admin/t/inomedis/policies/publish', {
      _csrf: AdminClient.csrfOf(review.text), draftId: draft.id, draftHash: draft.content_hash, summary_en: 'Nothing really', summary_lv: 'Nekas īsti', material: 'no', effectiveDate: '',
    });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toMatch(/Not published: nothing changed since version 1/);
    expect(res.text).toContain('>Nekas īsti</textarea>');
    expect(await publishedCount()).toBe(1);
  });

  it('names each language without a summary in words, and publishing without the review is refused', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const page = await c.get('/admin/t/inomedis/policies');
    const invalid = await c.post('/admin/t/inomedis/policies/review', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), summary_en: 'Only English.', summary_lv: ' ', material: '', effectiveDate: '2020-13-01' });
    expect(invalid.status).toBe(400);
    const text = textOf(invalid.text);
    expect(text).toContain('Please correct the form; nothing was reviewed or published.');
    expect(text).toContain('The change summary in Latvian is missing.');
    expect(text).not.toContain('The change summary in English is missing.');
    expect(text).toContain('Say whether the change is material.');
    expect(text).toContain('The effective date must be a date (YYYY-MM-DD).');
    expect(invalid.text).toContain('>Only English.</textarea>');
    expect(confirmFormOf(invalid.text)).toBeNull();

    const lv = await c.post('/admin/t/inomedis/policies/review?lang=lv', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), summary_en: 'Only English.', summary_lv: '', material: 'no', effectiveDate: '' });
    expect(textOf(lv.text)).toContain('Trūkst izmaiņu kopsavilkuma valodā: latviešu.');

    const direct = await c.post('/admin/t/inomedis/policies/publish?lang=en', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), summary_en: 'Skipping the review', summary_lv: 'Bez pārskata', material: 'no', effectiveDate: '' });
    expect(direct.status).toBe(400);
    expect(textOf(direct.text)).toContain('Review the publication first: the Publish button comes with the review.');
    expect(await publishedCount()).toBe(1);
  });

  it('refuses what was reviewed when the registers changed after the draft, or the draft was replaced (409)', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await rewordSurveys('We ask for your opinion of new products (v1).', 'Mēs jautājam jūsu viedokli par jauniem produktiem (v1).');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const page = await c.get('/admin/t/inomedis/policies');
    const review = await c.post('/admin/t/inomedis/policies/review', { _csrf: AdminClient.csrfOf(page.text), draftId: draftIdOf(page.text), summary_en: 'Surveys', summary_lv: 'Aptaujas', material: 'yes', effectiveDate: '' });
    const confirm = confirmFormOf(review.text)!;
    expect(confirm).toMatchObject({ summary_en: 'Surveys', summary_lv: 'Aptaujas', material: 'yes' });
    expect(confirm.draftHash).toMatch(/^[0-9a-f]{64}$/);
    await rewordSurveys('We ask for your opinion of new products.', 'Mēs jautājam jūsu viedokli par jauniem produktiem.');
    const res = await c.post('/admin/t/inomedis/policies/publish', confirm);
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toMatch(/the registers changed after this draft was made/);

    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const replaced = await c.post('/admin/t/inomedis/policies/publish', confirm);
    expect(replaced.status).toBe(409);
    expect(textOf(replaced.text)).toContain('the draft was replaced after it was reviewed');
    expect(await publishedCount()).toBe(1);
  });

  it('a material version 2: announced at the top of the page, the diff shows the reworded words with localised labels', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    await rewordSurveys("We ask for your opinion of new products and of our partners' products.", 'Mēs jautājam jūsu viedokli par jauniem produktiem un mūsu partneru produktiem.');
    await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    const { review, confirm, publish: res } = await reviewAndPublish(c, 'inomedis', {
      summary: { en: "Surveys now also cover partners' products.", lv: 'Aptaujas tagad aptver arī partneru produktus.' },
      material: 'yes',
    });
    // The proposed date leaves the tenant's notice period (30 days by default) in Riga's calendar.
    const [{ proposed }] = await h.db.owner.query(`SELECT to_char((now() AT TIME ZONE 'Europe/Riga')::date + 30, 'YYYY-MM-DD') AS proposed`);
    expect(confirm!.effectiveDate).toBe(proposed);
    const reviewed = textOf(review.text);
    expect(reviewed).toContain('Notice period for material changes (days) 30');
    expect(reviewed).toMatch(/Banners On the public privacy pages, the sign-in page and the dashboard home, until /);
    expect(res!.status).toBe(303);
    const list = await c.get('/admin/t/inomedis/policies');
    const text = textOf(list.text);
    expect(text.indexOf('Material change announced')).toBeLessThan(text.indexOf('Published versions'));
    expect(text).toMatch(/Version 2 takes effect on .*: Surveys now also cover partners' products\./);
    // The announcement in the dashboard's language; the list of versions shows every language's summary, labelled.
    expect(text.slice(text.indexOf('Material change announced'), text.indexOf('Published versions'))).not.toContain('Aptaujas tagad');
    expect(text).toContain("English Surveys now also cover partners' products. Latvian Aptaujas tagad aptver arī partneru produktus.");
    const lvList = textOf((await c.get('/admin/t/inomedis/policies?lang=lv')).text);
    expect(lvList).toMatch(/Versija 2 stājas spēkā .*: Aptaujas tagad aptver arī partneru produktus\./);
    expect(list.text).toContain('href="/admin/t/inomedis/policies/diff?from&#x3D;1&amp;to&#x3D;2"');

    const diff = await c.get('/admin/t/inomedis/policies/diff?from=1&to=2&text=en&lang=en');
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
    const { review, confirm } = await reviewAndPublish(c, 'baltic-lasers-portal', { summary: 'Portal notice', material: 'no' });
    expect(textOf(review.text)).toMatch(/The draft cannot be published until its problems are fixed: \d+\./);
    expect(confirm).toBeNull();
    const [draft] = await h.db.owner.query(`SELECT v.id, v.content_hash, v.languages FROM policy_versions v JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = 'baltic-lasers-portal' AND v.status = 'draft'`);
    const fields = Object.fromEntries((draft.languages as string[]).map((l) => [`summary_${l}`, `[${l}] Portal notice`]));
    const res = await c.post('/admin/t/baltic-lasers-portal/policies/publish', { _csrf: AdminClient.csrfOf(page.text), draftId: draft.id, draftHash: draft.content_hash, ...fields, material: 'no', effectiveDate: '' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(/The draft cannot be published: \d+ problems listed below\./);
    expect(res.text).toContain('<a href="#problems" id="p-error">');
    expect(res.text).toContain('>[en] Portal notice</textarea>');
    expect(await publishedCount('baltic-lasers-portal')).toBe(0);
  });

  it('auditors see the pages without forms and get 403 on the POSTs', async () => {
    expect((await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(await h.login('admin@ino.test')))).status).toBe(201);
    const c = await signedInAdmin(h, 'auditor@ino.test');
    const page = await c.get('/admin/t/inomedis/policies');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('action="/admin/t/inomedis/policies/drafts"');
    expect(page.text).not.toContain('action="/admin/t/inomedis/policies/publish"');
    expect(page.text).not.toContain('action="/admin/t/inomedis/policies/review"');
    expect((await c.get('/admin/t/inomedis/policies/draft?text=en')).status).toBe(200);
    expect((await c.get('/admin/t/inomedis/policies/diff?from=1&to=2')).status).toBe(200);
    const csrf = AdminClient.csrfOf(page.text);
    expect((await c.post('/admin/t/inomedis/policies/drafts', { _csrf: csrf })).status).toBe(403);
    const [draft] = await h.db.owner.query(`SELECT id FROM policy_versions WHERE status = 'draft' LIMIT 1`);
    const before = await publishedCount();
    expect((await c.post('/admin/t/inomedis/policies/publish', { _csrf: csrf, draftId: draft?.id ?? '00000000-0000-0000-0000-000000000000', summary_en: 'x y z', material: 'no' })).status).toBe(403);
    expect((await c.post('/admin/t/inomedis/policies/review', { _csrf: csrf, draftId: draft?.id ?? '00000000-0000-0000-0000-000000000000', summary_en: 'x y z', material: 'no' })).status).toBe(403);
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
