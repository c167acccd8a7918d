import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { createStaff } from './support/staff';

/**
 * Uploading a reply document in Debian's Chromium with JavaScript off: the
 * browser's own multipart submission of the request page's form (CSRF token
 * in the body) is accepted, the flash message and the reply are shown, and
 * the subject's status page lists the download with its note. A screenshot
 * is kept in test-artifacts/screenshots/admin-request-reply.png.
 */
describe('admin dashboard in Chromium: a reply document', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let docs: string;
  let reference: string;
  let statusToken: string;

  beforeAll(async () => {
    docs = mkdtempSync(path.join(tmpdir(), 'regula-reply-docs-'));
    h = await startApi();
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    const port = h.app.get<RequestsPort>(REQUESTS_PORT);
    const filed = await port.fileRequest(id, { type: 'access', name: 'Anna Bērziņa', email: 'anna.reply@example.test', locale: 'en', details: {} }, { ip: '198.51.100.77' });
    reference = filed.request.reference;
    statusToken = filed.statusToken;
    b = await openBrowser(h, { width: 1200, expectedErrorStatuses: [400, 404] });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    if (docs) rmSync(docs, { recursive: true, force: true });
  });

  it('the admin uploads a PDF through the form and sees it listed; the subject sees it on the status page', async () => {
    await signInAdmin(b, 'admin@inomedis.test', `/admin/t/inomedis/requests/${reference}`);
    await page.goto(`${b.base}/admin/t/inomedis/requests/${reference}?lang=en`);
    expect(await page.textContent('#h-a-reply')).toBe('Upload a reply document');

    const file = path.join(docs, 'answer-to-your-request.pdf');
    writeFileSync(file, pdf('Our answer to your access request.'));
    await page.setInputFiles('#a-reply-file', file);
    await page.fill('#a-reply-note', 'Our signed answer is attached.');
    await Promise.all([page.waitForURL(/\?done=reply-uploaded$/), page.click('form[action$="/replies/upload"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('The reply document was uploaded');
    expect(await page.textContent('#replies')).toContain('answer-to-your-request.pdf');
    expect(await page.textContent('#replies')).toContain('Our signed answer is attached.');
    await page.locator('#h-replies').scrollIntoViewIfNeeded();
    await b.shot('admin-request-reply');

    await page.goto(`${b.base}/t/inomedis/requests/${reference}?lang=en&token=${encodeURIComponent(statusToken)}`);
    expect(await page.textContent('#replies-heading')).toBe('Documents for you');
    expect(await page.getAttribute('section[aria-labelledby="replies-heading"] a', 'href')).toMatch(new RegExp(`^/t/inomedis/requests/${reference}/artifacts/[0-9a-f-]{36}\\?token=`));
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
