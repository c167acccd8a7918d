import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { fulfilmentFixtures } from './support/fulfilment-fixtures';
import { createStaff } from './support/staff';

/**
 * The fulfilment preview in Chromium with JavaScript off (issue 14 §3): the
 * admin asks for the erasure's preview from the request page, reads per
 * register and source system what will be erased, what is kept under which
 * law until when, which systems are told, then confirms; a record ingested in
 * between shows in the result's difference. An objection to direct marketing
 * is previewed the same way (flags, consents withdrawn and from when, the
 * systems told), and a preview past its 24 hours offers no confirmation.
 * Screenshots: test-artifacts/screenshots/preview-*.png.
 */
describe('fulfilment preview in Chromium', () => {
  let h: Harness;
  let b: BrowserSession;
  const MM = 'medical-management';
  let tenantId: string;

  beforeAll(async () => {
    h = await startApi({}, { packageWorker: true });
    await createStaff(h.db.owner, 'admin@mm-preview.test', { tenant: MM });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [MM]);
    b = await openBrowser(h, { width: 1200, expectedErrorStatuses: [401, 404, 409] });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('previews an erasure, confirms it, and shows what differed', async () => {
    const f = fulfilmentFixtures(h.db.owner, () => tenantId);
    const tiit = await f.subject(MM, 'tiit.preview@example.ee', 'Tiit Tamm');
    await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'contract-history', value: { order: 'B-2' }, collectedAt: '2025-05-05T10:00:00Z' });
    await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Tiit Tamm' });
    await f.record(MM, tiit, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'tiit@example.ee' });
    await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'correspondence', value: 'complaint letter', legalHold: true });
    await f.consent(MM, tiit, 'direct-marketing', 'personalised-offers');
    const r = await f.request(MM, 'erasure', tiit);
    const { page, base } = b;

    await signInAdmin({ base, page }, 'admin@mm-preview.test', `/admin/t/${MM}/requests/${r.reference}`);
    expect(await page.textContent('form[action$="/fulfil-preview"] button[type="submit"]')).toBe('Preview what fulfilling will do');

    const before = await f.footprint(MM);
    await Promise.all([page.waitForURL(/\/previews\/[0-9a-f-]{36}$/), page.click('form[action$="/fulfil-preview"] button[type="submit"]')]);
    expect(await f.footprint(MM)).toEqual(before);
    expect(await page.textContent('h1')).toBe(`Preview: fulfilling request ${r.reference}`);
    const body = (await page.textContent('main'))!;
    expect(body).toContain('Kept under a legal obligation and restricted');
    expect(body).toMatch(/Estonian Accounting Act.*kept until 2032-12-31/);
    expect(body).toContain('Kept under a legal hold');
    expect(body).toContain('client-portal: record.erased, records: 1');
    expect(body).toContain('crm: consent.withdrawn, records: 1');
    expect(body).not.toContain('secret');
    await b.shot('preview-01-erasure-preview');
    // The same page in Estonian (one of the tenant's languages): the labels in the admin's language, the message in the requester's.
    const previewUrl = page.url();
    await page.goto(`${previewUrl}?lang=et`);
    expect(await page.textContent('h1')).toBe(`Eelvaade: päringu ${r.reference} täitmine`);
    expect(await page.textContent('main')).toContain('Säilitatakse seadusliku kohustuse alusel ja piiratakse');
    // register and category by their names in the admin's language
    expect(await page.textContent('main')).toContain('Kliendisuhete haldus');
    await b.shot('preview-01-erasure-preview-et');
    await page.goto(`${previewUrl}?lang=en`);

    // A record arrives from the CRM before the admin confirms.
    const late = await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'call-recordings', value: 'call.mp3' });
    await Promise.all([page.waitForURL(/done=fulfilled/), page.click('form[action$="/confirm"] button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe(`Fulfilment of request ${r.reference}: result and preview`);
    expect(await page.textContent('#h-difference')).toBe('What differs from the preview');
    expect(await page.textContent('main')).toContain(late.id);
    expect(await page.locator('form[action$="/confirm"]').count()).toBe(0);
    await b.shot('preview-02-erasure-result');

    await page.click('.breadcrumb a');
    await page.waitForURL(new RegExp(`/requests/${r.reference}$`));
    expect(await page.textContent('#state')).toBe('Completed');
    expect(await page.textContent('#h-plans')).toBe('Fulfilment previews and results');
    expect(await page.textContent('ul.plans')).toContain('the result differs from the preview');
    await b.shot('preview-03-request-page');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
  it('previews an objection to direct marketing (flags, consents, systems told); an expired preview cannot be confirmed, a new one is', async () => {
    const f = fulfilmentFixtures(h.db.owner, () => tenantId);
    const { page } = b;
    const anna = await f.subject(MM, 'anna.preview@example.ee', 'Anna Tamm');
    await f.record(MM, anna, { system: 'crm', register: 'direct-marketing', category: 'marketing-contact', value: { email: 'anna@example.ee' } });
    await f.consent(MM, anna, 'direct-marketing', 'personalised-offers');
    const r = await f.request(MM, 'objection-direct-marketing', anna);
    // Still signed in from the first test.
    await page.goto(`${b.base}/admin/t/${MM}/requests/${r.reference}?lang=en`);
    const before = await f.footprint(MM);
    await Promise.all([page.waitForURL(/\/previews\/[0-9a-f-]{36}$/), page.click('form[action$="/fulfil-preview"] button[type="submit"]')]);
    expect(await f.footprint(MM)).toEqual(before);
    const body = (await page.textContent('main'))!;
    expect(body).toContain('Objection recorded');
    expect(body).toContain('No direct marketing');
    expect(body).toContain('Everything the controller does');
    expect(body).toMatch(/Consent withdrawn\s*takes effect on \d{4}-\d{2}-\d{2}/);
    expect(body).toContain('crm: subject.objected, records: 1');
    expect(body).toContain('crm: consent.withdrawn, records: 1');
    await b.shot('preview-04-objection-preview');
    const previewUrl = page.url();
    await page.goto(`${previewUrl}?lang=et`);
    expect(await page.textContent('main')).toContain('Vastuväide registreeritakse');
    expect(await page.textContent('main')).toContain('Nõusolek võetakse tagasi');
    expect(await page.textContent('main')).toContain('Kogu vastutava töötleja tegevus');
    // the purposes by their names in the admin's language too
    expect(await page.textContent('main')).toContain('Võistlused, kampaaniad ja küsitlused');
    expect(await page.textContent('main')).not.toContain('direct-marketing:*:*');
    await b.shot('preview-04-objection-preview-et');

    // A day later the preview can no longer be confirmed: the page says so and has no form.
    await h.db.owner.query(`UPDATE request_fulfilment_plans SET previewed_at = previewed_at - interval '25 hours' WHERE id = $1`, [previewUrl.split('/').pop()]);
    await page.goto(`${previewUrl}?lang=en`);
    expect(await page.textContent('#preview-expired')).toContain('more than 24 hours old');
    expect(await page.locator('form[action$="/confirm"]').count()).toBe(0);
    await b.shot('preview-05-expired');
    await page.goto(`${b.base}/admin/t/${MM}/requests/${r.reference}?lang=en`);
    await Promise.all([page.waitForURL(/\/previews\/[0-9a-f-]{36}$/), page.click('form[action$="/fulfil-preview"] button[type="submit"]')]);
    await Promise.all([page.waitForURL(/done=fulfilled/), page.click('form[action$="/confirm"] button[type="submit"]')]);
    expect(await page.textContent('#difference-none')).toBe('Nothing: the result is what the preview showed.');
    expect((await f.one<{ state: string }>(`SELECT state FROM rights_requests WHERE id = $1`, [r.id])).state).toBe('completed');
    expect(b.problems).toEqual([]);
  });
});
