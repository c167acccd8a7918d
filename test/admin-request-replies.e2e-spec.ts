import { createHash } from 'node:crypto';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { submitUpload, uploadForm } from './support/admin-upload';
import { createStaff } from './support/staff';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * "Upload a reply document" on the dashboard's request page: a multipart
 * form whose CSRF token is checked after the body is parsed (and the session,
 * tenant and permission before); success redirects with a flash message and
 * lists the reply with its download; 400, 409 and 413 come back on the page;
 * no token 403, auditors 403, another tenant 404.
 */
describe('admin dashboard: reply documents', () => {
  let h: Harness;
  let port: RequestsPort;
  const ids: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    h = await startApi();
    for (const slug of ['inomedis', 'micromedic']) {
      const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
      ids[slug] = id;
    }
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function fileRequest() {
    n += 1;
    const filed = await port.fileRequest(ids.inomedis, { type: 'access', name: 'Anna Bērziņa', email: `replies.${n}@example.test`, locale: 'en', details: {} }, { ip: `198.51.100.${n}` });
    return filed.request;
  }

  async function signedIn(email: string): Promise<AdminClient> {
    const c = new AdminClient(h);
    await c.login(email);
    return c;
  }

  async function replies(requestId: string): Promise<number> {
    const [{ c }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM request_artifacts WHERE request_id = $1 AND kind = 'reply'`, [requestId]);
    return c;
  }

  const pageOf = (ref: string) => `/admin/t/inomedis/requests/${ref}?lang=en`;
  const actionOf = (ref: string, slug = 'inomedis') => `/admin/t/${slug}/requests/${ref}/replies/upload`;

  it('uploads a PDF through the form: 303 with a flash message, listed with its note and a download of the same bytes; e-mailed and audited', async () => {
    const r = await fileRequest();
    const c = await signedIn('admin@ino.test');
    const page = await c.get(pageOf(r.reference));
    expect(page.text).toContain('Upload a reply document');
    expect(page.text).toMatch(new RegExp(`<form method="post" action="${actionOf(r.reference)}" enctype="multipart/form-data"`));
    expect(textOf(page.text)).toContain('No reply documents yet.');

    const body = pdf('Our answer, from the dashboard.');
    const res = await submitUpload(h, c, pageOf(r.reference), actionOf(r.reference), { note: 'Signed answer attached.' }, { field: 'file', name: 'answer.pdf', body, contentType: 'application/pdf' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/t/inomedis/requests/${r.reference}?done=reply-uploaded`);

    const after = await c.get(`${res.headers.location}&lang=en`);
    expect(textOf(after.text)).toContain('The reply document was uploaded; the requester was told by e-mail.');
    expect(textOf(after.text)).toContain('Signed answer attached.');
    const href = new RegExp(`href="(/admin/t/inomedis/requests/${r.reference}/artifacts/[0-9a-f-]{36})"`).exec(after.text)?.[1];
    expect(href).toBeDefined();
    const download = await h.http().get(href!).set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')).responseType('blob');
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, body)).toBe(0);

    expect(await replies(r.id)).toBe(1);
    const [mail] = await h.db.owner.query(`SELECT count(*)::int AS c FROM outbox_emails WHERE request_id = $1 AND template = 'reply-uploaded'`, [r.id]);
    expect(mail.c).toBe(1);
    const [audit] = await h.db.owner.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'request.reply-uploaded'`, [r.id]);
    expect(audit.details.sha256).toBe(sha256(body));
  });

  it('shows a refused file on the page: text named .pdf (400), over 10 MB (413), the note kept; nothing stored', async () => {
    const r = await fileRequest();
    const c = await signedIn('admin@ino.test');
    const text = await submitUpload(h, c, pageOf(r.reference), actionOf(r.reference), { note: 'Kept note' }, { field: 'file', name: 'answer.pdf', body: Buffer.from('just text\n'), contentType: 'application/pdf' });
    expect(text.status).toBe(400);
    expect(textOf(text.text)).toContain('file type not accepted');
    expect(text.text).toContain('id="a-reply-error"');
    expect(text.text).toMatch(/<textarea id="a-reply-note"[^>]*>Kept note<\/textarea>/);

    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const large = await submitUpload(h, c, pageOf(r.reference), actionOf(r.reference), {}, { field: 'file', name: 'big.pdf', body: big, contentType: 'application/pdf' });
    expect(large.status).toBe(413);
    expect(textOf(large.text)).toContain('The file is larger than 10 MB. Nothing was stored.');

    const none = await submitUpload(h, c, pageOf(r.reference), actionOf(r.reference), { note: 'no file' });
    expect(none.status).toBe(400);
    expect(await replies(r.id)).toBe(0);
  });

  it('answers 409 on the page for a closed request (whose page shows no upload form)', async () => {
    const r = await fileRequest();
    const c = await signedIn('admin@ino.test');
    const shown = await c.submit(pageOf(r.reference), `/admin/t/inomedis/requests/${r.reference}/refuse`, { ground: 'manifestly-unfounded', reason: 'Answered last week already.' });
    expect(shown.status).toBe(200); // what will happen, to confirm
    const refused = await c.post(`/admin/t/inomedis/requests/${r.reference}/refuse`, { _csrf: AdminClient.csrfOf(shown.text), confirmed: '1', ground: 'manifestly-unfounded', reason: 'Answered last week already.' });
    expect(refused.status).toBe(303);
    const page = await c.get(pageOf(r.reference));
    expect(page.text).not.toContain('Upload a reply document');
    const res = await uploadForm(h, c, actionOf(r.reference), { _csrf: AdminClient.csrfOf(page.text) }, { field: 'file', name: 'a.pdf', body: pdf() });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain("cannot upload a reply to a request in state 'refused'");
    expect(await replies(r.id)).toBe(0);
  });

  it('refuses a form without the CSRF token or with another session\'s (403), an auditor (403), another tenant (404), a stranger (sign-in)', async () => {
    const r = await fileRequest();
    const c = await signedIn('admin@ino.test');
    const file = { field: 'file', name: 'a.pdf', body: pdf() };
    expect((await uploadForm(h, c, actionOf(r.reference), {}, file)).status).toBe(403);
    const other = await signedIn('admin@ino.test');
    const otherToken = AdminClient.csrfOf((await other.get(pageOf(r.reference))).text);
    expect((await uploadForm(h, c, actionOf(r.reference), { _csrf: otherToken }, file)).status).toBe(403);

    const auditor = await signedIn('auditor@ino.test');
    const auditorPage = await auditor.get(pageOf(r.reference));
    expect(auditorPage.text).not.toContain('Upload a reply document');
    expect((await uploadForm(h, auditor, actionOf(r.reference), { _csrf: AdminClient.csrfOf(auditorPage.text) }, file)).status).toBe(403);

    const micro = await signedIn('admin@micro.test');
    const microToken = AdminClient.csrfOf((await micro.get('/admin/t/micromedic/requests')).text);
    expect((await uploadForm(h, micro, actionOf(r.reference), { _csrf: microToken }, file)).status).toBe(404);
    expect((await uploadForm(h, micro, actionOf(r.reference, 'micromedic'), { _csrf: microToken }, file)).status).toBe(404);

    const stranger = await uploadForm(h, new AdminClient(h), actionOf(r.reference), {}, file);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.location).toBe('/admin/login');
    expect(await replies(r.id)).toBe(0);
  });
});
