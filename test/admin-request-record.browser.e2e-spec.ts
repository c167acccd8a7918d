import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { createStaff } from './support/staff';

/**
 * "Record a request" in Debian's Chromium with JavaScript off: from the
 * queue, a letter received by post (no e-mail address) is recorded with its
 * scan; a form without a contact comes back with the error and the values
 * typed; the recorded request is due from its receipt, marked recorded late,
 * and nothing is e-mailed. A screenshot is kept in
 * test-artifacts/screenshots/admin-request-record.png (the form) and
 * admin-request-recorded.png (the recorded request).
 */
describe('admin dashboard in Chromium: recording a request', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let docs: string;

  beforeAll(async () => {
    docs = mkdtempSync(path.join(tmpdir(), 'regula-record-docs-'));
    h = await startApi();
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    b = await openBrowser(h, { width: 1200 });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    if (docs) rmSync(docs, { recursive: true, force: true });
  });

  it('records a letter received by post, with its scan, from the queue', async () => {
    await signInAdmin(b, 'admin@inomedis.test', '/admin/t/inomedis/requests');
    await page.goto(`${b.base}/admin/t/inomedis/requests?lang=en`);
    await Promise.all([page.waitForURL(/\/requests\/new$/), page.click('a[href$="/requests/new"]')]);
    expect(await page.textContent('h1')).toBe('Record a request');
    expect(await page.inputValue('#r-received-by')).toBe('admin@inomedis.test');

    // A receipt long past (so the test holds whatever day it runs), with the reason it is recorded only now.
    await page.selectOption('#r-channel', 'post');
    await page.fill('#r-received-at', '2025-11-03T09:15');
    await page.fill('#r-late-reason', 'The letter was found in the archive during an audit.');
    await page.fill('#r-name', 'Jānis Kalniņš');
    await page.check('#r-type-access');
    await page.check('#r-type-erasure');
    await page.selectOption('#r-locale', 'lv');
    const scan = path.join(docs, 'letter-scan.pdf');
    writeFileSync(scan, pdf('Please give me a copy of my data and then erase it.'));
    await page.setInputFiles('#r-original', scan);
    await page.click('form[action$="/requests/new"] button[type="submit"]');
    expect(await page.textContent('#r-error')).toContain('contact');
    expect(await page.inputValue('#r-name')).toBe('Jānis Kalniņš');
    expect(await page.isChecked('#r-type-erasure')).toBe(true);
    await page.fill('#r-address', 'Brīvības iela 1, Rīga, LV-1010');
    await b.shot('admin-request-record');

    await page.setInputFiles('#r-original', scan);
    await Promise.all([page.waitForURL(/\/requests\/R-[0-9A-Z-]+\?done=request-recorded$/), page.click('form[action$="/requests/new"] button[type="submit"]')]);
    expect(await page.textContent('.flash')).toContain('The request was recorded');
    expect(await page.textContent('.recorded-late')).toBe('The letter was found in the archive during an audit.');
    expect(await page.textContent('#h-details + dl')).toContain('Brīvības iela 1, Rīga, LV-1010');
    await b.shot('admin-request-recorded');

    const rows: { type: string; channel: string; received_at: Date; due_date: string; recorded_late: boolean; requester_email: string | null; received_by: string; originals: number; mails: number }[] = await h.db.owner.query(
      `SELECT r.type, r.channel, r.received_at, r.due_date::text AS due_date, r.recorded_late, r.requester_email, r.received_by,
              (SELECT count(*)::int FROM request_artifacts a WHERE a.request_id = r.id AND a.kind = 'original') AS originals,
              (SELECT count(*)::int FROM outbox_emails o WHERE o.request_id = r.id) AS mails
         FROM rights_requests r ORDER BY r.type`);
    expect(rows).toEqual([
      { type: 'access', channel: 'post', received_at: new Date('2025-11-03T07:15:00Z'), due_date: '2025-12-03', recorded_late: true, requester_email: null, received_by: 'admin@inomedis.test', originals: 1, mails: 0 },
      { type: 'erasure', channel: 'post', received_at: new Date('2025-11-03T07:15:00Z'), due_date: '2025-12-03', recorded_late: true, requester_email: null, received_by: 'admin@inomedis.test', originals: 1, mails: 0 },
    ]);
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
