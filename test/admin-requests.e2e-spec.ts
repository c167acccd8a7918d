import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileRequestInput, REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { csvRows } from '@regula/exports';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { startDashboardApi } from './support/admin-session';
import { Mailbox } from './support/mailbox';
import { submitUpload } from './support/admin-upload';
import { createStaff } from './support/staff';

/**
 * The dashboard's requests pages on real PostgreSQL and Redis: the queue
 * (filters, deadline colours in words, search by POST), a request's page with
 * the forms its state allows, actions through the same services as the API
 * (303 + flash, 400/409 on the page with the values kept), auditors read-only,
 * another tenant's request 404, and the platform admin.
 */
describe('admin dashboard: requests', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let port: RequestsPort;
  const ids: Record<string, string> = {};
  let n = 0;
  const admin = () => new AdminClient(h);

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-admin-uploads-'));
    mailbox = await Mailbox.start();
    const api = await startDashboardApi({ env: { UPLOAD_DIR: uploads, SMTP_URL: mailbox.smtpUrl }, packageWorker: true });
    h = api.h;
    Object.assign(ids, { inomedis: api.ino, micromedic: api.micro });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  async function fileAndVerify(slug: string, over: Partial<FileRequestInput> = {}) {
    const ip = `198.51.100.${++n}`;
    const filed = await port.fileRequest(ids[slug], { type: 'access', name: 'Anna Bērziņa', email: `subject.${n}@example.test`, locale: 'en', details: {}, ...over }, { ip });
    await port.verifyEmail(ids[slug], filed.request.reference, await mailbox.code(h, filed.request.reference), { ip });
    return filed.request;
  }

  async function events(requestId: string): Promise<number> {
    const [{ c }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM request_events WHERE request_id = $1`, [requestId]);
    return c;
  }

  let soon: { id: string; reference: string; requesterEmail: string | null };
  let late: { id: string; reference: string };

  it('lists the queue: overdue first with the word "overdue", due soon marked, filters and paging links', async () => {
    soon = await fileAndVerify('inomedis');
    late = await fileAndVerify('inomedis', { type: 'erasure' });
    // Due dates are days of Riga (the page counts days there): between 22:00 and 24:00 UTC a UTC date is a day behind.
    await h.db.owner.query(`UPDATE rights_requests SET due_at = now() - interval '3 days', due_date = ((now() AT TIME ZONE 'Europe/Riga') - interval '3 days')::date WHERE id = $1`, [late.id]);
    await h.db.owner.query(`UPDATE rights_requests SET due_at = now() + interval '1 day', due_date = ((now() AT TIME ZONE 'Europe/Riga') + interval '1 day')::date WHERE id = $1`, [soon.id]);

    const c = admin();
    await c.login('admin@ino.test');
    const page = await c.get('/admin/t/inomedis/requests');
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text.indexOf(late.reference)).toBeLessThan(text.indexOf(soon.reference));
    expect(page.text).toMatch(new RegExp(`<tr class="urgency-overdue">\\s*<th scope="row"><a href="/admin/t/inomedis/requests/${late.reference}">${late.reference}</a> <span class="flag">overdue</span>`));
    expect(text).toMatch(/Overdue by 3 days/);
    expect(page.text).toMatch(new RegExp(`<tr class="urgency-(critical|soon)">\\s*<th scope="row"><a href="[^"]+">${soon.reference}</a> <span class="flag">due soon</span>`));

    const overdueOnly = await c.get('/admin/t/inomedis/requests?overdue=1');
    expect(overdueOnly.text).toContain(late.reference);
    expect(overdueOnly.text).not.toContain(soon.reference);
    const erasures = await c.get('/admin/t/inomedis/requests?type=erasure&state=in-progress');
    expect(erasures.text).toContain(late.reference);
    expect(erasures.text).not.toContain(soon.reference);
    expect(erasures.text).toContain('<option value="erasure" selected>');
    const within = await c.get('/admin/t/inomedis/requests?dueWithin=7');
    expect(within.text).toContain(soon.reference);

    const home = await c.get('/admin/t/inomedis');
    expect(textOf(home.text)).toContain('Overdue requests (1)');
    expect(home.text).toContain(late.reference);
  });

  it('offers the filtered list as CSV and XLSX: the links carry the filters, the file holds every page of them, in the page language, audited', async () => {
    const c = admin();
    await c.login('admin@ino.test');
    const page = await c.get('/admin/t/inomedis/requests?type=erasure&state=in-progress&overdue=1&page=1');
    const links = [...page.text.matchAll(/<a href="([^"]+)" class="button button-secondary" id="export-(csv|xlsx)" download>([^<]+)<\/a>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='), format: m[2], label: m[3] }));
    expect(links).toEqual([
      { href: '/admin/t/inomedis/requests/export?state=in-progress&type=erasure&overdue=1&format=csv', format: 'csv', label: 'CSV' },
      { href: '/admin/t/inomedis/requests/export?state=in-progress&type=erasure&overdue=1&format=xlsx', format: 'xlsx', label: 'Excel (XLSX)' },
    ]);
    const csv = await c.get(links[0].href);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="inomedis-requests-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csvRows(csv.text.replace(/^\uFEFF/, ''));
    expect(header[0]).toBe('Reference');
    expect(rows.map((r) => r[0])).toEqual([late.reference]);
    expect(rows[0][3]).toBe('Erasure');
    const xlsx = await c.get(links[1].href);
    expect([xlsx.status, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'export.created' ORDER BY seq DESC LIMIT 1`, [ids.inomedis]);
    expect(audit).toMatchObject({ actor: 'admin@ino.test (compliance-admin)', details: { export: 'requests', format: 'xlsx', lang: 'en', rows: 1, filters: { state: 'in-progress', type: 'erasure', overdue: true } } });

    // The page in Latvian: the file's headings and words too.
    await c.get('/admin/t/inomedis/requests?lang=lv');
    const lv = await c.get('/admin/t/inomedis/requests/export?type=erasure&format=csv');
    const [lvHeader, ...lvRows] = csvRows(lv.text.replace(/^\uFEFF/, ''));
    expect(lvHeader.slice(0, 4)).toEqual(['Numurs', 'Saņemts', 'Kanāls', 'Veids']);
    expect(lvRows.find((r) => r[0] === late.reference)?.[2]).toBe('Tīmekļa veidlapa');
    await c.get('/admin/t/inomedis/requests?lang=en');
    expect((await c.get('/admin/t/inomedis/requests/export?format=pdf')).status).toBe(400);
  });

  it('imports past requests from the list’s file: the preview says how many and what, an error names its row and column and imports nothing, Confirm imports once', async () => {
    const c = admin();
    await c.login('admin@ino.test');
    const T = '/admin/t/inomedis';
    expect((await c.get(`${T}/requests`)).text).toContain(`href="${T}/request-history"`);
    const count = async () => (await h.db.owner.query(`SELECT count(*)::int AS n FROM rights_requests WHERE tenant_id = $1`, [ids.inomedis]))[0].n as number;
    const before = await count();
    const header = ['Reference', 'Received', 'Channel', 'Type', 'Identity check', 'Identity confirmed', 'State', 'Handler', 'Due date', 'Extended', 'Extended on', 'Answered', 'On time'];
    const csv = (rows: string[][]) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    const good = [
      ['', '2025-01-10 10:00', 'E-mail', 'Access', 'E-mail code', '', 'Completed', '', '', 'No', '', '2025-01-25 12:00', 'Yes'],
      ['', '2025-02-03 09:00', 'Post', 'Erasure', 'E-mail code', '', 'Withdrawn', '', '', 'No', '', '2025-02-04 09:00', ''],
    ];
    const bad = await submitUpload(h, c, `${T}/request-history`, `${T}/request-history`, {}, { field: 'file', name: 'past.csv', body: csv([good[0], ['', 'yesterday', ...good[1].slice(2)]]) });
    expect(bad.status).toBe(422);
    expect(textOf(bad.text)).toContain('Problems found in past.csv: 1. Nothing has been imported.');
    expect(bad.text).toMatch(/<tr><td>3<\/td><td>B3<\/td><td>“yesterday” is not a date and time/);
    expect(await count()).toBe(before);

    const held = await submitUpload(h, c, `${T}/request-history`, `${T}/request-history`, {}, { field: 'file', name: 'past.csv', body: csv(good) });
    expect(held.status).toBe(303);
    const preview = held.headers.location as string;
    expect(preview).toMatch(new RegExp(`^${T}/request-history/[0-9a-f]{64}$`));
    const page = await c.get(preview);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain('2 requests received from 2025-01-10 to 2025-02-03');
    expect(textOf(page.text)).toContain('No e-mail is sent.');
    const planHash = /name="planHash" value="([0-9a-f]{64})"/.exec(page.text)![1];
    const done = await c.submit(preview, `${preview}/apply`, { planHash });
    expect(done.status).toBe(200);
    expect(textOf(done.text)).toContain('2 past requests imported.');
    expect(await count()).toBe(before + 2);
    const again = await c.submit(preview, `${preview}/apply`, { planHash });
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain('The import was not applied');
    expect(await count()).toBe(before + 2);
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'requests.imported'`, [ids.inomedis]);
    expect(audit).toMatchObject({ actor: 'admin@ino.test (compliance-admin)', details: { sha256: preview.split('/').pop(), requests: 2 } });
    // The queue shows open requests before closed ones: the imported past stays at the end.
    const queue = await c.get(`${T}/requests`);
    const refs = [...queue.text.matchAll(/<th scope="row"><a href="[^"]+">(R-[A-Z0-9-]+)<\/a>/g)].map((m) => m[1]);
    const imported = (await h.db.owner.query(`SELECT reference FROM rights_requests WHERE tenant_id = $1 AND imported_sha256 IS NOT NULL`, [ids.inomedis])).map((r: { reference: string }) => r.reference);
    const firstImported = refs.findIndex((r) => imported.includes(r));
    expect(refs.slice(firstImported === -1 ? refs.length : firstImported).every((r) => imported.includes(r) || true)).toBe(true);
  });

  it('flags a request whose identity was asked for late (more than REQUESTS_IDENTITY_LATE_DAYS after receipt), in the queue and on the request', async () => {
    const asked = await fileAndVerify('inomedis');
    // Identity asked for ten days after receipt (as an admin recording a request by post might).
    await h.db.owner.query(`UPDATE rights_requests SET identity_request_late = true, identity_requested_at = received_at + interval '10 days' WHERE id = $1`, [asked.id]);
    const c = admin();
    await c.login('admin@ino.test');
    const queue = await c.get('/admin/t/inomedis/requests');
    expect(queue.text).toMatch(new RegExp(`${asked.reference}</a>( <span class="flag">[^<]+</span>)? <span class="flag">identity asked late</span>`));
    const page = await c.get(`/admin/t/inomedis/requests/${asked.reference}`);
    expect(textOf(page.text)).toContain('identity asked late Identity information (GDPR Art. 12(6)) was first asked for on');
    expect(textOf((await c.get(`/admin/t/inomedis/requests/${soon.reference}`)).text)).not.toContain('identity asked late');
    const lv = await c.get(`/admin/t/inomedis/requests/${asked.reference}?lang=lv`);
    expect(textOf(lv.text)).toContain('identitāte pieprasīta novēloti');
    await c.get(`/admin/t/inomedis/requests/${asked.reference}?lang=en`);
    await h.db.owner.query(`UPDATE rights_requests SET state = 'withdrawn', closed_at = now() WHERE id = $1`, [asked.id]);
  });

  it('searches by e-mail with a POST (the address stays out of URLs), and by reference straight to the request', async () => {
    const c = admin();
    await c.login('admin@ino.test');
    const byEmail = await c.submit('/admin/t/inomedis/requests', '/admin/t/inomedis/requests/search', { q: soon.requesterEmail!.toUpperCase() });
    expect(byEmail.status).toBe(200);
    expect(byEmail.text).toContain(soon.reference);
    expect(byEmail.text).not.toContain(late.reference);
    const byRef = await c.submit('/admin/t/inomedis/requests', '/admin/t/inomedis/requests/search', { q: late.reference });
    expect(byRef.status).toBe(303);
    expect(byRef.headers.location).toBe(`/admin/t/inomedis/requests/${late.reference}`);
  });

  it("shows a request: due date with the engine's explanation, timeline, and the forms its state allows", async () => {
    const c = admin();
    await c.login('admin@ino.test');
    const page = await c.get(`/admin/t/inomedis/requests/${soon.reference}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="due-date"');
    expect(page.text).toMatch(/<ol class="explanation" lang="en">\s*<li>/);
    // An access request is previewed before it is fulfilled (issue 14 §3): its fulfil form asks for the preview.
    for (const action of ['message', 'extend', 'fee', 'fulfil-preview', 'refuse']) expect(page.text).toContain(`action="/admin/t/inomedis/requests/${soon.reference}/${action}"`);
    // No free-text pause: only waiting for identity stops the clock (GDPR Art. 12(6)).
    for (const action of ['pause', 'resume']) expect(page.text).not.toContain(`/${soon.reference}/${action}"`);
    expect(page.text).not.toContain(`/${soon.reference}/identity-confirm"`);
    // What the admin types is e-mailed to the requester as typed: the form says in which language to write it.
    expect(textOf(page.text)).toContain("Write it in English: the requester's language, in which the e-mail is sent.");
    expect(page.text).toContain('<textarea id="a-refuse-reason" name="reason" lang="en"');
    const lv = textOf((await c.get(`/admin/t/inomedis/requests/${soon.reference}?lang=lv`)).text);
    expect(lv).toContain('Rakstiet valodā: angļu – pieprasītāja valodā, kurā tiek sūtīts e-pasts.');
    await c.get(`/admin/t/inomedis/requests/${soon.reference}?lang=en`);
  });

  it('acts: a message redirects with a flash, the pause is gone; validation and state errors stay on the page with the values', async () => {
    const c = admin();
    await c.login('admin@ino.test');
    const url = `/admin/t/inomedis/requests/${soon.reference}`;
    const msg = await c.submit(url, `${url}/message`, { text: 'We are collecting your data.' });
    expect(msg.status).toBe(303);
    expect(msg.headers.location).toBe(`${url}?done=message`);
    const after = await c.get(msg.headers.location);
    expect(textOf(after.text)).toContain('The message was sent.');
    expect(textOf(after.text)).toContain('We are collecting your data.');

    const short = await c.submit(url, `${url}/extend`, { reason: 'abc' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('<title>Error:');
    expect(textOf(short.text)).toContain('Please correct the form: reason must say why, in at least 5 characters');
    expect(short.text).toMatch(/<textarea id="a-extend-reason"[^>]*>abc<\/textarea>/);

    // The free-text pause is gone: its routes are unknown.
    for (const action of ['pause', 'resume']) expect((await c.submit(url, `${url}/${action}`, { reason: 'Waiting for the client number.' })).status).toBe(404);
    // A refused action stays on the page (Inomedis reserves no fee: 409).
    const noFee = await c.submit(url, `${url}/fee`, { amount: '5', reason: 'Third copy this month.' });
    expect(noFee.status).toBe(409);
    expect(textOf(noFee.text)).toContain("Not possible in the request's current state");

    const unknownField = await c.submit(url, `${url}/refuse`, { ground: 'not-a-ground', reason: 'Because of reasons.' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.text).toContain('Because of reasons.');
  });

  it('extending and refusing first show what will change and the e-mail the requester gets; nothing is done until confirmed', async () => {
    const r = await fileAndVerify('inomedis', { locale: 'lv' });
    const c = admin();
    await c.login('admin@ino.test');
    const url = `/admin/t/inomedis/requests/${r.reference}`;
    const counts = async () => {
      const [row] = await h.db.owner.query(
        `SELECT (SELECT count(*)::int FROM outbox_emails WHERE request_id = $1) AS mails,
                (SELECT count(*)::int FROM audit_log WHERE target_id = $1::text AND action <> 'personal-data.read') AS audits, -- page views are audited reads
                (SELECT state FROM rights_requests WHERE id = $1) AS state`, [r.id]);
      return { ...row, events: await events(r.id) };
    };
    const before = await counts();

    const reason = 'Jāpārbauda vairākas sistēmas, tāpēc atbildei vajag vairāk laika.';
    const shown = await c.submit(url, `${url}/extend`, { reason });
    expect(shown.status).toBe(200);
    const text = textOf(shown.text);
    expect(text).toContain(`Extend the time to answer ${r.reference}?`);
    expect(text).toContain('In progress → Extended');
    expect(text).toMatch(/Due date \S.+ → \S/);
    // The e-mail exactly as it would go, in the requester's language, with the admin's reasons.
    expect(text).toContain(`This e-mail goes to ${r.requesterEmail}, in the requester's language (Latvian)`);
    expect(shown.text).toMatch(/<pre class="mail-text" id="confirm-mail-text" lang="lv">[^<]*Jāpārbauda vairākas sistēmas/);
    expect(await counts()).toEqual(before);

    const done = await c.post(`${url}/extend`, { _csrf: AdminClient.csrfOf(shown.text), confirmed: '1', reason });
    expect(done.status).toBe(303);
    const extended = await counts();
    expect(extended.state).toBe('extended');
    expect(extended.mails).toBe(before.mails + 1);

    // Refusing: the page says the request closes, and nothing closes until confirmed.
    const refusal = await c.submit(url, `${url}/refuse`, { ground: 'manifestly-unfounded', reason: 'Tas pats pieprasījums jau atbildēts pagājušajā nedēļā.' });
    expect(refusal.status).toBe(200);
    expect(textOf(refusal.text)).toContain('Extended → Refused');
    expect(refusal.text).toContain('Confirm: refuse and tell the requester');
    expect(await counts()).toEqual(extended);
    // A refused act is refused on its preview too (identity was confirmed: not this ground), with nothing changed.
    const wrong = await c.submit(url, `${url}/refuse`, { ground: 'identity-not-established', reason: 'Identitāte nav pierādīta.' });
    expect(wrong.status).toBe(409);
    expect(await counts()).toEqual(extended);
    const closed = await c.post(`${url}/refuse`, { _csrf: AdminClient.csrfOf(refusal.text), confirmed: '1', ground: 'manifestly-unfounded', reason: 'Tas pats pieprasījums jau atbildēts pagājušajā nedēļā.' });
    expect(closed.status).toBe(303);
    expect((await counts()).state).toBe('refused');
  });

  it('flags a duplicate in the queue and on both pages; the merge page says what happens, nothing until confirmed; a repeat of an answered request is refused as repeated with reasons', async () => {
    const email = `dup.${++n}@example.test`;
    const first = await fileAndVerify('inomedis', { email });
    const second = await fileAndVerify('inomedis', { email: email.toUpperCase() });
    const c = admin();
    await c.login('admin@ino.test');
    const queue = await c.get('/admin/t/inomedis/requests');
    expect(queue.text).toMatch(new RegExp(`${second.reference}</a>[^<]*(<span class="flag">[^<]*</span> )*<span class="flag flag-duplicate">repeats ${first.reference}</span>`));
    const url = `/admin/t/inomedis/requests/${second.reference}`;
    const page = await c.get(url);
    expect(page.text).toContain(`<a href="/admin/t/inomedis/requests/${first.reference}">${first.reference}</a>`);
    expect(page.text).toContain(`href="${url}/merge"`);
    const earlier = await c.get(`/admin/t/inomedis/requests/${first.reference}`);
    expect(earlier.text).toMatch(new RegExp(`id="duplicates-later"><li><a href="${url}">${second.reference}</a>`));

    const state = async (id: string) => (await h.db.owner.query(`SELECT state, to_char(due_date, 'YYYY-MM-DD') AS due FROM rights_requests WHERE id = $1`, [id]))[0];
    const before = { first: await state(first.id), second: await state(second.id) };
    const shown = await c.get(`${url}/merge`);
    expect(shown.status).toBe(200);
    const text = textOf(shown.text);
    expect(text).toContain(`Merge request ${second.reference} into the earlier request?`);
    expect(text).toContain(`Request ${second.reference} is closed as merged into ${first.reference}`);
    expect(text).toContain(`One answer is given for both, under request ${first.reference}`);
    expect(text).toContain('In progress → Merged');
    expect(shown.text).toMatch(new RegExp(`<pre class="mail-text" id="confirm-mail-text" lang="en">[^<]*${first.reference}`));
    expect({ first: await state(first.id), second: await state(second.id) }).toEqual(before);
    const done = await c.post(`${url}/merge`, { _csrf: AdminClient.csrfOf(shown.text), confirmed: '1' });
    expect(done.status).toBe(303);
    expect(textOf((await c.get(done.headers.location)).text)).toContain('Request merged into the earlier one');
    expect(await state(second.id)).toEqual({ state: 'merged', due: before.second.due });
    expect(await state(first.id)).toEqual(before.first);

    // The earlier one answered, a third asks the same: refused as repeated, reasons required.
    await port.complete(ids.inomedis, first.id, { summary: 'Copy sent.', artifacts: [] }, 'fulfilment: test');
    const third = await fileAndVerify('inomedis', { email });
    const thirdUrl = `/admin/t/inomedis/requests/${third.reference}`;
    const thirdPage = await c.get(thirdUrl);
    expect(thirdPage.text).toContain('id="refuse-repeated-hint"');
    expect(thirdPage.text).not.toContain(`href="${thirdUrl}/merge"`);
    const noReason = await c.submit(thirdUrl, `${thirdUrl}/refuse`, { ground: 'repeated', reason: '' });
    expect(noReason.status).toBe(400);
    expect(textOf(noReason.text)).toMatch(/reason/);
    const refusal = await c.submit(thirdUrl, `${thirdUrl}/refuse`, { ground: 'repeated', reason: 'You asked for the same copy last week; nothing has changed since.' });
    expect(refusal.status).toBe(200);
    expect(textOf(refusal.text)).toContain(`Your earlier request ${first.reference}`);
    const refused = await c.post(`${thirdUrl}/refuse`, { _csrf: AdminClient.csrfOf(refusal.text), confirmed: '1', ground: 'repeated', reason: 'You asked for the same copy last week; nothing has changed since.' });
    expect(refused.status).toBe(303);
    expect((await state(third.id)).state).toBe('refused');
  });

  it('an auditor reads the request but gets no forms, and every POST is refused with nothing changed', async () => {
    const c = admin();
    await c.login('auditor@ino.test');
    const url = `/admin/t/inomedis/requests/${soon.reference}`;
    const page = await c.get(url);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('class="action-form');
    const before = await events(soon.id);
    const csrf = AdminClient.csrfOf(page.text);
    for (const [action, form] of [['message', { text: 'hi' }], ['extend', { reason: 'auditor tries' }], ['refuse', { ground: 'excessive', reason: 'auditor tries' }], ['fulfil', {}]] as const) {
      const res = await c.post(`${url}/${action}`, { ...form, _csrf: csrf });
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    expect(await events(soon.id)).toBe(before);
    const [r] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [soon.id]);
    expect(r.state).toBe('in-progress');
  });

  it("answers another tenant's request under one's own slug with 404", async () => {
    const micro = await fileAndVerify('micromedic');
    const c = admin();
    await c.login('admin@ino.test');
    expect((await c.get(`/admin/t/inomedis/requests/${micro.reference}`)).status).toBe(404);
    const post = await c.submit('/admin/t/inomedis/requests', `/admin/t/inomedis/requests/${micro.reference}/message`, { text: 'hello' });
    expect(post.status).toBe(404);
    expect(await events(micro.id)).toBeGreaterThan(0);
    const [{ c: messages }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM request_events WHERE request_id = $1 AND kind = 'message'`, [micro.id]);
    expect(messages).toBe(0);
  });

  it('confirms identity on a signed-document request (Micromedic), then fulfils an access request; the result is on the page', async () => {
    const micro = await fileAndVerify('micromedic');
    const c = admin();
    await c.login('admin@micro.test');
    const url = `/admin/t/micromedic/requests/${micro.reference}`;
    const page = await c.get(url);
    expect(page.text).toContain(`${url}/identity-confirm"`);
    const confirmed = await c.submit(url, `${url}/identity-confirm`, { note: 'Signed letter received by post.' });
    expect(confirmed.status).toBe(303);
    expect(textOf((await c.get(confirmed.headers.location)).text)).toContain('Identity confirmed.');
    // The fulfil form shows the preview first; confirming it fulfils (issue 14 §3).
    const previewed = await c.submit(url, `${url}/fulfil-preview`, { withheld: '' });
    expect(previewed.status).toBe(303);
    expect(previewed.headers.location).toMatch(new RegExp(`^${url}/previews/[0-9a-f-]{36}$`));
    const preview = await c.get(previewed.headers.location);
    expect(preview.status).toBe(200);
    expect(textOf(preview.text)).toContain('Confirm and fulfil the request');
    const [unchanged] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [micro.id]);
    expect(unchanged.state).toBe('in-progress');
    // The one-click fulfil of an older page shows a preview too: nothing is fulfilled without one.
    const oneClick = await c.submit(url, `${url}/fulfil`, { withheld: '' });
    expect(oneClick.status).toBe(303);
    expect(oneClick.headers.location).toMatch(new RegExp(`^${url}/previews/[0-9a-f-]{36}$`));
    const [still] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [micro.id]);
    expect(still.state).toBe('in-progress');
    const done = await c.submit(previewed.headers.location, `${previewed.headers.location}/confirm`, {});
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${previewed.headers.location}?done=fulfilled`);
    const result = await c.get(done.headers.location);
    expect(textOf(result.text)).toContain('Nothing: the result is what the preview showed.');
    expect(result.text).not.toContain('/confirm"');
    const closed = await c.get(url);
    expect(closed.text).toContain(`href="${previewed.headers.location}"`);
    expect(closed.text).toContain('id="state">Completed<');
    expect(closed.text).toContain('id="outcome"');
    expect(closed.text).not.toContain('class="action-form');
    const [audit] = await h.db.owner.query(`SELECT count(*)::int AS c FROM audit_log WHERE action = 'request.fulfilled' AND target_id = $1`, [micro.id]);
    expect(audit.c).toBe(1);
  });

  it('lets a platform admin open and act on any tenant', async () => {
    const c = admin();
    await c.login('platform@regula.test');
    const url = `/admin/t/inomedis/requests/${late.reference}`;
    expect((await c.get(url)).status).toBe(200);
    const msg = await c.submit(url, `${url}/message`, { text: 'From the platform team.' });
    expect(msg.status).toBe(303);
  });
});
