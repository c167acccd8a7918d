import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { exe, pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A compliance admin uploads a reply document to a rights request through
 * the API: checked by content and size, listed on the subject's status page
 * and downloaded there byte for byte, e-mailed, audited with its SHA-256;
 * closed requests, auditors and other tenants are refused.
 */
describe('request replies: the API and the status page', () => {
  let h: Harness;
  let uploads: string;
  let port: RequestsPort;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-uploads-'));
    h = await startApi({ UPLOAD_DIR: uploads, PUBLIC_BASE_URL: 'https://regula.test' });
    for (const slug of ['inomedis', 'micromedic']) {
      const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
      ids[slug] = id;
    }
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    for (const [k, email] of Object.entries({ ino: 'admin@ino.test', inoAuditor: 'auditor@ino.test', micro: 'admin@micro.test' })) tokens[k] = await h.login(email);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  function file(slug = 'inomedis') {
    n += 1;
    return port.fileRequest(ids[slug], { type: 'access', name: 'Anna Bērziņa', email: `reply.${n}@subject.test`, locale: 'en', details: {} }, { ip: `198.51.100.${n}` });
  }

  const upload = (slug: string, reference: string, who: string) =>
    h.http().post(`/api/v1/tenants/${slug}/requests/${reference}/replies`).set('Authorization', `Bearer ${tokens[who]}`);

  it('stores a real PDF as a reply the subject sees on the status page and downloads byte for byte; e-mailed and audited with its SHA-256', async () => {
    const filed = await file();
    const ref = filed.request.reference;
    const body = pdf('Our answer to your request, signed by the DPO.');
    const res = await upload('inomedis', ref, 'ino').attach('file', body, { filename: 'Atbilde uz pieprasījumu.pdf', contentType: 'application/pdf' }).field('note', 'Our answer, signed by the DPO.');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', sizeBytes: body.length, sha256: sha256(body), note: 'Our answer, signed by the DPO.' });
    expect(res.body.fileName).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);

    // Kept with the request's artifacts (the database, under RLS), never as a file under a public path.
    const [row] = await h.db.owner.query(`SELECT kind, sha256, size_bytes, note FROM request_artifacts WHERE id = $1`, [res.body.id]);
    expect(row).toMatchObject({ kind: 'reply', sha256: sha256(body), size_bytes: body.length });

    const page = await h.http().get(`/t/inomedis/requests/${ref}?lang=en&token=${encodeURIComponent(filed.statusToken)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Documents for you');
    expect(page.text).toContain(res.body.fileName);
    expect(page.text).toContain('Our answer, signed by the DPO.');
    expect(page.text).toContain(`/t/inomedis/requests/${ref}/artifacts/${res.body.id}?token`);

    const download = await h.http().get(`/t/inomedis/requests/${ref}/artifacts/${res.body.id}?token=${encodeURIComponent(filed.statusToken)}`).responseType('blob');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(download.body as Buffer, body)).toBe(0);
    // A wrong token is a 404, like an unknown file.
    expect((await h.http().get(`/t/inomedis/requests/${ref}/artifacts/${res.body.id}?token=wrong-token-0123456789`)).status).toBe(404);

    const mails: { text: string; subject: string }[] = await h.db.owner.query(
      `SELECT subject, body_text AS text FROM outbox_emails WHERE request_id = $1 AND template = 'reply-uploaded'`, [filed.request.id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(ref);
    expect(mails[0].text).toContain('Our answer, signed by the DPO.');
    expect(mails[0].text).toContain(`https://regula.test/t/inomedis/requests/${ref}`);

    const audit: { actor: string; details: Record<string, unknown> }[] = await h.db.owner.query(
      `SELECT actor, details FROM audit_log WHERE target_id = $1 AND action = 'request.reply-uploaded'`, [filed.request.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toContain('admin@ino.test');
    expect(audit[0].details).toMatchObject({ reference: ref, sha256: sha256(body), sizeBytes: body.length, fileName: res.body.fileName, contentType: 'application/pdf' });

    const detail = await h.http().get(`/api/v1/tenants/inomedis/requests/${ref}`).set('Authorization', `Bearer ${tokens.ino}`);
    expect(detail.body.timeline.some((e: { kind: string; visibleToSubject: boolean }) => e.kind === 'reply' && e.visibleToSubject)).toBe(true);
    // The state stays as it was.
    expect(detail.body.request.state).toBe(filed.request.state);
  });

  it('takes several replies per request, listed in order (auditors read the list; another tenant 404)', async () => {
    const filed = await file();
    for (const text of ['first', 'second']) {
      expect((await upload('inomedis', filed.request.reference, 'ino').attach('file', pdf(text), 'reply.pdf')).status).toBe(201);
    }
    const [{ count }] = await h.db.owner.query(`SELECT count(*)::int AS count FROM request_artifacts WHERE request_id = $1 AND kind = 'reply'`, [filed.request.id]);
    expect(count).toBe(2);
    const list = await h.http().get(`/api/v1/tenants/inomedis/requests/${filed.request.reference}/replies`).set('Authorization', `Bearer ${tokens.inoAuditor}`);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { sha256: string }) => r.sha256)).toEqual([sha256(pdf('first')), sha256(pdf('second'))]);
    const other = await h.http().get(`/api/v1/tenants/micromedic/requests/${filed.request.reference}/replies`).set('Authorization', `Bearer ${tokens.micro}`);
    expect(other.status).toBe(404);
  });

  it('refuses by content: a text file named .pdf, an executable named .pdf (400 naming the type); nothing stored', async () => {
    const filed = await file();
    const text = await upload('inomedis', filed.request.reference, 'ino').attach('file', Buffer.from('This is only text pretending to be a PDF.\n'), 'answer.pdf');
    expect(text.status).toBe(400);
    expect(JSON.stringify(text.body)).toMatch(/file type not accepted \(the content is not a known document type\)/);
    const program = await upload('inomedis', filed.request.reference, 'ino').attach('file', exe(), 'answer.pdf');
    expect(program.status).toBe(400);
    expect(JSON.stringify(program.body)).toMatch(/the content is application\/x-msdownload/);
    const missing = await upload('inomedis', filed.request.reference, 'ino').field('note', 'no file');
    expect(missing.status).toBe(400);
    const [{ count }] = await h.db.owner.query(`SELECT count(*)::int AS count FROM request_artifacts WHERE request_id = $1`, [filed.request.id]);
    expect(count).toBe(0);
  });

  it('refuses a file over 10 MB (413)', async () => {
    const filed = await file();
    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await upload('inomedis', filed.request.reference, 'ino').attach('file', big, 'big.pdf');
    expect(res.status).toBe(413);
  });

  it('refuses a closed request (409)', async () => {
    const filed = await file();
    const ref = filed.request.reference;
    const refused = await h.http().post(`/api/v1/tenants/inomedis/requests/${ref}/refuse`).set('Authorization', `Bearer ${tokens.ino}`)
      .send({ ground: 'manifestly-unfounded', reason: 'The same request was answered last week.' });
    expect(refused.status).toBe(200);
    const res = await upload('inomedis', ref, 'ino').attach('file', pdf(), 'reply.pdf');
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toMatch(/cannot upload a reply to a request in state 'refused'/);
  });

  it('refuses an auditor (403) and another tenant (404, as for an unknown request)', async () => {
    const filed = await file();
    const ref = filed.request.reference;
    expect((await upload('inomedis', ref, 'inoAuditor').attach('file', pdf(), 'reply.pdf')).status).toBe(403);
    // Not a member of inomedis: 404 for all of its URLs.
    expect((await upload('inomedis', ref, 'micro').attach('file', pdf(), 'reply.pdf')).status).toBe(404);
    // Its own tenant's URL with inomedis' reference: the request is looked up with the tenant id.
    expect((await upload('micromedic', ref, 'micro').attach('file', pdf(), 'reply.pdf')).status).toBe(404);
    const [{ count }] = await h.db.owner.query(`SELECT count(*)::int AS count FROM request_artifacts WHERE request_id = $1`, [filed.request.id]);
    expect(count).toBe(0);
  });

  it('documents the route in OpenAPI as a multipart upload', async () => {
    const res = await h.http().get('/api/docs/openapi.json');
    const op = res.body.paths['/api/v1/tenants/{slug}/requests/{reference}/replies']?.post;
    expect(op).toBeDefined();
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
  });
});
