import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { csvRows } from '@regula/exports';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REQUESTS_PORT, RequestsPort, FileRequestInput, requestDeadlines } from '@regula/requests';
import { renderStored } from '@regula/mail';
import { AuditService } from '@regula/audit';
import { asice, exe, pdf } from '@regula/requests/testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DomainError, loadWorkerConfig, QueueName } from '@regula/platform';
import { fakeSmtp, FakeSmtp } from '@regula/mail/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { toHttpException } from '../apps/api/src/common/http-error';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { Mailbox, parseMessage } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * Rights requests end to end on real PostgreSQL and Redis: filed through the
 * port the public pages use, the e-mail code read from the e-mail received (the test SMTP sink), then the
 * compliance admin's API (identity, extension, refusal, fee,
 * messages, list, evidence) with its permissions and tenant isolation.
 */
describe('rights requests: the admin API', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let port: RequestsPort;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let ipCounter = 0;
  const nextIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;
  let emailCounter = 0;
  const nextEmail = (tag: string) => `${tag}.${++emailCounter}@subject.test`;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
    for (const slug of ['inomedis', 'micromedic', 'softera-baltic', 'medical-management']) {
      const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
      ids[slug] = id;
    }
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    await createStaff(h.db.owner, 'auditor@micro.test', { tenant: 'micromedic', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    for (const [k, email] of Object.entries({ ino: 'admin@ino.test', inoAuditor: 'auditor@ino.test', micro: 'admin@micro.test', microAuditor: 'auditor@micro.test', softera: 'admin@softera.test', mm: 'admin@mm.test', platform: 'platform@regula.test' })) {
      tokens[k] = await h.login(email);
    }
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const api = (method: 'get' | 'post', url: string, who: string) => h.http()[method](url).set('Authorization', `Bearer ${tokens[who]}`);

  function file(slug: string, over: Partial<FileRequestInput> = {}) {
    return port.fileRequest(ids[slug], { type: 'access', name: 'Anna Bērziņa', email: nextEmail(slug), locale: 'en', details: {}, ...over }, { ip: nextIp() });
  }

  /** The request's e-mails as stored (placeholders and all); one a web filing left to the worker rendered as the worker will store it. */
  async function emails(requestId: string, template?: string): Promise<{ id: string; subject: string; text: string; html: string; template: string; locale: string; status: string }[]> {
    const rows: { id: string; subject: string | null; text: string | null; html: string | null; template: string; locale: string; status: string; render_input: Record<string, unknown> | null }[] = await h.db.owner.query(
      `SELECT id, subject, body_text AS text, body_html AS html, template, locale, status, render_input FROM outbox_emails WHERE request_id = $1 ${template ? 'AND template = $2' : ''} ORDER BY created_at, id`,
      template ? [requestId, template] : [requestId],
    );
    return rows.map(({ render_input, ...r }) => (r.subject === null && render_input ? { ...r, ...renderStored(render_input) } : (r as typeof r & { subject: string; text: string; html: string })));
  }

  /** The code is only in the e-mail the subject receives (minted when it is sent), in its text (never its subject line). */
  async function codeReceived(reference: string): Promise<string> {
    const code = await mailbox.code(h, reference);
    const mails = await mailbox.forRequest(h, reference, 'verify-email');
    expect(mails[mails.length - 1].text).toContain(code);
    return code;
  }

  async function fileAndVerify(slug: string, over: Partial<FileRequestInput> = {}) {
    const filed = await file(slug, over);
    await port.verifyEmail(ids[slug], filed.request.reference, await codeReceived(filed.request.reference), { ip: nextIp() });
    return filed;
  }

  async function row(id: string) {
    const [r] = await h.db.owner.query(`SELECT *, to_char(due_date, 'YYYY-MM-DD') AS due_date_text FROM rights_requests WHERE id = $1`, [id]);
    return r;
  }

  /** Moves a request's receipt (and its suspensions) `days` into the past, as if it had arrived then. */
  async function backdate(id: string, days: number) {
    await h.db.owner.query(`UPDATE rights_requests SET received_at = received_at - make_interval(days => $2) WHERE id = $1`, [id, days]);
    await h.db.owner.query(
      `UPDATE request_suspensions SET from_at = from_at - make_interval(days => $2), to_at = to_at - make_interval(days => $2) WHERE request_id = $1`,
      [id, days],
    );
  }

  async function expectHttpError(p: Promise<unknown>, status: number, message?: RegExp) {
    const e = await p.then(() => undefined, (err: unknown) => err);
    // The lib raises a domain error; the answer is what the API's mapping makes of it.
    expect(e).toBeInstanceOf(DomainError);
    const http = toHttpException(e as DomainError);
    expect(http.getStatus()).toBe(status);
    if (message) expect(JSON.stringify(http.getResponse())).toMatch(message);
  }

  describe('filing and the e-mail code', () => {
    it('acknowledges with the legal due date, the authority and the status link; the code goes in a second e-mail; the clock stands still', async () => {
      const filed = await file('inomedis', { locale: 'lv', name: 'Jānis <b>Bērziņš</b>' });
      expect(filed.request.reference).toMatch(/^R-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(filed.request.state).toBe('awaiting-identity');
      expect(filed.request.identityMethod).toBe('email-link');
      expect(filed.request).not.toHaveProperty('statusTokenHash');
      expect(filed.request).not.toHaveProperty('verificationHash');
      expect(Buffer.from(filed.statusToken, 'base64url')).toHaveLength(32);
      expect(filed.deadline.dueDate).toBe(filed.request.dueDate);

      const [ack] = await emails(filed.request.id, 'request-received');
      expect(ack).toMatchObject({ locale: 'lv', status: 'pending' });
      expect(ack.text).toContain(filed.request.reference);
      expect(ack.text).toContain('Datu valsts inspekcija');
      expect(ack.html).toContain('Jānis &lt;b&gt;Bērziņš&lt;/b&gt;');
      expect(ack.html).not.toContain('<b>Bērziņš</b>');
      // Until it is sent the e-mail has no secret at all: no code, no token, none of the filer's link.
      expect(ack.text).not.toContain(filed.statusToken);
      expect((await row(filed.request.id)).verification_hash).toBeNull();

      const code = await codeReceived(filed.request.reference);
      const [received] = await mailbox.forRequest(h, filed.request.reference, 'request-received');
      const linkToken = /\?token=([A-Za-z0-9_-]{43})/.exec(received.text)![1];
      expect(received.text).toContain(`https://regula.test/t/inomedis/requests/${filed.request.reference}?token=${linkToken}`);
      expect(linkToken).not.toBe(filed.statusToken);
      const stored = await row(filed.request.id);
      expect(stored.status_token_hash).not.toContain(filed.statusToken);
      expect(stored.verification_hash).not.toBe(code);
      expect(stored.verification_hash).toHaveLength(64);
      const [linkRow] = await h.db.owner.query(`SELECT token_hash FROM request_link_tokens WHERE request_id = $1 AND email_id = $2`, [filed.request.id, ack.id]);
      expect(linkRow.token_hash).toHaveLength(64);
      expect(linkRow.token_hash).not.toContain(linkToken);
      for (const m of await emails(filed.request.id)) expect(`${m.subject}${m.text}${m.html}`).not.toMatch(new RegExp(`${code}|${linkToken}`));
      // The e-mail's link opens the status page as the filer's own does.
      expect((await port.statusFor(ids.inomedis, filed.request.reference, linkToken)).reference).toBe(filed.request.reference);
      const [susp] = await h.db.owner.query(`SELECT * FROM request_suspensions WHERE request_id = $1`, [filed.request.id]);
      expect(susp).toMatchObject({ kind: 'identity', to_at: null });

      const status = await port.statusFor(ids.inomedis, filed.request.reference, filed.statusToken);
      expect(status).toMatchObject({ state: 'awaiting-identity', waitingFor: 'email-code', identityVerified: false });
      await expectHttpError(port.statusFor(ids.inomedis, filed.request.reference, `${filed.statusToken}x`), 404);
      await expectHttpError(port.statusFor(ids.micromedic, filed.request.reference, filed.statusToken), 404);
    });

    it('checks the code: a wrong one counts an attempt; the right one verifies identity and starts the clock', async () => {
      const filed = await file('inomedis');
      const code = await codeReceived(filed.request.reference);
      const wrong = code === '000000' ? '000001' : '000000';
      await expectHttpError(port.verifyEmail(ids.inomedis, filed.request.reference, wrong, { ip: nextIp() }), 400, /wrong code: 4 attempt\(s\) left/);
      await expectHttpError(port.verifyEmail(ids.inomedis, filed.request.reference, 'abc', { ip: nextIp() }), 400, /6 digits/);
      const verified = await port.verifyEmail(ids.inomedis, filed.request.reference, code, { ip: nextIp() });
      expect(verified.state).toBe('in-progress');
      expect(verified.identityVerifiedAt).toBeInstanceOf(Date);
      const [susp] = await h.db.owner.query(`SELECT to_at FROM request_suspensions WHERE request_id = $1`, [filed.request.id]);
      expect(susp.to_at).toBeInstanceOf(Date);
      expect(await emails(filed.request.id, 'identity-confirmed')).toHaveLength(1);
      await expectHttpError(port.verifyEmail(ids.inomedis, filed.request.reference, code, { ip: nextIp() }), 409);
    });

    it('matches the request to the data subject who holds the confirmed e-mail address', async () => {
      const email = 'matched.subject@example.lv';
      const [subject] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name) VALUES ($1, 'Matched Subject') RETURNING id`, [ids.inomedis]);
      await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [ids.inomedis, subject.id, email]);
      const filed = await file('inomedis', { email: 'Matched.Subject@Example.LV' });
      expect((await row(filed.request.id)).subject_id).toBeNull();
      await port.verifyEmail(ids.inomedis, filed.request.reference, await codeReceived(filed.request.reference), { ip: nextIp() });
      expect((await row(filed.request.id)).subject_id).toBe(subject.id);
      // someone with no data held is verified all the same, with no subject
      const stranger = await fileAndVerify('inomedis');
      expect((await row(stranger.request.id)).subject_id).toBeNull();
    });

    it('dies after five wrong codes; a new code (with the status token) works', async () => {
      const filed = await file('inomedis');
      const code = await codeReceived(filed.request.reference);
      const wrong = code === '111111' ? '222222' : '111111';
      for (let i = 0; i < 5; i++) await expectHttpError(port.verifyEmail(ids.inomedis, filed.request.reference, wrong, { ip: nextIp() }), 400);
      await expectHttpError(port.verifyEmail(ids.inomedis, filed.request.reference, code, { ip: nextIp() }), 400, /too many wrong codes/);
      await expectHttpError(port.resendCode!(ids.inomedis, filed.request.reference, 'not-the-token', { ip: nextIp() }), 404);
      await port.resendCode!(ids.inomedis, filed.request.reference, filed.statusToken, { ip: nextIp() });
      const fresh = await codeReceived(filed.request.reference);
      expect((await port.verifyEmail(ids.inomedis, filed.request.reference, fresh, { ip: nextIp() })).state).toBe('in-progress');
    });

    it('validates what the subject typed with 400 naming the fields', async () => {
      await expectHttpError(
        port.fileRequest(ids.inomedis, { type: 'teleport' as never, name: '', email: 'not-an-email', locale: 'de', details: { colour: 'red' } }, { ip: nextIp() }),
        400,
        /type must be one of.*name is required.*email must be an e-mail address.*locale must be one of: lv, en.*unknown field\(s\) colour/,
      );
      // Micromedic's notice does not offer the Art. 22 right.
      await expectHttpError(file('micromedic', { type: 'objection-automated' }), 400, /does not offer this right/);
      await expectHttpError(file('inomedis', { type: 'recipients-in-period', details: { period: { from: '2026-02-30', to: '2026-03-01' } } }), 400, /details\.period/);
      const ok = await file('inomedis', { type: 'recipients-in-period', details: { period: { from: '2025-01-01', to: '2025-12-31' }, message: 'Who got my data?' } });
      expect(ok.request.details).toEqual({ period: { from: '2025-01-01', to: '2025-12-31' }, message: 'Who got my data?' });
    });

    it('rate-limits filing by e-mail address (429 with the wait)', async () => {
      const email = nextEmail('flood');
      for (let i = 0; i < 5; i++) await file('softera-baltic', { email });
      await expectHttpError(file('softera-baltic', { email }), 429, /retryAfterSeconds/);
    });

    it('rate-limits by IP address before reading the input (bad submissions count too)', async () => {
      const ip = '203.0.113.7';
      const bad = () => port.fileRequest(ids['softera-baltic'], { type: 'access', name: '', email: 'x', locale: 'lt', details: {} }, { ip });
      for (let i = 0; i < 30; i++) await expectHttpError(bad(), 400);
      await expectHttpError(bad(), 429);
      await expectHttpError(port.fileRequest(ids['softera-baltic'], { type: 'access', name: 'Ona', email: nextEmail('ip'), locale: 'lt', details: {} }, { ip }), 429);
    });
  });

  describe('the clock: identity only, extension', () => {
    it('has no free-text pause: only waiting for identity (Art. 12(6)) stops the clock, and a fee does not', async () => {
      const filed = await fileAndVerify('inomedis');
      const ref = filed.request.reference;
      for (const action of ['pause', 'resume']) {
        const res = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/${action}`, 'ino').send({ reason: 'Please send us your client card number.' });
        expect({ action, status: res.status }).toEqual({ action, status: 404 });
      }
      expect(await h.db.owner.query(`SELECT 1 FROM request_suspensions WHERE request_id = $1 AND to_at IS NULL`, [filed.request.id])).toHaveLength(0);
      // A fee warning (Art. 12(5)) leaves the clock running: the due date does not move.
      const sof = await fileAndVerify('softera-baltic', { locale: 'en' });
      const before = (await row(sof.request.id)).due_date_text;
      const fee = await api('post', `/api/v1/tenants/softera-baltic/requests/${sof.request.reference}/fee`, 'softera').send({ amount: 5, reason: 'Third copy this month.' });
      expect(fee.status).toBe(200);
      expect(await h.db.owner.query(`SELECT 1 FROM request_suspensions WHERE request_id = $1 AND to_at IS NULL`, [sof.request.id])).toHaveLength(0);
      expect((await row(sof.request.id)).due_date_text).toBe(before);
    });

    it('extends within the first month: three months from receipt, the subject told the reasons at once', async () => {
      const filed = await fileAndVerify('inomedis', { locale: 'lv' });
      const ref = filed.request.reference;
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/extend`, 'ino').send({ reason: 'Dati jāmeklē trīs dažādās sistēmās.' });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('extended');
      const r = await row(filed.request.id);
      const spans = await h.db.owner.query(`SELECT from_at AS "fromAt", to_at AS "toAt" FROM request_suspensions WHERE request_id = $1`, [filed.request.id]);
      const expected = requestDeadlines({ receivedAt: r.received_at, suspensions: spans, extended: true, country: 'LV', timeZone: 'Europe/Riga', now: new Date() });
      expect(r.due_date_text).toBe(expected.dueDate);
      expect(r.first_due_at.getTime()).toBe(expected.first.dueAt.getTime());
      expect(r.extension_reason).toBe('Dati jāmeklē trīs dažādās sistēmās.');
      const [mail] = await emails(filed.request.id, 'request-extended');
      expect(mail.text).toContain('Dati jāmeklē trīs dažādās sistēmās.');
      expect(mail.subject).toContain(ref);

      const twice = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/extend`, 'ino').send({ reason: 'Still more work.' });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toMatch(/extend/);
      expect(twice.body.message).toMatch(/'extended'/);
    });

    it('refuses an extension after the first month (409)', async () => {
      const filed = await fileAndVerify('inomedis');
      await backdate(filed.request.id, 40);
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${filed.request.reference}/extend`, 'ino').send({ reason: 'Too late for this.' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ state: 'in-progress', action: 'extend' });
      expect(res.body.message).toMatch(/one-month period ended on \d{4}-\d{2}-\d{2}.*Art\. 12\(3\)/);
    });

    it('answers 409 naming the state and the action for an action the state does not allow', async () => {
      const filed = await file('inomedis');
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${filed.request.reference}/extend`, 'ino').send({ reason: 'Not verified yet.' });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe("cannot extend a request in state 'awaiting-identity' (allowed there: confirm-email, add-evidence, reject-evidence, verify-identity, message, reply, refuse, withdraw, merge)");
    });
  });

  describe('refusal, fee, messages, completion, withdrawal', () => {
    it('refuses with the ground and reasons; the e-mail names the authority, its contacts and the courts', async () => {
      const filed = await fileAndVerify('inomedis', { locale: 'lv' });
      const ref = filed.request.reference;
      const bad = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/refuse`, 'ino').send({ ground: 'because', reason: 'x' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/ground must be one of/);
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/refuse`, 'ino').send({ ground: 'manifestly-unfounded', reason: 'Pieprasījums atkārto vakar izpildītu pieprasījumu.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'refused', refusalGround: 'manifestly-unfounded' });
      const [mail] = await emails(filed.request.id, 'request-refused');
      expect(mail.locale).toBe('lv');
      for (const s of ['Datu valsts inspekcija', 'Elijas iela 17', 'info@dvi.gov.lv', '+371 67 223 131', 'Pieprasījums atkārto vakar izpildītu pieprasījumu.', '79. pants', '77. pants']) {
        expect(mail.text).toContain(s);
      }
      const status = await port.statusFor(ids.inomedis, ref, filed.statusToken);
      expect(status.refusal).toEqual({ ground: 'manifestly-unfounded', reason: 'Pieprasījums atkārto vakar izpildītu pieprasījumu.' });
      const again = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/refuse`, 'ino').send({ ground: 'excessive', reason: 'Once more.' });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/cannot refuse a request in state 'refused'/);
    });

    it('warns of a fee only where the notice reserves one (Softera), never where requests are promised free (Inomedis)', async () => {
      const ino = await fileAndVerify('inomedis');
      const no = await api('post', `/api/v1/tenants/inomedis/requests/${ino.request.reference}/fee`, 'ino').send({ amount: 25, reason: 'The fifth identical request this month.' });
      expect(no.status).toBe(409);
      expect(no.body.message).toMatch(/reserves no fee/);

      const sof = await fileAndVerify('softera-baltic', { locale: 'en' });
      const bad = await api('post', `/api/v1/tenants/softera-baltic/requests/${sof.request.reference}/fee`, 'softera').send({ amount: 25.555, reason: 'Repetitive requests.' });
      expect(bad.status).toBe(400);
      const res = await api('post', `/api/v1/tenants/softera-baltic/requests/${sof.request.reference}/fee`, 'softera').send({ amount: 25, reason: 'The fifth identical request this month.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'in-progress', feeEur: '25.00' });
      const [mail] = await emails(sof.request.id, 'fee-warning');
      expect(mail.text).toContain('€25.00');
      expect(mail.text).toContain('The fifth identical request this month.');
      expect(mail.text).toContain('State Data Protection Inspectorate');
      const status = await port.statusFor(ids['softera-baltic'], sof.request.reference, sof.statusToken);
      expect(status.fee).toMatchObject({ amountEur: '25.00' });
    });

    it('sends messages by e-mail and shows them on the status page, escaped', async () => {
      const filed = await fileAndVerify('inomedis');
      const ref = filed.request.reference;
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/messages`, 'ino').send({ text: 'Hello <script>alert(1)</script>\nSecond line' });
      expect(res.status).toBe(201);
      const [mail] = await emails(filed.request.id, 'message-to-subject');
      expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;<br>');
      expect(mail.html).not.toContain('<script>');
      const status = await port.statusFor(ids.inomedis, ref, filed.statusToken);
      expect(status.timeline.map((e) => e.note)).toContain('Hello <script>alert(1)</script>\nSecond line');
      const empty = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/messages`, 'ino').send({ text: '' });
      expect(empty.status).toBe(400);
      const extra = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/messages`, 'ino').send({ text: 'x', cc: 'someone' });
      expect(extra.status).toBe(400);
    });

    it('completes through the port (fulfilment) and e-mails the outcome; a withdrawn request takes no more actions', async () => {
      const done = await fileAndVerify('inomedis');
      const completed = await port.complete(ids.inomedis, done.request.id, { summary: 'We sent you a copy of your data.', artifacts: [] }, 'fulfilment: test');
      expect(completed.state).toBe('completed');
      const [mail] = await emails(done.request.id, 'request-completed');
      expect(mail.text).toContain('We sent you a copy of your data.');
      await expectHttpError(port.complete(ids.inomedis, done.request.id, {}, 'again'), 409);

      const gone = await file('inomedis');
      await expectHttpError(port.withdrawBySubject(ids.inomedis, gone.request.reference, 'wrong'), 404);
      const w = await port.withdrawBySubject(ids.inomedis, gone.request.reference, gone.statusToken);
      expect(w.state).toBe('withdrawn');
      expect(await emails(gone.request.id, 'request-withdrawn')).toHaveLength(1);
      const msg = await api('post', `/api/v1/tenants/inomedis/requests/${gone.request.reference}/messages`, 'ino').send({ text: 'hello' });
      expect(msg.status).toBe(409);
      expect(msg.body.message).toMatch(/'withdrawn'.*closed/);
    });

    it('audits every transition in the tenant chain', async () => {
      const filed = await fileAndVerify('inomedis');
      await api('post', `/api/v1/tenants/inomedis/requests/${filed.request.reference}/extend`, 'ino').send({ reason: 'Complex request.' });
      const rows: { action: string; actor: string }[] = await h.db.owner.query(`SELECT action, actor FROM audit_log WHERE target_id = $1 ORDER BY seq`, [filed.request.id]);
      expect(rows.map((r) => r.action)).toEqual(['request.received', 'request.awaiting-identity', 'request.identity-verified', 'request.extended']);
      expect(rows[3].actor).toBe('admin@ino.test (compliance-admin)');
      const verify = await api('get', '/api/v1/tenants/inomedis/audit/verify', 'ino');
      expect(verify.body).toMatchObject({ ok: true });
    });
  });

  describe('duplicates: flagged on filing, merged, refused as repeated (issue 18 §1)', () => {
    const dupOf = async (id: string): Promise<string | null> => (await row(id)).duplicate_of;

    it('flags and links a request of the same type from the same address (case and spaces aside) within the window; not another type, not outside the window', async () => {
      const email = nextEmail('dup');
      const first = await file('inomedis', { email });
      const again = await file('inomedis', { email: `  ${email.toUpperCase()} ` });
      expect(await dupOf(again.request.id)).toBe(first.request.id);
      expect(await dupOf(first.request.id)).toBeNull();
      // Another type from the same address: not a duplicate.
      const other = await file('inomedis', { email, type: 'erasure' });
      expect(await dupOf(other.request.id)).toBeNull();
      // The REST list and detail show the link both ways.
      const detail = await api('get', `/api/v1/tenants/inomedis/requests/${again.request.reference}`, 'ino');
      expect(detail.status).toBe(200);
      expect(detail.body.duplicates.duplicateOf).toMatchObject({ reference: first.request.reference, state: 'awaiting-identity' });
      const earlier = await api('get', `/api/v1/tenants/inomedis/requests/${first.request.reference}`, 'ino');
      expect(earlier.body.duplicates.duplicates.map((d: { reference: string }) => d.reference)).toEqual([again.request.reference]);
      await h.app.get(AuditService).chained();
      const audit = await h.db.owner.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'request.received'`, [again.request.id]);
      expect(audit[0].details.duplicateOf).toBe(first.request.reference);

      // Outside the window (Inomedis sets none: 30 days): the earlier one received 31 days ago is not linked.
      const old = nextEmail('dup-old');
      const long = await file('inomedis', { email: old });
      await backdate(long.request.id, 31);
      const later = await file('inomedis', { email: old });
      expect(await dupOf(later.request.id)).toBeNull();
      // Another tenant's request from the same address is never linked (row-level security, tenant id).
      const elsewhere = await file('micromedic', { email });
      expect(await dupOf(elsewhere.request.id)).toBeNull();
    });

    it('merges the later into the open earlier one: the later closes as merged, its subject is told both references, the answer names both; the earlier keeps its due date', async () => {
      const email = nextEmail('dup-merge');
      const first = await fileAndVerify('inomedis', { email, locale: 'lv' });
      const second = await fileAndVerify('inomedis', { email, locale: 'lv' });
      const before = await row(first.request.id);
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${second.request.reference}/merge`, 'ino').send({});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'merged', duplicateOf: first.request.id, outcome: { mergedInto: first.request.reference } });
      const after = await row(first.request.id);
      expect(after.due_date_text).toBe(before.due_date_text);
      expect(after.state).toBe('in-progress');
      // The later one's subject: both references, in Latvian.
      const [told] = await mailbox.forRequest(h, second.request.reference, 'request-merged');
      expect(told.subject).toContain(first.request.reference);
      expect(told.text).toContain(second.request.reference);
      expect(told.text).toContain('vienu atbildi uz abiem');
      const status = await port.statusFor(ids.inomedis, second.request.reference, second.statusToken);
      expect(status).toMatchObject({ state: 'merged', mergedInto: first.request.reference });
      // Merging again, or merging a request that repeats nothing: 409.
      expect((await api('post', `/api/v1/tenants/inomedis/requests/${second.request.reference}/merge`, 'ino').send({})).status).toBe(409);
      const lone = await api('post', `/api/v1/tenants/inomedis/requests/${first.request.reference}/merge`, 'ino').send({});
      expect(lone.status).toBe(409);
      expect(lone.body.message).toMatch(/repeats no earlier request/);
      expect((await api('post', `/api/v1/tenants/inomedis/requests/${first.request.reference}/merge`, 'inoAuditor').send({})).status).toBe(403);
      // The answer to the earlier one names both references.
      await port.complete(ids.inomedis, first.request.id, { summary: 'Kopija nosūtīta.', artifacts: [] }, 'fulfilment: test');
      const [answer] = await mailbox.forRequest(h, first.request.reference, 'request-completed');
      expect(answer.text).toContain(first.request.reference);
      expect(answer.text).toContain(second.request.reference);
      const actions = await h.db.owner.query(`SELECT action, target_id FROM audit_log WHERE action IN ('request.merged', 'request.merged-in') AND target_id = ANY($1) ORDER BY seq`, [[first.request.id, second.request.id]]);
      expect(actions).toEqual([{ action: 'request.merged', target_id: second.request.id }, { action: 'request.merged-in', target_id: first.request.id }]);
    });

    it('never merges into an earlier request due later than the duplicate (its clock stood still longer): 409, nothing changed', async () => {
      const email = nextEmail('dup-stretch');
      // The earlier one still waits for identity (its clock stands still since it was filed, ten days ago); the later one, filed
      // eight days ago, was confirmed at once: it is due a week before the earlier one.
      const first = await file('inomedis', { email });
      const second = await fileAndVerify('inomedis', { email });
      await backdate(first.request.id, 10);
      await backdate(second.request.id, 8);
      await h.db.owner.query(`UPDATE rights_requests SET identity_verified_at = identity_verified_at - interval '8 days', due_at = due_at - interval '8 days', due_date = due_date - 8 WHERE id = $1`, [second.request.id]);
      const res = await api('post', `/api/v1/tenants/inomedis/requests/${second.request.reference}/merge`, 'ino').send({});
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/would stretch this request's time limit/);
      expect((await row(second.request.id)).state).toBe('in-progress');
    });

    it('refuses a repeat of an answered request only with reasons (400 naming reason), as repeated under Art. 12(5), the letter in Latvian with the remedies of Art. 12(4)', async () => {
      const email = nextEmail('dup-refuse');
      const first = await fileAndVerify('inomedis', { email, locale: 'lv' });
      const second = await fileAndVerify('inomedis', { email, locale: 'lv' });
      const url = `/api/v1/tenants/inomedis/requests/${second.request.reference}/refuse`;
      // While the earlier one is open: merge, not refuse.
      const open = await api('post', url, 'ino').send({ ground: 'repeated', reason: 'Tas pats, kas iepriekš.' });
      expect(open.status).toBe(409);
      expect(open.body.message).toMatch(/merge this one into it instead/);
      await port.complete(ids.inomedis, first.request.id, { summary: 'Kopija nosūtīta.', artifacts: [] }, 'fulfilment: test');
      const missing = await api('post', url, 'ino').send({ ground: 'repeated' });
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body.message)).toMatch(/reason/);
      const res = await api('post', url, 'ino').send({ ground: 'repeated', reason: 'Jūs lūdzāt to pašu pirms nedēļas, un atbilde nav mainījusies.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'refused', refusalGround: 'repeated' });
      const [letter] = await mailbox.forRequest(h, second.request.reference, 'request-refused');
      for (const s of [first.request.reference, second.request.reference, 'atkārtotā rakstura', '12. panta 5. punkts', '12. panta 4. punkts', 'Datu valsts inspekcija', '79. pants', 'Jūs lūdzāt to pašu pirms nedēļas']) {
        expect(letter.text).toContain(s);
      }
      // A request that repeats nothing cannot be refused as repeated.
      const lone = await fileAndVerify('inomedis');
      const no = await api('post', `/api/v1/tenants/inomedis/requests/${lone.request.reference}/refuse`, 'ino').send({ ground: 'repeated', reason: 'Again.' });
      expect(no.status).toBe(409);
    });
  });

  describe('the list', () => {
    it('sorts overdue first, then by due date; filters by state, type, due date and overdue; paginates', async () => {
      const a = await fileAndVerify('medical-management', { type: 'access' });
      const b = await fileAndVerify('medical-management', { type: 'erasure' });
      const c = await fileAndVerify('medical-management', { type: 'access' });
      const d = await file('medical-management', { type: 'rectification', details: { message: 'My address is wrong.' } });
      // b arrived two months ago: overdue. c is due later than a.
      await h.db.owner.query(`UPDATE rights_requests SET received_at = now() - interval '62 days', due_at = now() - interval '30 days', due_date = (now() - interval '30 days')::date WHERE id = $1`, [b.request.id]);
      await h.db.owner.query(`UPDATE rights_requests SET due_at = due_at + interval '5 days', due_date = due_date + 5 WHERE id = $1`, [c.request.id]);

      const all = await api('get', '/api/v1/tenants/medical-management/requests', 'mm');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 25 });
      const refs = all.body.items.map((i: { reference: string }) => i.reference);
      expect(refs[0]).toBe(b.request.reference);
      expect(all.body.items[0].overdue).toBe(true);
      expect(refs.indexOf(a.request.reference)).toBeLessThan(refs.indexOf(c.request.reference));
      expect(all.body.items.find((i: { reference: string }) => i.reference === d.request.reference)).toMatchObject({ suspended: 'identity', overdue: false, state: 'awaiting-identity' });

      const overdue = await api('get', '/api/v1/tenants/medical-management/requests?overdue=true', 'mm');
      expect(overdue.body.items.map((i: { reference: string }) => i.reference)).toEqual([b.request.reference]);
      const access = await api('get', '/api/v1/tenants/medical-management/requests?type=access&state=in-progress', 'mm');
      expect(access.body.items.map((i: { reference: string }) => i.reference)).toEqual([a.request.reference, c.request.reference]);
      const soon = await api('get', `/api/v1/tenants/medical-management/requests?dueBefore=${(await row(c.request.id)).due_date_text}`, 'mm');
      expect(soon.body.items.map((i: { reference: string }) => i.reference)).not.toContain(c.request.reference);
      const page2 = await api('get', '/api/v1/tenants/medical-management/requests?pageSize=3&page=2', 'mm');
      expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.body.items).toHaveLength(1);

      const bad = await api('get', '/api/v1/tenants/medical-management/requests?state=lost&dueBefore=tomorrow&overdue=maybe&pageSize=1000', 'mm');
      expect(bad.status).toBe(400);
      const msg = JSON.stringify(bad.body.message);
      for (const s of ['state must be one of', 'dueBefore must be a date', 'overdue must be true or false', 'pageSize must not be greater than 100']) expect(msg).toContain(s);
    });

    it('exports the filtered list, every page, as CSV and XLSX: headings in the language asked for, formulas neutralised, audited; 400, 403, 404', async () => {
      const base = '/api/v1/tenants/medical-management/requests';
      const mmAdmin = (await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@mm.test'`))[0].id as string;
      await createStaff(h.db.owner, 'gated@mm.test', { tenant: 'medical-management', role: 'auditor', permissions: ['tenant:read', 'registers:read'] });
      tokens.mmGated = await h.login('gated@mm.test');
      const d = await fileAndVerify('medical-management', { type: 'portability' });
      // A handler whose name a spreadsheet would run as a formula.
      await h.db.owner.query(`UPDATE users SET display_name = '=HYPERLINK("http://evil.test","x")' WHERE id = $1`, [mmAdmin]);
      await h.db.owner.query(`UPDATE rights_requests SET assignee_id = $2 WHERE id = $1`, [d.request.id, mmAdmin]);
      const download = (url: string, who = 'mm') =>
        api('get', url, who).buffer(true).parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const refsOf = async (query: string) => (await api('get', `${base}?pageSize=100&${query}`, 'mm')).body.items.map((i: { reference: string }) => i.reference);
      const lv = JSON.parse(readFileSync(path.join(__dirname, '../apps/api/src/admin/i18n/lv.json'), 'utf8'));

      const csv = await download(`${base}/export.csv?lang=lv`).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="medical-management-requests-\d{4}-\d{2}-\d{2}\.csv"$/);
      const [header, ...rows] = csvRows((csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
      expect(header).toEqual(Object.values(lv.requestExport.columns));
      expect(rows.map((r) => r[0])).toEqual(await refsOf(''));
      const dRow = rows.find((r) => r[0] === d.request.reference)!;
      expect(dRow).toEqual([
        d.request.reference,
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        lv.requestExport.channels['web-form'],
        lv.types.portability,
        lv.identity['email-link'],
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        lv.states['in-progress'],
        `'=HYPERLINK("http://evil.test","x")`,
        (await row(d.request.id)).due_date_text,
        lv.requestExport.no,
        '',
        '',
        lv.requestExport.onTime.open,
      ]);
      // No requester's name nor e-mail address in the file.
      expect((csv.body as Buffer).toString('utf8')).not.toContain(d.request.requesterEmail!);
      expect((csv.body as Buffer).toString('utf8')).not.toContain('Anna');

      const filtered = await download(`${base}/export.csv?state=awaiting-identity`).expect(200);
      const [enHeader, ...awaiting] = csvRows((filtered.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
      expect(enHeader.slice(0, 3)).toEqual(['Reference', 'Received', 'Channel']);
      expect(awaiting.map((r) => r[0])).toEqual(await refsOf('state=awaiting-identity'));
      expect(awaiting.length).toBeGreaterThan(0);
      expect(awaiting.every((r) => r[6] === 'Awaiting identity')).toBe(true);
      const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'export.created' ORDER BY seq DESC LIMIT 1`, [ids['medical-management']]);
      expect(audit.actor).toBe('admin@mm.test (compliance-admin)');
      expect(audit.details).toMatchObject({ export: 'requests', format: 'csv', lang: 'en', filters: { state: 'awaiting-identity' }, rows: awaiting.length, sha256: filtered.headers['x-content-sha256'] });
      expect(JSON.stringify(audit.details)).not.toMatch(/@subject\.test|Anna/);

      const xlsx = await download(`${base}/export.xlsx?assignee=me&lang=lv`).expect(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
      const sheet = wb.worksheets[0];
      expect(sheet.name).toBe(lv.queue.title);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(lv.requestExport.columns));
      expect(sheet.rowCount).toBe(2);
      expect((sheet.getRow(2).values as unknown[]).slice(1, 9)).toEqual([d.request.reference, ...dRow.slice(1, 7), `'=HYPERLINK("http://evil.test","x")`]);

      const bad = await api('get', `${base}/export.csv?lang=xx&state=lost`, 'mm');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/lang must be one of.*state must be one of|state must be one of.*lang must be one of/);
      expect((await api('get', `${base}/export.csv`, 'mmGated')).status).toBe(403);
      expect((await api('get', `${base}/export.xlsx`, 'micro')).status).toBe(404);
      await h.db.owner.query(`UPDATE users SET display_name = email WHERE id = $1`, [mmAdmin]);
    });

    it('lists the outbox newest first with the rendered text and HTML', async () => {
      const filed = await file('medical-management', { locale: 'et' });
      const res = await api('get', `/api/v1/tenants/medical-management/outbox?reference=${filed.request.reference}`, 'mm');
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { template: string }) => m.template)).toEqual(['verify-email', 'request-received']);
      expect(res.body.items[1]).toMatchObject({ locale: 'et', status: 'pending', to: filed.request.requesterEmail });
      expect(res.body.items[1].text).toContain('Andmekaitse Inspektsioon');
      expect(res.body.items[1].html).toContain('<html lang="et">');
      // Not yet sent: the code and the link's token do not exist yet (shown redacted in the text); never in the subject line.
      expect(res.body.items[0].subject).not.toMatch(/••••••|\d{6}/);
      expect(res.body.items[0].text).toContain('••••••');
    });
  });

  describe('past requests imported from the list’s export', () => {
    it('previews, then imports closed requests of the past in one step: marked imported, no identity, no e-mail, no notice, one audit entry with the SHA-256; an error names its row and column and changes nothing', async () => {
      const base = '/api/v1/tenants/softera-baltic/request-history';
      const tenantId = ids['softera-baltic'];
      const lv = JSON.parse(readFileSync(path.join(__dirname, '../apps/api/src/admin/i18n/lv.json'), 'utf8'));
      const col = lv.requestExport.columns;
      const download = (url: string, who: string) =>
        api('get', url, who).buffer(true).parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const upload = (body: string | Buffer, who = 'softera') => api('post', `${base}?lang=lv`, who).attach('file', Buffer.from(body), { filename: 'requests.csv', contentType: 'text/csv' });
      const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
      const snapshot = async () =>
        (await h.db.owner.query(
          `SELECT (SELECT count(*) FROM rights_requests WHERE tenant_id = $1)::int AS requests, (SELECT count(*) FROM outbox_emails WHERE tenant_id = $1)::int AS emails,
                  (SELECT count(*) FROM audit_log WHERE tenant_id = $1)::int AS audit, (SELECT count(*) FROM register_imports WHERE tenant_id = $1)::int AS held`,
          [tenantId],
        ))[0];
      await mailbox.deliver(h);
      const mailsBefore = mailbox.received().length;
      const before = await snapshot();

      // Another controller's list as exported (its requests are open): refused row by row at the state's column, nothing held.
      const exported = await download('/api/v1/tenants/medical-management/requests/export.csv?lang=lv', 'mm').expect(200);
      const open = await upload(exported.body as Buffer).expect(200);
      expect(open.body.planHash).toBeNull();
      expect(open.body.errors.length).toBeGreaterThan(0);
      const notClosed = open.body.errors.filter((e: { code: string }) => e.code === 'not-closed');
      expect(notClosed.length).toBe(csvRows((exported.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')).length - 1);
      for (const e of notClosed) expect(e).toMatchObject({ sheet: 'CSV', column: 7, cell: `G${e.row}`, message: expect.stringContaining('importēt var tikai pabeigtus') });
      // and no answer date: required (column L)
      expect(open.body.errors.filter((e: { code: string }) => e.code === 'required').every((e: { cell: string }) => e.cell.startsWith('L'))).toBe(true);
      expect(await snapshot()).toEqual(before);

      const header = [col.reference, col.received, col.channel, col.type, col.identityMethod, col.identityConfirmedAt, col.state, col.handler, col.dueDate, col.extended, col.extendedAt, col.answeredAt, col.onTime];
      const good = [
        header,
        ['R-HXST-2345', '2024-03-04 09:15', lv.requestExport.channels['e-mail'], lv.types.access, lv.identity['email-link'], '2024-03-04 10:00', lv.states.completed, 'Someone', '2024-04-04', lv.requestExport.no, '', '2024-03-20 16:00', lv.requestExport.onTime.yes],
        ['', '2024-05-02 11:00', lv.requestExport.channels.post, lv.types.erasure, lv.identity['email-link'], '', lv.states.refused, '', '', lv.requestExport.yes, '2024-05-20 12:00', '2024-07-15 12:00', ''],
        ['', '2024-06-10', 'phone', 'rectification', 'email-link', '', 'withdrawn', '', '', '', '', '2024-06-12', ''],
      ];
      // A bad date, a receipt in the future, a type nobody knows: each by row and column, in Latvian; nothing held.
      const bad = await upload(csvOf([good[0], good[1], [...good[2].slice(0, 1), '2024-02-30 11:00', ...good[2].slice(2)], [...good[3].slice(0, 1), '2999-01-01', 'phone', 'lunch', ...good[3].slice(4)]])).expect(200);
      expect(bad.body.errors.map((e: { row: number; column: number; cell: string; code: string }) => [e.row, e.column, e.cell, e.code])).toEqual([
        [3, 2, 'B3', 'date'], [4, 2, 'B4', 'future'], [4, 4, 'D4', 'type'],
      ]);
      expect(bad.body.errors[0].message).toBe('“2024-02-30 11:00” nav datums un laiks (GGGG-MM-DD SS:MM vai GGGG-MM-DD).');
      expect(await snapshot()).toEqual(before);

      const body = csvOf(good);
      const sha256 = createHash('sha256').update(body).digest('hex');
      const preview = await upload(body).expect(200);
      expect(preview.body).toMatchObject({ sha256, format: 'csv', errors: [], count: 3, byState: { completed: 1, refused: 1, withdrawn: 1 }, receivedFrom: '2024-03-04T07:15:00.000Z' });
      expect(preview.body.sample.map((r: { reference: string | null }) => r.reference)).toEqual(['R-HXST-2345', null, null]);
      expect((await api('get', `${base}/${sha256}`, 'softera').expect(200)).body.planHash).toBe(preview.body.planHash);
      expect(await snapshot()).toMatchObject({ requests: before.requests, held: before.held + 1 });

      expect((await api('post', `${base}/${sha256}/apply`, 'softera').send({ planHash: 'f'.repeat(64) })).status).toBe(409);
      expect((await api('post', `/api/v1/tenants/softera-baltic/request-history/${sha256}/apply`, 'micro').send({ planHash: preview.body.planHash })).status).toBe(404);
      const applied = await api('post', `${base}/${sha256}/apply`, 'softera').send({ planHash: preview.body.planHash }).expect(200);
      expect(applied.body).toEqual({ sha256, imported: 3 });
      expect((await api('post', `${base}/${sha256}/apply`, 'softera').send({ planHash: preview.body.planHash })).status).toBe(409);

      const rows = await h.db.owner.query(
        `SELECT reference, state, type, channel, requester_name, requester_email, subject_id, next_notice_at, extended_at, closed_at, to_char(due_date, 'YYYY-MM-DD') AS due
           FROM rights_requests WHERE tenant_id = $1 AND imported_sha256 = $2 ORDER BY received_at`,
        [tenantId, sha256],
      );
      expect(rows.map((r: { state: string; channel: string }) => [r.state, r.channel])).toEqual([['completed', 'e-mail'], ['refused', 'post'], ['withdrawn', 'phone']]);
      expect(rows[0]).toMatchObject({ reference: 'R-HXST-2345', requester_name: '', requester_email: null, subject_id: null, next_notice_at: null, due: '2024-04-04' });
      // Extended: three months from receipt (Art. 12(3)).
      expect(rows[1].due).toBe('2024-08-02');
      expect(rows.every((r: { next_notice_at: Date | null; requester_email: string | null }) => r.next_notice_at === null && r.requester_email === null)).toBe(true);
      const audits = await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'requests.imported'`, [tenantId]);
      expect(audits).toEqual([{ details: { sha256, fileName: 'requests.csv', requests: 3, completed: 1, refused: 1, withdrawn: 1 } }]);
      const after = await snapshot();
      expect(after).toMatchObject({ requests: before.requests + 3, emails: before.emails });
      await mailbox.deliver(h);
      expect(mailbox.received().length).toBe(mailsBefore);

      // The list and its export carry them: exported, they read back as the same requests.
      const again = await download('/api/v1/tenants/softera-baltic/requests/export.csv?lang=lv&state=completed', 'softera').expect(200);
      const back = csvRows((again.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
      expect(back.find((r) => r[0] === 'R-HXST-2345')).toEqual(['R-HXST-2345', '2024-03-04 09:15', lv.requestExport.channels['e-mail'], lv.types.access, lv.identity['email-link'], '2024-03-04 10:00', lv.states.completed, '', '2024-04-04', lv.requestExport.no, '', '2024-03-20 16:00', lv.requestExport.onTime.yes]);
      // No file: 400 naming it; an empty file: an error at its first row, nothing held.
      const none = await api('post', base, 'softera').field('note', 'x');
      expect(none.status).toBe(400);
      expect(JSON.stringify(none.body.message)).toContain('file is required');
      const empty = await upload('').expect(200);
      expect(empty.body.errors.map((e: { cell: string; code: string }) => [e.cell, e.code])).toEqual([['A1', 'no-header']]);
    });
  });

  describe('permissions and tenants', () => {
    it('lets an auditor read but never act (403)', async () => {
      const filed = await fileAndVerify('inomedis');
      const ref = filed.request.reference;
      expect((await api('get', '/api/v1/tenants/inomedis/requests', 'inoAuditor')).status).toBe(200);
      expect((await api('get', `/api/v1/tenants/inomedis/requests/${ref}`, 'inoAuditor')).status).toBe(200);
      // The outbox (recipients, subjects) is the compliance admins' (issue 18 §3).
      expect((await api('get', '/api/v1/tenants/inomedis/outbox', 'inoAuditor')).status).toBe(403);
      for (const [action, body] of [['extend', { reason: 'Complex request.' }], ['refuse', { ground: 'excessive', reason: 'Too many.' }], ['fee', { amount: 5, reason: 'Too many.' }], ['messages', { text: 'hi' }], ['identity/confirm', {}], ['identity/reject', { reason: 'Unreadable.' }]] as const) {
        const res = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/${action}`, 'inoAuditor').send(body);
        expect({ action, status: res.status }).toEqual({ action, status: 403 });
      }
      expect((await row(filed.request.id)).state).toBe('in-progress');
    });

    it("gives another tenant's admin a 404, whether through their own tenant or the other's URL", async () => {
      const filed = await fileAndVerify('inomedis');
      const ref = filed.request.reference;
      expect((await api('get', `/api/v1/tenants/inomedis/requests/${ref}`, 'micro')).status).toBe(404);
      expect((await api('post', `/api/v1/tenants/inomedis/requests/${ref}/messages`, 'micro').send({ text: 'Not yours.' })).status).toBe(404);
      expect((await api('get', `/api/v1/tenants/micromedic/requests/${ref}`, 'micro')).status).toBe(404);
      expect((await api('post', `/api/v1/tenants/micromedic/requests/${ref}/extend`, 'micro').send({ reason: 'Not yours either.' })).status).toBe(404);
      const list = await api('get', '/api/v1/tenants/micromedic/requests', 'micro');
      expect(list.body.items.map((i: { reference: string }) => i.reference)).not.toContain(ref);
      await expectHttpError(port.verifyEmail(ids.micromedic, ref, '123456', { ip: nextIp() }), 404);
      expect((await row(filed.request.id)).state).toBe('in-progress');
    });
  });

  describe('identity documents', () => {
    it('Micromedic access: a signed written request is uploaded, checked by content and size, reviewed, and matches the data subject', async () => {
      const email = nextEmail('micro');
      const filed = await file('micromedic', { email, locale: 'sv', name: 'Karin Svensson' });
      const ref = filed.request.reference;
      expect(filed.request.identityMethod).toBe('signed-written-request');
      const [ack] = await emails(filed.request.id, 'request-received');
      expect(ack.text).toContain('skriftlig begäran som du har undertecknat');
      expect(ack.text).toContain('Integritetsskyddsmyndigheten');

      // An address Micromedic does not hold (a held one would make the code enough: the proportionate check, test/identity-ways).
      const afterCode = await port.verifyEmail(ids.micromedic, ref, await codeReceived(filed.request.reference), { ip: nextIp() });
      expect(afterCode.state).toBe('awaiting-identity');
      // The subject's data reaches Regula (a source system reports it) while the signed request is awaited: the admin's confirmation matches it.
      const [subject] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name) VALUES ($1, 'Karin Svensson') RETURNING id`, [ids.micromedic]);
      await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [ids.micromedic, subject.id, email]);
      expect(afterCode.emailVerifiedAt).toBeInstanceOf(Date);
      expect(await emails(filed.request.id, 'identity-document-needed')).toHaveLength(1);
      expect((await port.statusFor(ids.micromedic, ref, filed.statusToken)).waitingFor).toBe('identity-document');
      const [open] = await h.db.owner.query(`SELECT to_at FROM request_suspensions WHERE request_id = $1`, [filed.request.id]);
      expect(open.to_at).toBeNull();

      const upload = (buffer: Buffer, name: string, token = filed.statusToken) => port.addIdentityEvidence(ids.micromedic, ref, token, { originalName: name, buffer }, { ip: nextIp() });
      await expectHttpError(upload(exe(), 'signed-request.pdf'), 400, /file type not accepted.*x-msdownload/);
      await expectHttpError(upload(Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf'), 400, /larger than 10 MB/);
      await expectHttpError(upload(pdf(), 'x.pdf', 'not-the-token'), 404);
      const first = await upload(pdf('first try'), '../../etc/begäran.pdf');
      expect(first).toMatchObject({ contentType: 'application/pdf', fileName: 'begäran.pdf', decision: null });
      expect(first.sha256).toHaveLength(64);
      const stored = readdirSync(path.join(uploads, ids.micromedic));
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatch(/^[0-9a-f]{32}$/);

      // Only the tenant's compliance admins download it.
      const dl = await api('get', `/api/v1/tenants/micromedic/requests/${ref}/evidence/${first.id}`, 'micro').buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(dl.status).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="identity-document-[0-9a-f-]+\.pdf"; filename\*=UTF-8''beg%C3%A4ran\.pdf$/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(dl.body as Buffer, pdf('first try'))).toBe(0);
      expect((await api('get', `/api/v1/tenants/micromedic/requests/${ref}/evidence/${first.id}`, 'microAuditor')).status).toBe(403);
      expect((await api('get', `/api/v1/tenants/micromedic/requests/${ref}/evidence/${first.id}`, 'platform')).status).toBe(403);
      expect((await api('get', `/api/v1/tenants/micromedic/requests/${ref}/evidence/${first.id}`, 'ino')).status).toBe(404);
      expect((await api('get', `/api/v1/tenants/micromedic/requests/${ref}/evidence/not-a-uuid`, 'micro')).status).toBe(400);

      // Rejected, with the reason e-mailed; a second document is accepted.
      const rejected = await api('post', `/api/v1/tenants/micromedic/requests/${ref}/identity/reject`, 'micro').send({ reason: 'Underskriften saknas.' });
      expect(rejected.status).toBe(200);
      const asks = await emails(filed.request.id, 'identity-document-needed');
      expect(asks).toHaveLength(2);
      expect(asks[1].text).toContain('Underskriften saknas.');
      const second = await upload(pdf('signed'), 'begaran-signerad.pdf');
      const detail = await api('get', `/api/v1/tenants/micromedic/requests/${ref}`, 'micro');
      expect(detail.body.evidence.map((e: { decision: string | null }) => e.decision)).toEqual(['rejected', null]);
      expect(detail.body.evidence[0]).not.toHaveProperty('storageKey');

      const confirmed = await api('post', `/api/v1/tenants/micromedic/requests/${ref}/identity/confirm`, 'micro').send({});
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ subjectId: subject.id, acceptedEvidence: [second.id], request: { state: 'in-progress' } });
      const r = await row(filed.request.id);
      expect(r.subject_id).toBe(subject.id);
      const [closed] = await h.db.owner.query(`SELECT to_at FROM request_suspensions WHERE request_id = $1`, [filed.request.id]);
      expect(closed.to_at).toBeInstanceOf(Date);
      await expectHttpError(upload(pdf(), 'late.pdf'), 409);
    });

    it('Inomedis portability: a document with a secure e-signature; an ASiC-E (.edoc) container is accepted by its content', async () => {
      const filed = await fileAndVerify('inomedis', { type: 'portability', locale: 'lv' });
      expect(filed.request.identityMethod).toBe('qualified-e-signature');
      const [needed] = await emails(filed.request.id, 'identity-document-needed');
      expect(needed.text).toContain('drošu elektronisko parakstu');
      const ev = await port.addIdentityEvidence(ids.inomedis, filed.request.reference, filed.statusToken, { originalName: 'pieprasijums.edoc', buffer: asice() }, { ip: nextIp() });
      expect(ev.contentType).toBe('application/vnd.etsi.asic-e+zip');
    });

    it('an e-mail-link request takes no document (409)', async () => {
      const filed = await file('inomedis');
      await expectHttpError(port.addIdentityEvidence(ids.inomedis, filed.request.reference, filed.statusToken, { originalName: 'id.pdf', buffer: pdf() }, { ip: nextIp() }), 409, /needs no identity document/);
    });
  });

  describe('with an SMTP server: the worker sends', () => {
    let smtp: FakeSmtp;
    let h2: Harness;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      // The suite's own API queued its e-mails on this Redis too (its mailbox delivered them): not for this worker.
      await h.app.get<Queue>(getQueueToken(QueueName.Mail)).obliterate({ force: true });
      smtp = await fakeSmtp();
      const SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      h2 = await startApi({ UPLOAD_DIR: uploads, SMTP_URL, MAIL_FROM: 'Inomedis via Regula <no-reply@regula.test>' }, { flushRedis: false });
      worker = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: h2.db.ownerUrl, DATABASE_APP_URL: h2.db.appUrl, REDIS_URL: h2.config.REDIS_URL, ...auditEnv(h2), SMTP_URL, MAIL_FROM: 'Inomedis via Regula <no-reply@regula.test>' })),
        { logger: false },
      );
      await worker.init();
    });
    afterAll(async () => {
      await worker?.close();
      await h2?.close();
      await smtp?.close();
    });

    it('queues each e-mail (pending) and the worker sends it: sent, with the code', async () => {
      const [{ id: tenantId }] = await h2.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
      const p2 = h2.app.get<RequestsPort>(REQUESTS_PORT);
      const email = nextEmail('smtp');
      const filed = await p2.fileRequest(tenantId, { type: 'access', name: 'Anna', email, locale: 'en', details: {} }, { ip: nextIp() });
      const statuses = async () =>
        (await h2.db.owner.query(`SELECT template, status, sent_at FROM outbox_emails WHERE request_id = $1 ORDER BY created_at`, [filed.request.id])) as { template: string; status: string }[];
      expect((await statuses()).every((r) => ['pending', 'sent'].includes(r.status))).toBe(true);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await statuses()).some((r) => r.status !== 'sent')) await new Promise((r) => setTimeout(r, 200));
      expect((await statuses()).map((r) => r.status)).toEqual(['sent', 'sent']);
      const mine = smtp.messages.filter((m) => m.includes(email));
      expect(mine).toHaveLength(2);
      // The worker, a process of its own, minted the code when it sent the e-mail: only the received one holds it.
      const verify = mine.map(parseMessage).find((m) => /code=\d{6}/.test(m.text))!;
      const code = /code=(\d{6})/.exec(verify.text)![1];
      expect(verify.text).toContain(code);
      const [{ subject }] = await h2.db.owner.query(`SELECT subject FROM outbox_emails WHERE request_id = $1 AND template = 'verify-email'`, [filed.request.id]);
      expect(subject).not.toContain(code);
      expect(mine[0]).toMatch(/^From: Inomedis via Regula <no-reply@regula\.test>$/m);
      expect((await p2.verifyEmail(tenantId, filed.request.reference, code, { ip: nextIp() })).state).toBe('in-progress');
    });
  });
});
