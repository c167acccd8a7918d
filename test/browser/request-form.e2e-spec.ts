import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { Country, oneMonthDeadline } from '@regula/engine';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from '../support/api-harness';
import { BrowserSession, focusRing, openBrowser, tabTo } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { TempFolders } from '../support/temp-folders';

/**
 * The public pages in Debian's Chromium (headless, no network but the API on
 * 127.0.0.1): the access form filled in Latvian for Inomedis using the keyboard
 * only, and in Lithuanian for Softera Baltic with the mouse; the confirmation
 * checked against the engine's deadline; then the e-mail code, the status page,
 * a signed-document upload (Micromedic) and a completed request. A full-page
 * screenshot of every page is kept in test-artifacts/screenshots/.
 */
describe('public pages in Chromium', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let b: BrowserSession;
  let base: string;
  let page: Page;
  let uploads: string;
  let docs: string;
  let foreign: string[];
  let problems: string[];
  const folders = new TempFolders('regula-browser-');

  beforeAll(async () => {
    uploads = folders.make('uploads');
    docs = folders.make('docs');
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, SMTP_URL: mailbox.smtpUrl });
    b = await openBrowser(h);
    ({ base, page, foreign, problems } = b);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    await mailbox?.close();
    folders.removeAll();
  });

  const shot = (name: string) => b.shot(name);

  async function received(reference: string): Promise<{ receivedAt: Date; id: string; tenantId: string }> {
    const [row] = await h.db.owner.query(`SELECT id, tenant_id, received_at FROM rights_requests WHERE reference = $1`, [reference]);
    return { receivedAt: new Date(row.received_at), id: row.id, tenantId: row.tenant_id };
  }

  async function checkConfirmation(reference: string, country: Country, timeZone: string, authority: string) {
    const r = await received(reference);
    const due = oneMonthDeadline({ country, timeZone, received: r.receivedAt });
    expect(await page.getAttribute('#due-date', 'datetime')).toBe(due.dueDate);
    expect((await page.textContent('#due-date'))!.trim().length).toBeGreaterThan(8);
    expect(await page.textContent('main')).toContain(authority);
    return r;
  }

  let inomedis: { reference: string; token: string };

  it('Inomedis, Latvian, keyboard only: home, access form, confirmation with the engine due date and the authority', async () => {
    // Chromium asks for English (Accept-Language); the switch or a link with ?lang=lv gives Latvian.
    await page.goto(`${base}/t/inomedis/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('nav.lang-switch a[hreflang="lv"]');
    await page.waitForURL(/lang=lv/);
    expect(await page.getAttribute('html', 'lang')).toBe('lv');
    await shot('01-home-inomedis-lv');

    // The skip link is the first stop and is visible when focused.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    expect(await focusRing(page)).not.toBe('none 0px none');

    await tabTo(page, 'a[href*="/request/access"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/t\/inomedis\/request\/access\?lang=lv/);
    expect(await page.textContent('h1')).toContain('Piekļuve saviem datiem');
    await shot('02-form-access-inomedis-lv');

    await tabTo(page, '#f-name');
    expect(await focusRing(page)).toMatch(/solid 3px/);
    await page.keyboard.type('Jānis Bērziņš');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('f-email');
    await page.keyboard.type('janis.berzins@example.lv');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('f-message');
    await page.keyboard.type('Klienta numurs 4411.');
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(/\/request\/access/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#reference');

    expect(await page.textContent('h1')).toContain('Pieprasījums saņemts');
    const reference = (await page.textContent('#reference'))!.trim();
    expect(reference).toMatch(/^[A-Z0-9-]{6,}$/);
    await checkConfirmation(reference, 'LV', 'Europe/Riga', 'Datu valsts inspekcija');
    expect(await page.textContent('main')).toContain('janis.berzins@example.lv');
    const token = await page.getAttribute('input[name="token"]', 'value');
    inomedis = { reference, token: token! };
    await shot('03-confirmation-inomedis-lv');
  });

  it('Softera Baltic, Lithuanian: errors at the fields, then filed; confirmation checked', async () => {
    await page.goto(`${base}/t/softera-baltic/request/access?lang=lt`);
    expect(await page.getAttribute('html', 'lang')).toBe('lt');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Klaida:/);
    expect(await page.getAttribute('#f-name', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-email', 'aria-describedby')).toBe('f-email-hint f-email-error');
    expect(await page.textContent('#f-email-error')).toContain('Įveskite savo el. pašto adresą.');
    await shot('04-form-errors-softera-lt');

    await page.fill('#f-name', 'Rūta Jonaitienė');
    await page.fill('#f-email', 'ruta.jonaitiene@example.lt');
    await page.fill('#f-message', 'Prašau pateikti visus apie mane tvarkomus duomenis.');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#reference');
    expect(await page.textContent('h1')).toContain('Prašymas gautas');
    const reference = (await page.textContent('#reference'))!.trim();
    await checkConfirmation(reference, 'LT', 'Europe/Vilnius', 'Valstybinė duomenų apsaugos inspekcija');
    await shot('05-confirmation-softera-lt');
  });

  it('forms of the other rights render (rectification, recipients in a period, objection, consent withdrawal)', async () => {
    for (const [name, url] of [
      ['06-form-rectification-inomedis-en', '/t/inomedis/request/rectification?lang=en'],
      ['07-form-recipients-inomedis-lv', '/t/inomedis/request/recipients-in-period?lang=lv'],
      ['08-form-objection-softera-lt', '/t/softera-baltic/request/objection?lang=lt'],
      ['09-form-consent-withdrawal-inomedis-en', '/t/inomedis/request/consent-withdrawal?lang=en'],
      ['10-home-micromedic-sv', '/t/micromedic/?lang=sv'],
      ['11-home-medical-management-et', '/t/medical-management/?lang=et'],
    ] as const) {
      const res = await page.goto(`${base}${url}`);
      expect(res!.status()).toBe(200);
      await shot(name);
    }
  });

  it('the e-mail link opens the code page; confirming leads to the status page, which can withdraw the request', async () => {
    // The link as the subject received it: its own token and the code, minted when the e-mail was sent.
    const link = await mailbox.verifyLink(h, inomedis.reference);
    const code = /code=(\d{6})/.exec(link)![1];
    await page.goto(`${base}${link}&lang=lv`);
    expect(await page.inputValue('#f-code')).toBe(code);
    await shot('12-verify-inomedis-lv');
    await Promise.all([page.waitForURL(/\/requests\/[^/]+\?lang=lv&token=/), page.click('form button[type="submit"] >> nth=0')]);
    expect(await page.textContent('#state')).toBe('Tiek izskatīts');
    await shot('13-status-in-progress-inomedis-lv');

    await Promise.all([page.waitForURL(/withdrawn=1/), page.click('text=Atsaukt pieprasījumu ' + inomedis.reference)]);
    expect(await page.textContent('#state')).toBe('Atsaukts');
    await shot('14-status-withdrawn-inomedis-lv');
  });

  it('Micromedic access: signed document uploaded from the status page', async () => {
    await page.goto(`${base}/t/micromedic/request/access?lang=sv`);
    await page.fill('#f-name', 'Sven Svensson');
    await page.fill('#f-email', 'sven.svensson@example.se');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#reference');
    const reference = (await page.textContent('#reference'))!.trim();
    await checkConfirmation(reference, 'SE', 'Europe/Stockholm', 'Integritetsskyddsmyndigheten');
    // The ways Micromedic accepts, the proportionate one first (a code to an address it holds), then the upload and the letter.
    const ways = (await page.textContent('main'))!;
    expect(ways).toContain('Skicka formuläret från en e-postadress som Micromedic redan har för dig');
    expect(ways).toContain('Ladda upp en skannad kopia eller ett foto av begäran, undertecknad för hand');
    await shot('15-confirmation-micromedic-sv');

    await page.fill('#f-code', await mailbox.code(h, reference));
    await Promise.all([page.waitForURL(/token=/), page.click('.inline-form button[type="submit"]')]);
    await page.waitForSelector('#f-document');
    await shot('16-status-upload-micromedic-sv');
    const file = path.join(docs, 'begaran-undertecknad.pdf');
    writeFileSync(file, pdf());
    await page.setInputFiles('#f-document', file);
    await Promise.all([page.waitForURL(/uploaded=1/), page.click('button:text-is("Ladda upp")')]);
    // Received, being checked at once (issue 14 §4): the upload form is gone.
    expect(await page.textContent('#state')).toBe('Handling mottagen, granskas');
    expect(await page.textContent('#next-what')).toContain('Din handling har tagits emot och granskas.');
    expect(await page.$('#f-document')).toBeNull();
    await shot('17-status-document-received-micromedic-sv');
  });

  it('a completed erasure: the answer, what was erased, what was kept and why', async () => {
    await page.goto(`${base}/t/inomedis/request/erasure?lang=en`);
    await page.fill('#f-name', 'Anna Ozola');
    await page.fill('#f-email', 'anna.ozola@example.lv');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#reference');
    const reference = (await page.textContent('#reference'))!.trim();
    const token = (await page.getAttribute('input[name="token"]', 'value'))!;
    // Without the status token the code page confirms and says so.
    await page.goto(`${base}/t/inomedis/requests/${reference}/verify?lang=en`);
    await page.fill('#f-code', await mailbox.code(h, reference));
    await page.click('main form button[type="submit"]');
    await page.waitForSelector('h1:text-is("Request confirmed")');
    await shot('18-verified-inomedis-en');

    const r = await received(reference);
    await h.app.get<RequestsPort>(REQUESTS_PORT).complete(r.tenantId, r.id, {
      type: 'erasure',
      summary: '2 record(s) were erased. 1 record(s) must be kept by law: they are restricted (used for nothing else) and erased when the period shown ends.',
      erased: [{ register: 'clients', registerName: 'Clients', category: 'contact', categoryName: 'Contact details', records: 2 }],
      kept: [{ register: 'accounting', registerName: 'Accounting', category: 'invoices', categoryName: 'Invoices', records: 1, explanation: 'Accounting source documents are kept for 5 years (Accounting Law).', until: '2031-12-31' }],
    }, 'admin@inomedis.test');
    await page.goto(`${base}/t/inomedis/requests/${reference}?lang=en&token=${token}`);
    expect(await page.textContent('#state')).toBe('Completed');
    expect(await page.textContent('main')).toContain('What was kept, and why');
    expect(await page.textContent('main')).toContain('Kept until 31 December 2031, then erased.');
    await shot('19-status-completed-erasure-inomedis-en');
  });

  it('error pages: 404 and 429', async () => {
    const nf = await page.goto(`${base}/t/no-such-controller/`);
    expect(nf!.status()).toBe(404);
    await shot('20-not-found');
    await page.goto(`${base}/t/softera-baltic/request/erasure?lang=en`);
    for (let i = 0; i < 6; i++) {
      await page.goto(`${base}/t/softera-baltic/request/erasure?lang=en`);
      await page.fill('#f-name', 'Repeat Requester');
      await page.fill('#f-email', 'same.address@example.lt');
      const [res] = await Promise.all([page.waitForResponse((x) => x.request().method() === 'POST'), page.click('button[type="submit"]')]);
      if (i < 5) expect(res.status()).toBe(201);
      else expect(res.status()).toBe(429);
    }
    expect(await page.textContent('h1')).toBe('Too many requests');
    await shot('21-too-many-requests');
  });

  it('loaded nothing from other origins and logged no errors (no CSP violations)', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
