import type { Page } from 'playwright-core';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * The request desk in Debian's Chromium with JavaScript off (issue 14 §4, §5):
 * the queue with the requester, identity state and handler, "my requests";
 * the request page laid out for work (facts and deadline first, the next
 * action open, the others behind a choice, handler, notes and timeline
 * beside), taking the request and writing a note through the browser's own
 * form submission; a consent withdrawal's promised outer limit on its page
 * and in the queue; the subject's status page before and after an upload.
 * Screenshots in test-artifacts/screenshots/desk-*.png.
 */
describe('the request desk in Chromium', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let mailbox: Mailbox;
  let ino: string;
  let port: RequestsPort;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ SMTP_URL: mailbox.smtpUrl, PUBLIC_BASE_URL: 'https://regula.test' });
    const id = await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    await h.db.owner.query(`UPDATE users SET display_name = 'Kadri Tamm' WHERE id = $1`, [id]);
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    [{ id: ino }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    b = await openBrowser(h, { width: 1280, expectedErrorStatuses: [400, 403, 404] });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    await mailbox?.close();
  });

  async function signIn(email: string, next: string) {
    await signInAdmin(b, email, next);
  }

  it('the queue and the request page: take the request, write a note, one action at a time', async () => {
    const a = await port.fileRequest(ino, { type: 'access', name: 'Anna Bērziņa', email: 'anna.desk@example.test', locale: 'en', details: {} }, { ip: '198.51.100.81' });
    await port.verifyEmail(ino, a.request.reference, await mailbox.code(h, a.request.reference), { ip: '198.51.100.81' });
    await port.fileRequest(ino, { type: 'erasure', name: 'Jānis Ozols', email: 'janis.desk@example.test', locale: 'lv', details: {} }, { ip: '198.51.100.82' });
    const ref = a.request.reference;

    await signIn('admin@inomedis.test', `/admin/t/inomedis/requests/${ref}`);
    await page.goto(`${b.base}/admin/t/inomedis/requests/${ref}?lang=en`);
    // Facts and the deadline first, the next action open, the others each behind a choice.
    expect(await page.textContent('#h-actions')).toBe('Next step');
    expect(await page.isVisible('.next-action form')).toBe(true);
    const choices = await page.$$eval('.other-actions details', (ds) => ds.map((d) => ({ open: d.hasAttribute('open'), title: d.querySelector('summary')!.textContent })));
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.every((c) => !c.open)).toBe(true);
    expect(await page.textContent('#handler')).toContain('Nobody yet');
    await b.shot('desk-request-page');

    // Taking it, through the browser's own form submission (no script).
    await Promise.all([page.waitForURL(/\?done=assigned$/), page.click('form.inline-form button[type="submit"]')]);
    expect(await page.textContent('#handler')).toContain('Kadri Tamm');
    await page.fill('#a-note-text', 'Asked by phone: the subject also wants the call recordings.');
    await Promise.all([page.waitForURL(/\?done=noted$/), page.click('form[action$="/note"] button[type="submit"]')]);
    expect(await page.textContent('#notes')).toContain('call recordings');
    expect(await page.textContent('.timeline')).toContain('Kadri Tamm');
    // Another action opened from its choice, without script.
    await page.click('.other-actions details summary >> nth=0');
    expect(await page.isVisible('.other-actions details[open] form')).toBe(true);
    await b.shot('desk-request-page-worked');

    // Extending shows first what will change and the e-mail the requester gets; Back leaves it as it was.
    await page.click('.other-actions details:has(form[action$="/extend"]) summary');
    await page.fill('#a-extend-reason', 'Three archives must be searched, one of them on paper.');
    await Promise.all([page.waitForURL(/\/extend$/), page.click('form[action$="/extend"] button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe(`Extend the time to answer ${ref}?`);
    expect(await page.textContent('#confirm-state')).toBe('In progress → Extended');
    expect(await page.textContent('#confirm-mail-text')).toContain('Three archives must be searched');
    await b.shot('desk-confirm-extend');
    await Promise.all([page.waitForURL(new RegExp(`/requests/${ref}$`)), page.click('a.cancel-link')]);
    expect(await page.textContent('.status-line')).toContain('In progress');

    await page.goto(`${b.base}/admin/t/inomedis/requests?lang=en`);
    const rows = await page.$$eval('table.requests tbody tr', (trs) => trs.map((tr) => tr.textContent!.replace(/\s+/g, ' ')));
    expect(rows.find((r) => r.includes(ref))).toMatch(/Anna Bērziņa.*Confirmed.*Kadri Tamm/);
    expect(rows.find((r) => r.includes('Jānis Ozols'))).toMatch(/Awaiting e-mail confirmation.*Nobody yet/);
    await b.shot('desk-queue');
    await Promise.all([page.waitForURL(/mine=1/), page.click('#my-requests')]);
    const mine = await page.$$eval('table.requests tbody tr', (trs) => trs.map((tr) => tr.textContent!));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(ref);
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('a duplicate: flagged with a link to the earlier request, the merge page then merged; a repeat of an answered request refused as repeated, the letter in Latvian', async () => {
    const filed = async (ip: string) => {
      const r = await port.fileRequest(ino, { type: 'access', name: 'Līga Kalniņa', email: 'liga.dup@example.test', locale: 'lv', details: {} }, { ip });
      await port.verifyEmail(ino, r.request.reference, await mailbox.code(h, r.request.reference), { ip });
      return r.request;
    };
    const first = await filed('198.51.100.91');
    const second = await filed('198.51.100.92');
    await signIn('admin@inomedis.test', `/admin/t/inomedis/requests/${second.reference}`);
    await page.goto(`${b.base}/admin/t/inomedis/requests/${second.reference}?lang=en`);
    expect(await page.textContent('#duplicate-of')).toContain(first.reference);
    await b.shot('desk-duplicate-flag');

    await Promise.all([page.waitForURL(/\/merge$/), page.click('#merge-link')]);
    expect(await page.textContent('h1')).toBe(`Merge request ${second.reference} into the earlier request?`);
    expect(await page.textContent('#confirm-what')).toContain(`One answer is given for both, under request ${first.reference}`);
    expect(await page.textContent('#confirm-mail-text')).toContain(first.reference);
    await b.shot('desk-merge-preview');
    await Promise.all([page.waitForURL(/\?done=merged$/), page.click('form[action$="/merge"] button[type="submit"]')]);
    expect(await page.textContent('.status-line')).toContain('Merged');
    await page.goto(`${b.base}/admin/t/inomedis/requests/${first.reference}?lang=en`);
    expect(await page.textContent('#duplicates-later')).toContain(second.reference);

    await port.complete(ino, first.id, { summary: 'Kopija nosūtīta.', artifacts: [] }, 'fulfilment: test');
    const third = await filed('198.51.100.93');
    await page.goto(`${b.base}/admin/t/inomedis/requests/${third.reference}?lang=lv`);
    expect(await page.isVisible('#refuse-repeated-hint')).toBe(true);
    await page.click('.other-actions details:has(form[action$="/refuse"]) summary');
    await page.selectOption('#a-refuse-ground', 'repeated');
    await page.fill('#a-refuse-reason', 'Jūs lūdzāt to pašu kopiju pirms nedēļas, un dati kopš tā laika nav mainījušies.');
    await Promise.all([page.waitForURL(/\/refuse$/), page.click('form[action$="/refuse"] button[type="submit"]')]);
    const letter = await page.textContent('#confirm-mail-text');
    for (const s of [first.reference, '12. panta 5. punkts', '12. panta 4. punkts', 'Datu valsts inspekcija', '79. pants']) expect(letter).toContain(s);
    await b.shot('desk-refuse-repeated');
    await Promise.all([page.waitForURL(/\?done=refused$/), page.click('form[action$="/refuse"] button[type="submit"]')]);
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('a consent withdrawal shows the controller\'s promised outer limit (Inomedis clause 15) on its page, in the queue and on the home page, flagged near and passed', async () => {
    // Received Fri 19 June 2026 at 18:00 in Riga; 23 and 24 June are Latvian holidays: three working days end Fri 26 June.
    const late = await port.fileRequest(ino, { type: 'consent-withdrawal', name: 'Laura Liepa', email: 'laura.desk@example.test', locale: 'lv', details: {} }, { ip: '198.51.100.84' });
    await h.db.owner.query(`UPDATE rights_requests SET received_at = '2026-06-19T15:00:00Z' WHERE id = $1`, [late.request.id]);
    const fresh = await port.fileRequest(ino, { type: 'consent-withdrawal', name: 'Pēteris Kalns', email: 'peteris.desk@example.test', locale: 'lv', details: {} }, { ip: '198.51.100.85' });

    await page.goto(`${b.base}/admin/t/inomedis/requests/${late.request.reference}?lang=en`);
    const panel = (await page.textContent('#withdrawal-limit'))!.replace(/\s+/g, ' ');
    expect(panel).toContain('Withdrawal to be carried out by Friday, 26 June 2026 (Inomedis privacy notice, clause 15)');
    expect(panel).toContain('in effect since');
    expect(panel).toContain('not a waiting period');
    expect(panel).toContain('withdrawal limit passed');
    expect(await page.textContent('#withdrawal-limit-left')).toMatch(/^Overdue by \d+ days$/);
    await b.shot('desk-withdrawal-limit');

    await page.goto(`${b.base}/admin/t/inomedis/requests/${late.request.reference}?lang=lv`);
    expect((await page.textContent('#withdrawal-limit'))!.replace(/\s+/g, ' ')).toContain('Atsaukums jāizpilda līdz');
    expect(await page.textContent('#withdrawal-limit')).toContain('15. punkts');

    await page.goto(`${b.base}/admin/t/inomedis/requests?lang=en`);
    const rows = await page.$$eval('table.requests tbody tr', (trs) => trs.map((tr) => ({ text: tr.textContent!.replace(/\s+/g, ' '), cls: tr.className })));
    const lateRow = rows.find((r) => r.text.includes(late.request.reference))!;
    expect(lateRow.text).toContain('withdrawal limit passed');
    expect(lateRow.text).toContain('Withdrawal to be carried out by 26 June 2026 (Inomedis privacy notice, clause 15)');
    expect(lateRow.cls).toBe('urgency-overdue');
    const freshRow = rows.find((r) => r.text.includes(fresh.request.reference))!;
    expect(freshRow.text).toContain('Withdrawal to be carried out by');
    expect(freshRow.text).toContain('withdrawal due soon');
    // Other types have no limit.
    expect(rows.filter((r) => !r.text.includes('Withdrawal to be carried out')).length).toBeGreaterThan(0);
    await b.shot('desk-queue-withdrawal-limit');
    // The home page lists the withdrawals to carry out, passed first.
    await page.goto(`${b.base}/admin/t/inomedis?lang=en`);
    expect(await page.textContent('#h-withdrawal-limit')).toBe('Consent withdrawals to carry out: limit near or passed (2)');
    const home = await page.$$eval('section[aria-labelledby="h-withdrawal-limit"] tbody tr', (trs) => trs.map((tr) => tr.textContent!));
    expect(home.map((r) => (r.includes(late.request.reference) ? 'late' : r.includes(fresh.request.reference) ? 'fresh' : r))).toEqual(['late', 'fresh']);
    await b.shot('desk-home-withdrawal-limit');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('the status page says what happens next, and after an upload: received, being checked, no upload form', async () => {
    const [{ id: micro }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    const filed = await port.fileRequest(micro, { type: 'access', name: 'Sven Berg', email: 'sven.desk@example.test', locale: 'sv', details: {} }, { ip: '198.51.100.83' });
    const ref = filed.request.reference;
    await port.verifyEmail(micro, ref, await mailbox.code(h, ref), { ip: '198.51.100.83' });
    const url = `${b.base}/t/micromedic/requests/${ref}?lang=sv&token=${encodeURIComponent(filed.statusToken)}`;
    await page.goto(url);
    expect(await page.textContent('#next-who')).toBe('Du');
    expect(await page.isVisible('#f-document')).toBe(true);
    await b.shot('desk-status-waiting-for-document');

    await port.addIdentityEvidence(micro, ref, filed.statusToken, { originalName: 'signed.pdf', buffer: pdf('signed') }, { ip: '198.51.100.83' });
    await page.goto(url);
    expect(await page.textContent('#state')).toBe('Handling mottagen, granskas');
    expect(await page.textContent('#next-what')).toBe('Din handling har tagits emot och granskas. Du behöver inte göra något nu.');
    expect(await page.$('#f-document')).toBeNull();
    await b.shot('desk-status-being-checked');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
