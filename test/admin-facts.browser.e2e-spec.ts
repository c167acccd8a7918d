import { RegisterEditService, RegistersService } from '@regula/registers';
import type { Register } from '@regula/engine';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser } from './support/browser';
import { confirmAllFacts } from './support/demo-tenant';
import { createStaff } from './support/staff';

/**
 * "Never publish a guess", as a compliance admin lives it in Chromium (JavaScript
 * off): the draft names the facts nobody confirmed, each links to the "To
 * confirm" page; the admin keeps one with a note and states the other, then
 * reviews and publishes. Screenshots test-artifacts/screenshots/admin-facts-*.png.
 */
describe('admin dashboard in Chromium: facts to confirm, then publish', () => {
  let h: Harness;
  let b: BrowserSession;
  const paths = { basis: '', retention: '' };

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    await confirmAllFacts(h.db.owner, 'micromedic');
    // Two facts left for the admin: a basis Regula assumed and a retention period nobody stated.
    const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    const reg = structuredClone((await h.app.get(RegistersService).get(id, 'marketing'))!.definition) as unknown as Register;
    reg.purposes[0].legalBases[0].ref.push({ source: 'notice', provenance: 'assumed', note: 'basis chosen by Regula: the notice gives none for this purpose' });
    // A value changed since it was confirmed (as a sync would change it) is not covered by the old confirmation.
    reg.retention[0].description = { ...reg.retention[0].description, en: `${reg.retention[0].description.en} (period to be set)` };
    reg.retention[0].ref.push({ source: 'notice', provenance: 'unknown', note: 'the notice gives no period for marketing data' });
    await h.app.get(RegisterEditService).saveVersion(id, 'marketing', { definition: reg, changeSummary: 'two facts to confirm' }, { userId: null, label: 'test' });
    paths.basis = `registers[marketing].purposes[${reg.purposes[0].id}].legalBases[0]`;
    paths.retention = `registers[marketing].retention[${reg.retention[0].id}]`;
    b = await openBrowser(h, { width: 1200 });
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  const go = (path: string) => b.page.goto(`${b.base}${path}`);
  const anchor = (path: string) => `#fact-${path.replace(/[^A-Za-z0-9-]+/g, '-')}`;

  it('the draft names each unconfirmed fact and links to it', async () => {
    await go('/admin/login?next=%2Fadmin%2Ft%2Fmicromedic%2Fpolicies');
    await b.page.fill('#f-email', 'admin@micromedic.test');
    await b.page.fill('#f-password', 'correct horse battery staple');
    await Promise.all([b.page.waitForURL(/\/admin\/t\/micromedic\/policies$/), b.page.click('button[type="submit"]')]);
    await Promise.all([b.page.waitForURL(/done=policy-drafted/), b.page.click('button:text-is("Make a new draft")')]);
    const problems = await b.page.textContent('#problems');
    expect(problems).toContain(`${paths.basis} is assumed`);
    expect(problems).toContain(`${paths.retention} is unknown`);
    await b.shot('admin-facts-01-draft-blocked');
    await Promise.all([b.page.waitForURL(/\/facts#/), b.page.click(`#problems a[href$="${anchor(paths.basis)}"]`)]);
    expect(await b.page.textContent('h1')).toBe('Facts to confirm');
    expect(await b.page.textContent('#facts-count')).toContain('Facts waiting for confirmation: 2 (of them unknown, needing a value: 1).');
    await b.shot('admin-facts-02-list');
  });

  it('keeps the assumed basis with a note, and states the unknown period', async () => {
    const basis = b.page.locator(anchor(paths.basis));
    await basis.locator('textarea[name="note"]').fill('Agreed with the DPO: legitimate interest, balancing test on file.');
    await Promise.all([b.page.waitForURL(/done=fact-confirmed/), basis.locator('button[type="submit"]').click()]);
    expect(await b.page.textContent('.flash')).toContain('The fact was confirmed');
    expect(await b.page.textContent('#facts-count')).toContain('Facts waiting for confirmation: 1');

    const period = b.page.locator(anchor(paths.retention));
    await period.locator('textarea[name="note"]').fill('Period set by the marketing manager.');
    await period.locator('textarea[name="replacement"]').fill(JSON.stringify({ description: { en: 'Marketing data is kept for 2 years after the last contact.', sv: 'Marknadsföringsuppgifter sparas i 2 år efter senaste kontakten.' } }));
    await Promise.all([b.page.waitForURL(/done=fact-confirmed/), period.locator('button[type="submit"]').click()]);
    expect(await b.page.textContent('#facts-count')).toContain('Every fact a published text states is stated by the controller');
    await b.page.click('details.confirmed-list > summary');
    expect(await b.page.textContent('section[aria-labelledby="h-confirmed"]')).toContain('Agreed with the DPO');
    await b.shot('admin-facts-03-confirmed');
  });

  it('a new draft has nothing blocking it; reviewed and published, the stated period is in the policy', async () => {
    await go('/admin/t/micromedic/policies');
    await Promise.all([b.page.waitForURL(/done=policy-drafted/), b.page.click('button:text-is("Make a new draft")')]);
    expect(await b.page.textContent('#draft')).toContain('Nothing blocks publishing this draft.');
    await b.page.fill('#p-summary-sv', 'Första versionen.');
    await b.page.fill('#p-summary-en', 'First version.');
    await b.page.check('#p-material-no');
    await Promise.all([b.page.waitForURL(/\/policies\/review$/), b.page.click('button:text-is("Review")')]);
    await b.shot('admin-facts-04-review');
    await Promise.all([b.page.waitForURL(/done=policy-published/), b.page.click('#review button:text-is("Publish")')]);
    await b.shot('admin-facts-05-published');
    await go('/t/micromedic/privacy?lang=sv');
    expect(await b.page.textContent('main')).toContain('Marknadsföringsuppgifter sparas i 2 år efter senaste kontakten.');
    await b.shot('admin-facts-06-public-policy');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
