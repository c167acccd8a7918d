import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, focusRing, openBrowser, tabTo } from './support/browser';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { TempFolders } from './support/temp-folders';

/**
 * The compliance admin's dashboard in Debian's Chromium with JavaScript off
 * (as the public pages' browser test): a data subject files an access request
 * on Micromedic's public page and uploads the signed document; the admin signs
 * in with the keyboard, finds the request in the queue, opens the document,
 * confirms the identity and fulfils the request; the subject's status page
 * shows the result. An admin editing the URL to another tenant's slug or
 * request gets the 404 page. A screenshot of every dashboard page is kept in
 * test-artifacts/screenshots/admin-*.png.
 */
describe('admin dashboard in Chromium', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let b: BrowserSession;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  let uploads: string;
  let docs: string;
  let foreign: string[];
  let problems: string[];
  const folders = new TempFolders('regula-admin-browser-');

  beforeAll(async () => {
    uploads = folders.make('uploads');
    docs = folders.make('docs');
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, SMTP_URL: mailbox.smtpUrl }, { packageWorker: true });
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    // Error pages (401, 404, 409) log "Failed to load resource": expected. Anything else is a problem.
    b = await openBrowser(h, { width: 1200, expectedErrorStatuses: [400, 401, 404, 409] });
    ({ base, ctx, page, foreign, problems } = b);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    await mailbox?.close();
    folders.removeAll();
  });

  async function shot(name: string): Promise<void> {
    await b.shot(`admin-${name}`);
  }

  let reference: string;
  let statusUrl: string;

  it('the subject files an access request on the public page and uploads the signed document', async () => {
    await page.goto(`${base}/t/micromedic/request/access?lang=en`);
    await page.fill('#f-name', 'Sven Svensson');
    await page.fill('#f-email', 'sven.svensson@example.se');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#reference');
    reference = (await page.textContent('#reference'))!.trim();
    await page.fill('#f-code', await mailbox.code(h, reference));
    await Promise.all([page.waitForURL(/token=/), page.click('.inline-form button[type="submit"]')]);
    statusUrl = page.url();
    const file = path.join(docs, 'signed-request.pdf');
    writeFileSync(file, pdf());
    await page.setInputFiles('#f-document', file);
    await Promise.all([page.waitForURL(/uploaded=1/), page.click('button:text-is("Upload")')]);
    statusUrl = page.url().replace(/([?&])uploaded=1&?/, '$1').replace(/[?&]$/, '');
  });

  it('an unauthenticated visit goes to the sign-in page; a wrong password shows the generic error', async () => {
    await page.goto(`${base}/admin/t/micromedic/requests`);
    expect(page.url()).toBe(`${base}/admin/login?next=${encodeURIComponent('/admin/t/micromedic/requests')}`);
    await shot('01-login');
    await page.fill('#f-email', 'admin@micromedic.test');
    await page.fill('#f-password', 'not the password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Error:/);
    expect(await page.textContent('.error-summary')).toContain('The e-mail address or the password is not correct.');
    await shot('02-login-error');
  });

  it('the admin signs in with the keyboard (skip link first, visible focus) and lands on the queue', async () => {
    await page.goto(`${base}/admin/login?next=${encodeURIComponent('/admin/t/micromedic/requests')}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    expect(await focusRing(page)).not.toBe('none 0px none');
    await tabTo(page, '#f-email', 80);
    expect(await focusRing(page)).toMatch(/solid 3px/);
    await page.keyboard.type('admin@micromedic.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await Promise.all([page.waitForURL(/\/admin\/t\/micromedic\/requests$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Rights requests');
    expect(await page.getAttribute('nav.admin-nav a[aria-current="page"]', 'href')).toBe('/admin/t/micromedic/requests');
    const row = page.locator(`tr:has(a:text-is("${reference}"))`);
    expect(await row.count()).toBe(1);
    // The signed document arrived (uploaded): the clock runs again at once, before the admin has checked it (issue 14 §2).
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^\d+ days left$/);
    await shot('03-queue');
  });

  it('the queue marks overdue (with the word) and due-soon rows', async () => {
    const port = h.app.get<RequestsPort>(REQUESTS_PORT);
    const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    for (const [i, days] of [[1, -4], [2, 1], [3, 5]] as const) {
      const filed = await port.fileRequest(tenantId, { type: 'erasure', name: `Kund ${i}`, email: `kund.${i}@example.se`, locale: 'sv', details: {} }, { ip: `198.51.100.${i}` });
      await port.verifyEmail(tenantId, filed.request.reference, await mailbox.code(h, filed.request.reference), { ip: `198.51.100.${i}` });
      await h.db.owner.query(`UPDATE rights_requests SET due_at = now() + make_interval(days => $2), due_date = (now() + make_interval(days => $2))::date WHERE id = $1`, [filed.request.id, days]);
    }
    await page.goto(`${base}/admin/t/micromedic/requests`);
    expect(await page.locator('tr.urgency-overdue').count()).toBe(1);
    expect(await page.textContent('tr.urgency-overdue')).toMatch(/overdue[\s\S]*Overdue by [3-5] days/);
    expect(await page.locator('tr.urgency-critical').count()).toBe(1);
    expect(await page.locator('tr.urgency-soon').count()).toBe(1);
    // Overdue first.
    expect(await page.getAttribute('tbody tr:first-child', 'class')).toBe('urgency-overdue');
    await shot('03b-queue-deadlines');
  });

  it('home page, filters and the language switch', async () => {
    await page.click('nav.admin-nav a:text-is("Today")');
    expect(await page.textContent('h1')).toBe('What needs attention today');
    expect(await page.textContent('main')).toContain(reference);
    await shot('04-home');
    await page.goto(`${base}/admin/t/micromedic/requests`);
    await page.selectOption('#f-state', 'awaiting-identity');
    await page.click('.filters button[type="submit"]');
    await page.waitForURL(/state=awaiting-identity/);
    expect(await page.textContent('main')).toContain(reference);
    await shot('05-queue-filtered');
    await page.click('nav.lang-switch a[hreflang="sv"]');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.textContent('h1')).toBe('Begäranden från registrerade');
    await shot('06-queue-sv');
    await page.click('nav.lang-switch a[hreflang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('opens the request, downloads the document, keeps a bad form with its values, confirms identity and fulfils it', async () => {
    await page.goto(`${base}/admin/t/micromedic/requests`);
    await page.click(`a:text-is("${reference}")`);
    await page.waitForURL(new RegExp(`/requests/${reference}$`));
    expect(await page.textContent('#state')).toBe('Awaiting identity');
    const docHref = (await page.getAttribute('.evidence a', 'href'))!;
    const download = await ctx.request.get(`${base}${docHref}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    await shot('07-request-awaiting-identity');

    // One action at a time (issue 14 §5): rejecting is behind its own disclosure.
    await page.click('#choose-identity-reject > summary');
    // The browser's own minlength check would stop the form: the server's check is what is tested here.
    await page.evaluate('document.getElementById("a-reject-reason").removeAttribute("minlength")');
    await page.fill('#a-reject-reason', 'abc');
    await page.click('form[action$="/identity-reject"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.inputValue('#a-reject-reason')).toBe('abc');
    expect(await page.textContent('#a-identity-reject-error')).toContain('at least 5 characters');
    await shot('08-request-form-error');

    await page.fill('#a-confirm-note', 'Signed request checked against the customer file.');
    await Promise.all([page.waitForURL(/done=identity-confirmed/), page.click('form[action$="/identity-confirm"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('Identity confirmed.');
    expect(await page.textContent('#state')).toBe('In progress');
    await shot('09-request-in-progress');

    // Fulfilling shows what it will do first (issue 14 §3), then the admin confirms.
    await Promise.all([page.waitForURL(/\/previews\/[0-9a-f-]{36}$/), page.click('form[action$="/fulfil-preview"] button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe(`Preview: fulfilling request ${reference}`);
    expect(await page.textContent('#h-preview')).toBe('What fulfilling will do (the preview)');
    await shot('10a-fulfilment-preview');
    await Promise.all([page.waitForURL(/done=fulfilled/), page.click('form[action$="/confirm"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('fulfilled');
    expect(await page.textContent('#difference-none')).toBe('Nothing: the result is what the preview showed.');
    await shot('10b-fulfilment-result');
    await page.click(`.breadcrumb a`);
    await page.waitForURL(new RegExp(`/requests/${reference}$`));
    expect(await page.textContent('#state')).toBe('Completed');
    expect(await page.textContent('#h-plans')).toBe('Fulfilment previews and results');
    expect(await page.textContent('#outcome')).not.toBe('');
    await shot('10-request-completed');
  });

  it("the subject's status page shows the result", async () => {
    await page.goto(statusUrl);
    expect(await page.textContent('#state')).toBe('Completed');
  });

  it("an admin editing the URL to another tenant's slug or request gets the 404 page", async () => {
    const ino = await page.goto(`${base}/admin/t/inomedis/requests`);
    expect(ino!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.textContent('body')).not.toContain('Inomedis');
    await shot('11-not-found');

    // Inomedis' own admin, editing the URL to Micromedic's request under either slug.
    await page.click('.logout button');
    await page.waitForURL(/\/admin\/login$/);
    await page.fill('#f-email', 'admin@inomedis.test');
    await page.fill('#f-password', 'correct horse battery staple');
    await Promise.all([page.waitForURL(/\/admin\/t\/inomedis$/), page.click('main button[type="submit"]')]);
    for (const url of [`/admin/t/micromedic/requests/${reference}`, `/admin/t/inomedis/requests/${reference}`]) {
      const res = await page.goto(`${base}${url}`);
      expect({ url, status: res!.status() }).toEqual({ url, status: 404 });
    }
  });

  it('own password page, and the platform admin with the tenant list and switcher', async () => {
    await page.goto(`${base}/admin/account/password`);
    expect(await page.textContent('h1')).toBe('Change your password');
    await shot('12-password');
    await page.click('.logout button');
    await page.fill('#f-email', 'platform@regula.test');
    await page.fill('#f-password', 'correct horse battery staple');
    await Promise.all([page.waitForURL(/\/admin$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe('Controllers');
    await shot('13-tenants');
    await page.click('a[href="/admin/t/inomedis"]');
    await page.selectOption('#tenant-switch', 'micromedic');
    await Promise.all([page.waitForURL(/\/admin\/t\/micromedic$/), page.click('.tenant-switch button')]);
    expect(await page.inputValue('#tenant-switch')).toBe('micromedic');
    await shot('14-home-platform-admin');
  });

  it('loaded nothing from other origins and logged no errors (no CSP violations)', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
