import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { freePort } from './support/free-port';
import { createStaff } from './support/staff';

/**
 * A request that came through the e-mail intake, in Debian's Chromium with
 * JavaScript off: the request page shows what was read in the forwarded message
 * (proposed type, the original's arrival from its Received header) and the
 * confirmation form works as a plain HTML form. Screenshots in
 * test-artifacts/screenshots/admin-mail-intake{,-confirmed}.png.
 */
describe('admin dashboard in Chromium: an e-mail request to confirm', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    const port = await freePort();
    h = await startApi({ INTAKE_SMTP_PORT: String(port) }, { clock: () => new Date('2026-03-02T09:00:00Z') });
    await createStaff(h.db.owner, 'dpo@inomedis.test', { tenant: 'inomedis' });
    const original = [
      'Received: from mx.inomedis.test by mail.inomedis.test; Fri, 27 Feb 2026 16:04:05 +0200',
      'From: "Pēteris Ozols" <peteris@subject.test>',
      'Date: Fri, 27 Feb 2026 16:03:00 +0200',
      'Subject: Datu dzēšana',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Labdien, lūdzu dzēsiet manus datus.',
      '',
    ].join('\r\n');
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const info = await smtp.sendMail({
      from: 'dpo@inomedis.test',
      to: 'inomedis@intake.regula.localhost',
      subject: 'Fwd: Datu dzēšana',
      text: 'From our mailbox.',
      attachments: [{ filename: 'original.eml', content: original, contentType: 'message/rfc822' }],
    });
    smtp.close();
    const id = /accepted as ([0-9a-f-]{36})/.exec(info.response)![1];
    [{ reference }] = await h.db.owner.query(`SELECT r.reference FROM intake_messages m JOIN rights_requests r ON r.id = m.request_id WHERE m.id = $1`, [id]);
    b = await openBrowser(h, { width: 1200 });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('shows the proposal and confirms it through the form', async () => {
    const url = `/admin/t/inomedis/requests/${reference}`;
    await signInAdmin(b, 'dpo@inomedis.test', url);
    await page.goto(`${b.base}${url}?lang=en`);
    expect(await page.textContent('#h-intake')).toBe('Received by e-mail');
    expect(await page.textContent('#intake-arrival')).toContain('from its last Received header');
    expect(await page.inputValue('#a-intake-confirm-type')).toBe('erasure');
    expect(await page.isChecked('#a-intake-confirm-receipt-proposed')).toBe(true);
    await page.locator('#h-intake').scrollIntoViewIfNeeded();
    await b.shot('admin-mail-intake');

    await Promise.all([page.waitForURL(/\?done=intake-confirmed$/), page.click('form[action$="/intake/confirm"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('The type and the receipt were confirmed');
    expect(await page.textContent('#intake-confirmed')).toContain('Confirmed on');
    expect(await page.locator('form[action$="/intake/confirm"]').count()).toBe(0);
    await b.shot('admin-mail-intake-confirmed');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
