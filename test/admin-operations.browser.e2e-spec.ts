import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser } from './support/browser';
import { loadDemoData } from './support/demo-tenant';
import { createStaff } from './support/staff';

/**
 * The dashboard's retention, consents, disclosures, breaches and outbox pages
 * in Debian's Chromium with JavaScript off: the admin signs in, opens each
 * page from the navigation, runs retention now, records a breach and sees its
 * 72-hour clock (and a late one flagged), filters consents and disclosures,
 * reads an e-mail; the pages load nothing from elsewhere and log no errors.
 * Screenshots: test-artifacts/screenshots/admin-<page>-*.png.
 */
describe('admin dashboard operations pages in Chromium', () => {
  let h: Harness;
  let b: BrowserSession;

  beforeAll(async () => {
    h = await startApi();
    const ino = await loadDemoData(h, 'inomedis');
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    const port = h.app.get<RequestsPort>(REQUESTS_PORT);
    await port.fileRequest(ino, { type: 'access', name: 'Anna Bērziņa', email: 'anna.berzina@example.lv', locale: 'lv', details: {} }, { ip: '198.51.100.7' });
    // A withdrawal whose effect was applied, and a consent a new policy version requires to be asked again.
    await h.db.owner.query(`UPDATE consents SET effect_applied_at = now() WHERE id = (SELECT id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL ORDER BY id LIMIT 1)`, [ino]);
    await h.db.owner.query(`UPDATE consents SET renewal_required_at = now(), renewal_policy_version = 2 WHERE id = (SELECT id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NULL ORDER BY id LIMIT 1)`, [ino]);
    b = await openBrowser(h, { width: 1200 });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  const open = async (label: string) => {
    await Promise.all([b.page.waitForLoadState(), b.page.click(`nav.admin-nav a:text-is("${label}")`)]);
    expect(await b.page.getAttribute('nav.admin-nav a[aria-current="page"]', 'href')).toMatch(/^\/admin\/t\/inomedis\//);
  };

  /** Submits with the keyboard (focus the button, Enter), as a keyboard user does. */
  const press = async (selector: string) => {
    await b.page.focus(selector);
    await b.page.keyboard.press('Enter');
  };

  it('signs in', async () => {
    await b.page.goto(`${b.base}/admin/login?next=${encodeURIComponent('/admin/t/inomedis')}`);
    await b.page.fill('#f-email', 'admin@inomedis.test');
    await b.page.fill('#f-password', 'correct horse battery staple');
    await Promise.all([b.page.waitForURL(/\/admin\/t\/inomedis$/), b.page.click('main button[type="submit"]')]);
  });

  it('retention: the schedule, run now, the run page, a legal hold', async () => {
    await open('Retention');
    expect(await b.page.textContent('h1')).toBe('Retention');
    expect(await b.page.locator('table.schedule').count()).toBeGreaterThan(3);
    await b.shot('admin-retention-overview');
    await Promise.all([b.page.waitForURL(/\/retention\/runs\/[0-9a-f-]{36}\?done=retention-started$/), b.page.click('form[action$="/retention/runs"] button')]);
    expect(await b.page.textContent('.flash')).toContain('A retention run was started');
    expect(await b.page.textContent('#run-status')).toBe('Running');
    await b.shot('admin-retention-run');
    const [{ id: record }] = await h.db.owner.query(`SELECT r.id FROM personal_data_records r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = 'inomedis' AND r.erased_at IS NULL ORDER BY r.id LIMIT 1`);
    await b.page.goto(`${b.base}/admin/t/inomedis/retention`);
    await b.page.fill('#place-record', record);
    await b.page.fill('#place-reason', 'Court case 2-26-1234 (Riga city court)');
    await Promise.all([b.page.waitForURL(/done=hold-placed/), b.page.click('form[action$="/holds/place"] button')]);
    expect(await b.page.textContent('table.holds')).toContain(record);
    await b.shot('admin-retention-hold');
  });

  it('consents: counts per purpose, the list with masked subjects, a status filter', async () => {
    await open('Consents');
    expect(await b.page.textContent('h1')).toBe('Consents and withdrawals');
    expect(await b.page.textContent('table.consents')).toMatch(/[a-z0-9]\*\*\*@example\.lv/);
    await b.shot('admin-consents-list');
    await b.page.selectOption('#f-status', 'renewal-required');
    await Promise.all([b.page.waitForURL(/status=renewal-required/), b.page.click('form.filters button[type="submit"]')]);
    expect(await b.page.textContent('table.consents')).toContain('required by policy version 2');
    await b.shot('admin-consents-renewal');
  });

  it('disclosures: the log, filtered by recipient', async () => {
    await open('Disclosures');
    expect(await b.page.textContent('h1')).toBe('Disclosure log');
    await b.shot('admin-disclosures-list');
    const value = await b.page.locator('#f-recipient option').nth(1).getAttribute('value');
    await b.page.selectOption('#f-recipient', value!);
    await Promise.all([b.page.waitForURL(/recipient=/), b.page.click('form.filters button[type="submit"]')]);
    expect(await b.page.locator('table.disclosures tbody tr').count()).toBeGreaterThan(0);
    await b.shot('admin-disclosures-filtered');
  });

  it('breaches: records one and sees the clock; a late one is flagged and needs the reasons', async () => {
    await open('Breaches');
    expect(await b.page.textContent('h1')).toBe('Breaches');
    await b.page.click('#record-breach');
    await b.page.fill('#b-new-title', 'Stolen laptop');
    await b.page.fill('#b-new-nature', 'A laptop with unencrypted client files was stolen from a car.');
    await b.page.fill('#b-new-data', 'Identification and contact data\nTreatment history');
    await b.page.fill('#b-new-subjects', 'Clients');
    await b.page.fill('#b-new-nsubjects', '120');
    await b.shot('admin-breaches-new');
    await Promise.all([b.page.waitForURL(/done=breach-recorded/), press('main form button[type="submit"]')]);
    expect(await b.page.textContent('#time-left')).toMatch(/^7[12] h \d{1,2} min left$/);
    expect(await b.page.getAttribute('#clock', 'class')).toContain('urgency-normal');
    await b.shot('admin-breaches-detail');

    // Known since four days: the 72 hours have passed.
    const aware = new Date(Date.now() - 96 * 3_600_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(aware).replace(' ', 'T');
    await b.page.goto(`${b.base}/admin/t/inomedis/breaches/new`);
    await b.page.fill('#b-new-title', 'Misdirected e-mail');
    await b.page.fill('#b-new-aware', local);
    await b.page.fill('#b-new-nature', 'An invoice was e-mailed to the wrong client.');
    await b.page.selectOption('#b-new-risk', 'risk');
    await b.page.fill('#b-new-reasoning', 'Billing data of one client.');
    await Promise.all([b.page.waitForURL(/done=breach-recorded/), press('main form button[type="submit"]')]);
    expect(await b.page.textContent('#time-left')).toMatch(/^Deadline passed 2[34] h \d{1,2} min ago$/);
    expect(await b.page.isVisible('#deadline-passed')).toBe(true);
    // The browser would stop an empty required field: the server's refusal is what is tested here.
    await b.page.evaluate('document.getElementById("b-auth-delay").removeAttribute("required")');
    await press('form[action$="/authority-notified"] button');
    await b.page.waitForSelector('.error-summary');
    expect(await b.page.textContent('#b-authority-notified-error')).toContain('delayReasons are required');
    await b.shot('admin-breaches-late');
    await b.page.fill('#b-auth-delay', 'The client told us only today.');
    await Promise.all([b.page.waitForURL(/done=breach-authority-notified/), press('form[action$="/authority-notified"] button')]);
    expect(await b.page.textContent('#time-left')).toContain('Authority notified after the 72 hours');
    await open('Breaches');
    expect(await b.page.locator('tbody tr').count()).toBe(2);
    await b.shot('admin-breaches-list');
  });

  it("outbox: the e-mails, and one e-mail's text and HTML", async () => {
    await open('Outbox');
    expect(await b.page.textContent('h1')).toBe('Outbox');
    expect(await b.page.textContent('table.outbox')).toContain('a***@example.lv');
    await b.shot('admin-outbox-list');
    await Promise.all([b.page.waitForURL(/\/outbox\/[0-9a-f-]{36}$/), b.page.click('table.outbox tbody tr:first-child a')]);
    expect(await b.page.textContent('#mail-to')).toBe('anna.berzina@example.lv');
    expect((await b.page.textContent('#mail-text'))!.length).toBeGreaterThan(20);
    expect(await b.page.locator('#mail-html p').count()).toBeGreaterThan(0);
    expect(await b.page.locator('iframe, #mail-html script, #mail-html img').count()).toBe(0);
    await b.shot('admin-outbox-email');
  });

  it('the pages in Latvian', async () => {
    await b.page.goto(`${b.base}/admin/t/inomedis/breaches?lang=lv`);
    expect(await b.page.textContent('h1')).toBe('Pārkāpumi');
    await b.shot('admin-breaches-list-lv');
    await b.page.goto(`${b.base}/admin/t/inomedis/retention?lang=en`);
  });

  it('loaded nothing from other origins and logged no errors (no CSP violations)', () => {
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
