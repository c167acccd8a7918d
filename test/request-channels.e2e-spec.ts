import nodemailer, { Transporter } from 'nodemailer';
import { AccessTokens } from '@regula/auth';
import type { Response } from 'supertest';
import { FulfilmentService, IdentityWaitSweep, RequestRecordingService } from '@regula/requests';
import { fulfilmentFixtures } from './support/fulfilment-fixtures';
import { pdf } from '@regula/requests/testing';
import { SmtpIntakeServer } from '../apps/api/src/intake/smtp-intake.server';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { freePort } from './support/free-port';
import { createStaff } from './support/staff';

const INTAKE = 'inomedis@intake.regula.localhost';

/**
 * Issue 14 §1, the channels: a message to the intake is created by the same
 * recording code as a request an admin records (received at acceptance); the
 * requester of a member's forward is the original's sender and the admin
 * corrects it on the request page; the original is downloaded by a compliance
 * admin (audited); a subject without e-mail gets the identity-wait reminders
 * and the closing letter as letters to send by post. Real SMTP (nodemailer),
 * PostgreSQL and Redis; the API's CLOCK is the test's.
 */
describe('request channels: intake through the recording path, requester, original, letters by post', () => {
  let h: Harness;
  let smtp: Transporter;
  let tenantId: string;
  let adminId: string;
  let now = new Date('2026-09-01T07:00:00.000Z');

  beforeAll(async () => {
    const port = await freePort();
    h = await startApi({ INTAKE_SMTP_PORT: String(port) }, { clock: () => now });
    expect(h.app.get(SmtpIntakeServer).port).toBe(port);
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    adminId = await createStaff(h.db.owner, 'dpo@inomedis.test', { tenant: 'inomedis' });
  });
  afterAll(async () => {
    smtp?.close();
    await h?.close();
  });

  const messageRow = async (id: string) => (await h.db.owner.query(`SELECT * FROM intake_messages WHERE id = $1`, [id]))[0];
  const requestRow = async (id: string) => (await h.db.owner.query(`SELECT * FROM rights_requests WHERE id = $1`, [id]))[0];
  const acceptedId = (response: string) => /accepted as ([0-9a-f-]{36})/.exec(response)?.[1] ?? '';
  const admin = async () => {
    const c = new AdminClient(h);
    expect((await c.login('dpo@inomedis.test')).status).toBe(303);
    return c;
  };
  /** A download read as bytes, whatever its type. */
  const download = (c: AdminClient, path: string): Promise<Response> =>
    h.http().get(path).set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  it('files a message through the recording path: received at acceptance, left for the admin, audited like a recording', async () => {
    now = new Date('2026-09-01T07:10:00.000Z');
    const info = await smtp.sendMail({ from: 'Ilze Kalniņa <ilze@subject.test>', to: INTAKE, subject: 'Dzēst manus datus', text: 'Lūdzu dzēsiet manus personas datus.' });
    const msg = await messageRow(acceptedId(info.response));
    const req = await requestRow(msg.request_id);
    expect(req).toMatchObject({ channel: 'e-mail', state: 'received', requester_email: 'ilze@subject.test', requester_name: 'Ilze Kalniņa', type: 'erasure' });
    expect(req.received_at.toISOString()).toBe(now.toISOString());
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = 'request.received' AND target_id = $1`, [req.id]);
    // The recording's audit facts (receipt, contact, original) plus the intake's own.
    expect(audit.actor).toBe('e-mail intake');
    expect(audit.details).toMatchObject({ channel: 'e-mail', receivedAt: now.toISOString(), withEmail: true, recordedLate: false, intakeMessageId: msg.id, proposedType: 'erasure' });
    // No e-mail code, no status link: the admin checks identity.
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM outbox_emails WHERE request_id = $1`, [req.id]))[0].n).toBe(0);
  });

  it("takes the requester from an original a member quoted without 'Fwd:', and lets the admin correct it (400 naming the field, audited)", async () => {
    now = new Date('2026-09-01T08:00:00.000Z');
    const quoted = await smtp.sendMail({
      from: 'dpo@inomedis.test', to: INTAKE, subject: 'Pieprasījums no pastkastes',
      text: ['Skat. zemāk.', '', 'From: Jānis Bērziņš <janis@subject.test>', 'Date: Mon, 31 Aug 2026 17:00:00 +0300', '', 'Lūdzu izsniedziet manus datus.'].join('\n'),
    });
    const qmsg = await messageRow(acceptedId(quoted.response));
    expect(qmsg).toMatchObject({ forwarded: true, proposed_received_source: 'date-header' });
    expect(await requestRow(qmsg.request_id)).toMatchObject({ requester_email: 'janis@subject.test', requester_name: 'Jānis Bērziņš' });

    // A forward whose original Regula cannot read: the requester is the forwarding member until the admin corrects it.
    const plain = await smtp.sendMail({ from: 'dpo@inomedis.test', to: INTAKE, subject: 'Piekļuves pieprasījums', text: 'Klients zvanīja un lūdza piekļuvi saviem datiem.' });
    const pmsg = await messageRow(acceptedId(plain.response));
    const req = await requestRow(pmsg.request_id);
    expect(req).toMatchObject({ requester_email: 'dpo@inomedis.test' });
    const page = `/admin/t/inomedis/requests/${req.reference}`;
    const c = await admin();
    const before = await c.get(page);
    expect(before.text).toContain(`action="${page}/intake/requester"`);
    expect(before.text).toContain('value="dpo@inomedis.test"');

    const bad = await c.submit(page, `${page}/intake/requester`, { name: 'Marta Ozola', email: 'marta-at-subject.test' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('email must be an e-mail address');
    expect(bad.text).toContain('value="marta-at-subject.test"'); // what was typed comes back
    const empty = await c.submit(page, `${page}/intake/requester`, { name: '  ', email: 'marta@subject.test' });
    expect(empty.status).toBe(400);
    expect(textOf(empty.text)).toContain('name must not be empty');
    expect((await requestRow(req.id)).requester_email).toBe('dpo@inomedis.test');

    const ok = await c.submit(page, `${page}/intake/requester`, { name: 'Marta Ozola', email: 'Marta@Subject.test' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${page}?done=requester-corrected`);
    expect(await requestRow(req.id)).toMatchObject({ requester_email: 'marta@subject.test', requester_name: 'Marta Ozola' });
    expect(textOf((await c.get(`${page}?done=requester-corrected`)).text)).toContain('The requester was corrected.');
    const audit = await h.db.owner.query(`SELECT actor_id, details FROM audit_log WHERE action = 'request.requester-corrected' AND target_id = $1`, [req.id]);
    expect(audit).toEqual([{ actor_id: adminId, details: expect.objectContaining({ intakeMessageId: pmsg.id, fields: ['name', 'email'] }) }]);
    // The audit log says what changed, not the values.
    expect(JSON.stringify(audit[0].details)).not.toContain('marta');

    // Another tenant's member cannot reach it: the reference is not theirs.
    await createStaff(h.db.owner, 'dpo@micromedic.test', { tenant: 'micromedic' });
    const other = new AdminClient(h, '203.0.113.12');
    await other.login('dpo@micromedic.test');
    const foreign = await other.get('/admin/t/micromedic/requests');
    const sneak = await other.post(`/admin/t/micromedic/requests/${req.reference}/intake/requester`, { _csrf: AdminClient.csrfOf(foreign.text), name: 'X', email: 'x@subject.test' });
    expect(sneak.status).toBe(404);
    expect((await requestRow(req.id)).requester_email).toBe('marta@subject.test');
  });

  it('lets a compliance admin download the original (the intake .eml, a recorded scan) as an attachment, audited as a personal-data read', async () => {
    now = new Date('2026-09-01T09:00:00.000Z');
    const info = await smtp.sendMail({ from: 'anna@subject.test', to: INTAKE, subject: 'access', text: 'My data, please.' });
    const msg = await messageRow(acceptedId(info.response));
    const { reference, id } = await requestRow(msg.request_id);
    const page = `/admin/t/inomedis/requests/${reference}`;
    const c = await admin();
    expect((await c.get(page)).text).toContain(`href="${page}/original"`);
    const res = await download(c, `${page}/original`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${reference}.eml"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(res.body as Buffer, msg.raw)).toBe(0);
    const reads = await h.db.owner.query(`SELECT actor_id, details FROM audit_log WHERE action = 'personal-data.read' AND target_id = $1 AND details->>'what' = 'request-original'`, [id]);
    expect(reads).toEqual([{ actor_id: adminId, details: expect.objectContaining({ source: 'intake', contentType: 'message/rfc822', sha256: msg.sha256 }) }]);

    // A recorded request's uploaded original (a PDF scan of the letter).
    const { requests: [recorded] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: '2026-08-31T10:00:00Z', name: 'Pēteris Liepa', postalAddress: 'Brīvības iela 1, Rīga', types: ['access'], locale: 'lv', identityNote: 'Parakstīta vēstule' },
      { userId: adminId, label: 'dpo@inomedis.test' },
      { buffer: pdf('signed letter'), originalName: 'vēstule.pdf' },
    );
    const scan = await download(c, `/admin/t/inomedis/requests/${recorded.reference}/original`);
    expect(scan.status).toBe(200);
    expect(scan.headers['content-type']).toMatch(/^application\/pdf/);
    expect(scan.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
    // Only there: the generic staff download of a request's files does not serve the original (it would bypass the audit).
    const [orig] = await h.db.owner.query(`SELECT a.id FROM request_artifacts a JOIN rights_requests r ON r.id = a.request_id WHERE r.reference = $1 AND a.kind = 'original'`, [recorded.reference]);
    expect((await download(c, `/admin/t/inomedis/requests/${recorded.reference}/artifacts/${orig.id}`)).status).toBe(404);

    // An auditor (no evidence:read) and another tenant's admin get nothing.
    await createStaff(h.db.owner, 'auditor@inomedis.test', { tenant: 'inomedis', role: 'auditor' });
    const auditor = new AdminClient(h, '203.0.113.11');
    await auditor.login('auditor@inomedis.test');
    expect((await auditor.get(page)).text).not.toContain(`href="${page}/original"`);
    expect((await download(auditor, `${page}/original`)).status).toBe(403);
    const other = new AdminClient(h, '203.0.113.13');
    await other.login('dpo@micromedic.test');
    expect((await download(other, `/admin/t/micromedic/requests/${reference}/original`)).status).toBe(404);
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal-data.read' AND details->>'what' = 'request-original'`))[0].n).toBe(2);
  });

  it('writes the reminders and the closing letter of a subject without e-mail as letters to send by post (day 7, 14, 30), in the subject language', async () => {
    now = new Date('2026-09-02T08:00:00.000Z');
    const { requests: [req] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: '2026-09-01T12:00:00Z', name: 'Līga Kalna', postalAddress: 'Ielas iela 5\nLV-1010 Rīga', types: ['access'], locale: 'lv' },
      { userId: adminId, label: 'dpo@inomedis.test' },
    );
    expect(req.state).toBe('awaiting-identity');
    const sweep = h.app.get(IdentityWaitSweep);
    const letters = async () => h.db.owner.query(`SELECT id, kind, content_type, delivery, convert_from(body, 'UTF8') AS html FROM request_artifacts WHERE request_id = $1 AND kind LIKE 'letter-%' ORDER BY created_at`, [req.id]);

    now = new Date('2026-09-08T08:00:00.000Z'); // day 6: nothing yet
    await sweep.sweep();
    expect(await letters()).toEqual([]);
    now = new Date('2026-09-09T09:00:00.000Z'); // day 7: the first reminder
    await sweep.sweep();
    await sweep.sweep(); // idempotent
    const [first] = await letters();
    expect(first).toMatchObject({ kind: 'letter-identity-reminder-1', content_type: 'text/html; charset=utf-8', delivery: null });
    // In Latvian, with the letter head (name, postal address, date) and "send it by post", not "upload it".
    expect(first.html).toContain('Līga Kalna');
    expect(first.html).toContain('LV-1010 Rīga');
    expect(first.html).toContain('nosūtiet to pa pastu');
    expect(first.html).not.toContain('augšupielādējiet');
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM outbox_emails WHERE request_id = $1`, [req.id]))[0].n).toBe(0);

    // The request page shows the task; the admin opens the letter to print, then records it as sent (once).
    const page = `/admin/t/inomedis/requests/${req.reference}`;
    const c = await admin();
    const shown = await c.get(page);
    expect(textOf(shown.text)).toContain('Letters to send by post');
    expect(shown.text).not.toContain(`href="${page}/original"`); // recorded without one
    const printed = await download(c, `${page}/letters/${first.id}`);
    expect(printed.status).toBe(200);
    expect(printed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(printed.headers['content-security-policy']).toContain('sandbox');
    expect((printed.body as Buffer).toString('utf8')).toContain('Līga Kalna');
    const sent = await c.submit(page, `${page}/letters/${first.id}/sent`, {});
    expect(sent.status).toBe(303);
    expect((await letters())[0].delivery).toBe('post');
    const again = await c.submit(page, `${page}/letters/${first.id}/sent`, {});
    expect(again.status).toBe(409);
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.letter-sent' AND target_id = $1`, [req.id]))[0].n).toBe(1);
    // Another tenant's admin cannot open it.
    const other = new AdminClient(h, '203.0.113.14');
    await other.login('dpo@micromedic.test');
    expect((await download(other, `/admin/t/micromedic/requests/${req.reference}/letters/${first.id}`)).status).toBe(404);

    now = new Date('2026-09-16T09:00:00.000Z'); // day 14
    await sweep.sweep();
    now = new Date('2026-10-02T09:00:00.000Z'); // day 30: closed, with the letter
    await sweep.sweep();
    const all = await letters();
    expect(all.map((l: { kind: string }) => l.kind)).toEqual(['letter-identity-reminder-1', 'letter-identity-reminder-2', 'letter-identity-not-confirmed-3']);
    expect(all[2].html).toContain('slēgts, jo jūsu identitāte nav apstiprināta');
    expect(all[2].html).toContain('nosūtiet to pa pastu');
    expect((await requestRow(req.id)).state).toBe('refused');
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.letter-written' AND target_id = $1`, [req.id]))[0].n).toBe(3);
  });

  it("links a request recorded without e-mail to the subject's records by a phone number (validated, audited), and the fulfilment preview uses them", async () => {
    now = new Date('2026-09-03T08:00:00.000Z');
    const f = fulfilmentFixtures(h.db.owner, () => tenantId);
    const subject = await f.subject('inomedis', 'karlis.ozols@subject.test', 'Kārlis Ozols', 'lv');
    await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'phone', '+37126123456')`, [tenantId, subject]);
    const held = await f.record('inomedis', subject, { system: 'crm', register: 'clients', category: 'identity-contact', value: 'Kārlis Ozols' });
    const { requests: [req] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'phone', receivedAt: '2026-09-03T07:30:00Z', name: 'Kārlis Ozols', phone: '26 123 456', types: ['erasure'], locale: 'lv', identityNote: 'Zvanīja no klientu kartē norādītā numura; atbildēja uz drošības jautājumiem' },
      { userId: adminId, label: 'dpo@inomedis.test' },
    );
    expect(req).toMatchObject({ state: 'in-progress', subjectId: null });
    const actor = { id: adminId, name: 'dpo@inomedis.test (compliance-admin)', label: 'dpo@inomedis.test' };
    expect((await h.app.get(FulfilmentService).preview(tenantId, req.reference, {}, actor)).plan.records).toEqual([]);

    const page = `/admin/t/inomedis/requests/${req.reference}`;
    const c = await admin();
    const before = await c.get(page);
    expect(textOf(before.text)).toContain('Regula matches a requester by e-mail address only');
    expect(before.text).toContain(`action="${page}/subject"`);
    const bad = await c.submit(page, `${page}/subject`, { kind: 'phone', value: 'call me' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('value is not a phone number');
    const unknown = await c.submit(page, `${page}/subject`, { kind: 'phone', value: '26 999 999' });
    expect(unknown.status).toBe(400);
    expect(textOf(unknown.text)).toContain('value: no data subject');
    expect((await c.submit(page, `${page}/subject`, { kind: 'shoe-size', value: '42' })).status).toBe(400);

    // A national number as the caller gave it: the controller's country code is added (+371), as for the ingested identifiers.
    const ok = await c.submit(page, `${page}/subject`, { kind: 'phone', value: '26 123 456' });
    expect(ok.status).toBe(303);
    expect((await requestRow(req.id)).subject_id).toBe(subject);
    const after = await c.get(`${page}?done=subject-linked`);
    expect(textOf(after.text)).toContain('Linked to the records of Kārlis Ozols');
    const audit = await h.db.owner.query(`SELECT actor_id, details FROM audit_log WHERE action = 'request.subject-linked' AND target_id = $1`, [req.id]);
    expect(audit).toEqual([{ actor_id: adminId, details: expect.objectContaining({ kind: 'phone', subjectId: subject, previousSubjectId: null }) }]);
    expect(JSON.stringify(audit[0].details)).not.toContain('26123456');

    const plan = (await h.app.get(FulfilmentService).preview(tenantId, req.reference, {}, actor)).plan;
    expect(JSON.stringify(plan.records)).toContain(held.id);
  });

  it('offers the same over the REST API: original, requester, subject link, letter sent (400 naming the field, tenant from the token)', async () => {
    now = new Date('2026-09-04T08:00:00.000Z');
    // passport-jwt checks a token's expiry against the system time: issued now, whatever the CLOCK says.
    const auth = { Authorization: `Bearer ${await h.app.get(AccessTokens).issue(adminId, new Date())}` };
    const info = await smtp.sendMail({ from: 'dpo@inomedis.test', to: INTAKE, subject: 'Pieprasījums', text: 'Klients lūdza dzēst datus.' });
    const { reference } = await requestRow((await messageRow(acceptedId(info.response))).request_id);
    const base = `/api/v1/tenants/inomedis/requests/${reference}`;

    const eml = await h.http().get(`${base}/original`).set(auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(eml.status).toBe(200);
    expect(eml.headers['content-disposition']).toBe(`attachment; filename="${reference}.eml"`);

    const bad = await h.http().post(`${base}/requester`).set(auth).send({ name: 'Ieva Zariņa', email: 'nope' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('email must be an e-mail address');
    const ok = await h.http().post(`${base}/requester`).set(auth).send({ name: 'Ieva Zariņa', email: 'ieva@subject.test' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ requesterName: 'Ieva Zariņa', requesterEmail: 'ieva@subject.test' });

    const kind = await h.http().post(`${base}/subject`).set(auth).send({ kind: 'shoe-size', value: '42' });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('kind must be one of');
    const linked = await h.http().post(`${base}/subject`).set(auth).send({ kind: 'phone', value: '+371 26 123 456' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ displayName: 'Kārlis Ozols' });
    // Another tenant's path with this token (not a member there): 404, before any request is looked at.
    expect((await h.http().post(`/api/v1/tenants/micromedic/requests/${reference}/subject`).set(auth).send({ kind: 'phone', value: '+37126123456' })).status).toBe(404);
  });
});
