import type { Page } from 'playwright-core';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * In Debian's Chromium with JavaScript off (issue 14 §2): Micromedic's access
 * form offers the e-mail code to an address it already holds beside the
 * signed request, with the reason, and its conditions line names the same
 * ways; the status page keeps offering them while the signed request is
 * awaited; on the request page the admin records when a signed letter
 * arrived (a time in the future comes back with the error at the field).
 * Screenshots: test-artifacts/screenshots/identity-ways-form.png,
 * identity-ways-status.png, identity-arrival-error.png, identity-arrival-done.png.
 */
describe('identity ways and the arrival of a letter, in Chromium without JavaScript', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let b: BrowserSession;
  let page: Page;
  let port: RequestsPort;
  let micro: string;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    [{ id: micro }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    b = await openBrowser(h, { width: 1100 });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    await mailbox?.close();
  });

  const ways = (selector: string) => page.$$eval(`${selector} [data-identity-way]`, (els) => els.map((e) => e.getAttribute('data-identity-way')));

  it("the access form and the status page offer the code to a held address beside the signed request, in the subject's language", async () => {
    await page.goto(`${b.base}/t/micromedic/request/access?lang=sv`);
    expect(await ways('.identity-ways-list')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(await ways('.conditions-identity')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(await page.textContent('.identity-ways-why')).toContain('skäl 64');
    expect(await page.textContent('.identity-ways-list [data-identity-way="signed-letter"]')).toContain('Box 55642');
    await b.shot('identity-ways-form');

    const filed = await port.fileRequest(micro, { type: 'access', name: 'Sven Brev', email: 'sven.brev@example.test', locale: 'sv', details: {} }, { ip: '198.51.100.91' });
    const ref = filed.request.reference;
    await port.verifyEmail(micro, ref, await mailbox.code(h, ref), { ip: '198.51.100.91' });
    await page.goto(`${b.base}/t/micromedic/requests/${ref}?lang=sv&token=${encodeURIComponent(filed.statusToken)}`);
    expect(await ways('#identity-ways')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(await page.textContent('#identity-ways [data-identity-way="held-address-code"]')).toContain('Adressen du angav är inte en som Micromedic har för dig');
    expect(await page.isVisible('#f-document')).toBe(true);
    await b.shot('identity-ways-status');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('the admin records when the signed letter arrived: a future time comes back at the field; then the identity is confirmed and the timeline says so', async () => {
    const filed = await port.fileRequest(micro, { type: 'access', name: 'Karin Post', email: 'karin.post@example.test', locale: 'sv', details: {} }, { ip: '198.51.100.92' });
    const ref = filed.request.reference;
    await port.verifyEmail(micro, ref, await mailbox.code(h, ref), { ip: '198.51.100.92' });

    await signInAdmin(b, 'admin@micro.test', `/admin/t/micromedic/requests/${ref}`);
    await page.goto(`${b.base}/admin/t/micromedic/requests/${ref}?lang=en`);
    await page.click('#choose-identity-confirm summary');
    expect(await page.isVisible('#a-confirm-arrived')).toBe(true);
    expect(await page.textContent('#a-confirm-arrived-hint')).toContain('Europe/Stockholm');
    await page.fill('#a-confirm-note', 'Signed letter received by post');
    await page.fill('#a-confirm-arrived', '2099-01-05T10:30'); // in the future whatever day the test runs
    await page.click('form[action$="/identity-confirm"] button[type="submit"]');
    expect(await page.textContent('#a-identity-confirm-error')).toContain('arrivedAt must not be in the future');
    expect(await page.inputValue('#a-confirm-arrived')).toBe('2099-01-05T10:30');
    expect(await page.getAttribute('#a-confirm-arrived', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#a-confirm-note', 'aria-invalid')).toBeNull();
    await b.shot('identity-arrival-error');

    // Empty: the letter arrived now.
    await page.fill('#a-confirm-arrived', '');
    await Promise.all([page.waitForURL(/\?done=identity-confirmed$/), page.click('form[action$="/identity-confirm"] button[type="submit"]')]);
    expect(await page.textContent('.timeline')).toContain('Identity information received');
    await b.shot('identity-arrival-done');
    const [{ state }] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE reference = $1`, [ref]);
    expect(state).toBe('in-progress');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
