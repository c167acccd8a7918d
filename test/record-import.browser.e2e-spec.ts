import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { findTenant } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { insertRawTenant } from './support/raw-tenant';
import { createStaff } from './support/staff';
import { TempFolders } from './support/temp-folders';

/**
 * The record import in Debian's Chromium with JavaScript off: an export of
 * Inomedis uploaded into an empty controller (the same facts, no registers),
 * the preview (every register created, no warning), the confirmation, the
 * registers there; a bad file answered by sheet and cell. Screenshots in
 * test-artifacts/screenshots/record-import-{upload,errors,preview,done}.png.
 */
describe('admin dashboard in Chromium: importing the record from a spreadsheet', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  const folders = new TempFolders('regula-import-');
  const T = '/admin/t/inomedis-empty';
  const def = findTenant('inomedis')!;

  beforeAll(async () => {
    h = await startApi();
    await insertRawTenant(h.db.owner, { ...def, slug: 'inomedis-empty', registers: [] });
    await createStaff(h.db.owner, 'admin@inomedis.import.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'admin@empty.import.test', { tenant: 'inomedis-empty' });
    b = await openBrowser(h, { width: 1200, expectedErrorStatuses: [422] });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    folders.removeAll();
  });

  it('uploads an export, previews it, confirms it: the empty controller has the registers', async () => {
    const token = await h.login('admin@inomedis.import.test');
    const xlsx = (await h.http().get('/api/v1/tenants/inomedis/exports/record.xlsx').set('Authorization', `Bearer ${token}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
    const dir = folders.make('files');
    const file = path.join(dir, 'inomedis-record.xlsx');
    writeFileSync(file, xlsx);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'Register,Purpose\r\nClients,=HYPERLINK("http://127.0.0.1/")\r\n');

    await signInAdmin(b, 'admin@empty.import.test', `${T}/registers`);
    await page.goto(`${b.base}${T}/registers?lang=en`);
    await Promise.all([page.waitForURL(/\/record-import$/), page.click(`a[href="${T}/record-import"]`)]);
    expect(await page.textContent('h1')).toBe('Import the record from a spreadsheet');
    await b.shot('record-import-upload');

    await page.setInputFiles('#i-file', bad);
    await page.click('form[action$="/record-import"] button[type="submit"]');
    expect(await page.textContent('#problems-title')).toBe('The file cannot be imported');
    expect(await page.textContent('table.import-issues tbody')).toContain('B2');
    await b.shot('record-import-errors');

    await page.setInputFiles('#i-file', file);
    await Promise.all([page.waitForURL(/\/record-import\/[0-9a-f]{64}$/), page.click('form[action$="/record-import"] button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe('Preview of the import');
    expect(await page.textContent('#h-created')).toBe(`Registers created: ${def.registers.length}`);
    expect(await page.textContent('#h-warnings')).toBe('Warnings: 0');
    expect(await page.locator('.import-list li').count()).toBe(def.registers.length);
    await b.shot('record-import-preview');

    await page.click('form[action$="/apply"] button[type="submit"]');
    expect(await page.textContent('h1')).toBe('Record imported');
    expect(await page.textContent('[role="status"]')).toBe(`Registers created: ${def.registers.length}, changed: 0, retired: 0, unchanged: 0.`);
    await b.shot('record-import-done');
    await Promise.all([page.waitForURL(/\/registers$/), page.click(`a[href="${T}/registers"]`)]);
    expect(await page.locator('table.registers tbody tr').count()).toBe(def.registers.length);
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
