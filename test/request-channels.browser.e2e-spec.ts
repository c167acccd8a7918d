import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { IdentityWaitSweep, RequestRecordingService } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { freePort } from './support/free-port';
import { createStaff } from './support/staff';

/**
 * The request page's channel forms in Debian's Chromium with JavaScript off:
 * correcting the requester of a forward the intake could not read (a 400
 * naming the field comes back on the page, then the correction), the
 * original's download link, and a letter to send by post for a subject
 * without e-mail (opened to print, recorded as sent). Screenshots in
 * test-artifacts/screenshots/request-channels-*.png.
 */
describe('admin dashboard in Chromium: requester, original, letters by post', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let forwarded: string;
  let byPost: string;
  let now = new Date('2026-09-01T07:00:00Z');

  beforeAll(async () => {
    const port = await freePort();
    h = await startApi({ INTAKE_SMTP_PORT: String(port) }, { clock: () => now });
    const adminId = await createStaff(h.db.owner, 'dpo@inomedis.test', { tenant: 'inomedis' });
    const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    // A request by post without e-mail, left waiting for identity for a week: the sweep writes the first reminder as a letter.
    const { requests: [req] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: '2026-08-31T10:00:00Z', name: 'Līga Kalna', postalAddress: 'Ielas iela 5\nLV-1010 Rīga', types: ['access'], locale: 'lv' },
      { userId: adminId, label: 'dpo@inomedis.test' },
    );
    byPost = req.reference;
    // What the controller's systems hold about her: a phone number, no e-mail.
    const [{ id: subject }] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Līga Kalna', 'lv') RETURNING id`, [tenantId]);
    await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'phone', '+37126555444')`, [tenantId, subject]);
    now = new Date('2026-09-08T08:00:00Z');
    await h.app.get(IdentityWaitSweep).sweep();
    // A member forwards a message whose original Regula cannot read: the requester is the member until corrected.
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const info = await smtp.sendMail({ from: 'dpo@inomedis.test', to: 'inomedis@intake.regula.localhost', subject: 'Piekļuves pieprasījums', text: 'Klients lūdza piekļuvi saviem datiem.' });
    smtp.close();
    const id = /accepted as ([0-9a-f-]{36})/.exec(info.response)![1];
    [{ reference: forwarded }] = await h.db.owner.query(`SELECT r.reference FROM intake_messages m JOIN rights_requests r ON r.id = m.request_id WHERE m.id = $1`, [id]);
    b = await openBrowser(h, { width: 1200 });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('corrects the requester of a forward through the form (the field named on error), with the original to download', async () => {
    const url = `/admin/t/inomedis/requests/${forwarded}`;
    await signInAdmin(b, 'dpo@inomedis.test', url);
    await page.goto(`${b.base}${url}?lang=lv`);
    expect(await page.textContent('#h-a-intake-requester')).toBe('Labot pieprasītāju');
    expect(await page.inputValue('#a-intake-requester-email')).toBe('dpo@inomedis.test');
    expect(await page.getAttribute('#original a', 'href')).toBe(`${url}/original`);
    expect(await page.textContent('#h-channel')).toBe('Oriģināls un vēstules');
    await page.locator('#h-intake').scrollIntoViewIfNeeded();
    await b.shot('request-channels-requester');

    // Accepted by the browser (an address without a domain suffix), refused by Regula: 400 naming the field, what was typed kept.
    await page.fill('#a-intake-requester-name', 'Marta Ozola');
    await page.fill('#a-intake-requester-email', 'marta@subject');
    const [bad] = await Promise.all([page.waitForNavigation(), page.click('form[action$="/intake/requester"] button[type="submit"]')]);
    expect(bad?.status()).toBe(400);
    expect(await page.textContent('#a-intake-requester-error')).toContain('email must be an e-mail address');
    expect(await page.inputValue('#a-intake-requester-email')).toBe('marta@subject');
    await page.locator('#a-intake-requester-error').scrollIntoViewIfNeeded();
    await b.shot('request-channels-requester-error');

    await page.fill('#a-intake-requester-email', 'marta@subject.test');
    await Promise.all([page.waitForURL(/\?done=requester-corrected$/), page.click('form[action$="/intake/requester"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('Pieprasītājs labots.');
    expect(await page.inputValue('#a-intake-requester-email')).toBe('marta@subject.test');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('lists the letter to send by post, opens it to print and records it as sent', async () => {
    const url = `/admin/t/inomedis/requests/${byPost}`;
    await page.goto(`${b.base}${url}?lang=en`);
    expect(await page.textContent('#h-letters')).toBe('Letters to send by post');
    const letter = page.locator('ul.letters li').first();
    expect(await letter.textContent()).toContain('Reminder: identity information still awaited');
    expect(await letter.textContent()).toContain('written 8 September 2026');
    const href = await letter.locator('a').getAttribute('href');
    await page.locator('#h-channel').scrollIntoViewIfNeeded();
    await b.shot('request-channels-letters');

    await page.goto(`${b.base}${href}`);
    expect(await page.textContent('body')).toContain('Līga Kalna');
    expect(await page.textContent('body')).toContain('nosūtiet to pa pastu');
    expect(await page.textContent('body')).not.toContain('e-pastu'); // a letter, not an e-mail: no "you receive this e-mail"
    await b.shot('request-channels-letter-print');

    await page.goto(`${b.base}${url}?lang=en`);
    await Promise.all([page.waitForURL(/\?done=letter-sent/), page.click('ul.letters form button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('The letter is recorded as sent by post.');
    expect(await page.textContent('#h-letters')).toBe('Letters sent by post');
    expect(await page.locator('ul.letters form').count()).toBe(0);
    await page.locator('#h-channel').scrollIntoViewIfNeeded();
    await b.shot('request-channels-letter-sent');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it("links the request to the subject's records by a phone number through the form", async () => {
    const url = `/admin/t/inomedis/requests/${byPost}`;
    await page.goto(`${b.base}${url}?lang=lv`);
    expect(await page.textContent('#h-subject-link')).toBe('Datu subjekta ieraksti');
    await page.selectOption('#a-subject-link-kind', 'phone');
    await page.fill('#a-subject-link-value', '26 000 000');
    const [bad] = await Promise.all([page.waitForNavigation(), page.click('form[action$="/subject"] button[type="submit"]')]);
    expect(bad?.status()).toBe(400);
    expect(await page.textContent('#a-subject-link-error')).toContain('value: no data subject');
    expect(await page.inputValue('#a-subject-link-value')).toBe('26 000 000');
    await page.locator('#h-subject-link').scrollIntoViewIfNeeded();
    await b.shot('request-channels-subject-link-error');

    await page.fill('#a-subject-link-value', '26 555 444');
    await Promise.all([page.waitForURL(/\?done=subject-linked/), page.click('form[action$="/subject"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('Pieprasījums sasaistīts ar datu subjekta ierakstiem.');
    expect(await page.textContent('#subject-linked')).toContain('Līga Kalna');
    await page.locator('#h-subject-link').scrollIntoViewIfNeeded();
    await b.shot('request-channels-subject-linked');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
