import nodemailer, { Transporter } from 'nodemailer';
import { ConflictError } from '@regula/platform';
import { MailIntakeService, RequestOriginalService, requestDeadlines } from '@regula/requests';
import { SmtpIntakeServer } from '../apps/api/src/intake/smtp-intake.server';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { freePort } from './support/free-port';
import { createStaff } from './support/staff';

const INTAKE = 'inomedis@intake.regula.localhost';
const MAX_BYTES = 64 * 1024;

/**
 * The e-mail intake end to end: a real SMTP client (nodemailer) talks to the API's
 * SMTP receiver on 127.0.0.1; the request it files is read back from PostgreSQL.
 * The API's CLOCK is the test's, so "received at acceptance" is an exact instant.
 */
describe('e-mail intake over SMTP', () => {
  let h: Harness;
  let smtp: Transporter;
  let tenantId: string;
  let adminId: string;
  let intakePort: number;
  let now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    const port = (intakePort = await freePort());
    h = await startApi({ INTAKE_SMTP_PORT: String(port), INTAKE_MAX_BYTES: String(MAX_BYTES) }, { clock: () => now });
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
  /** The id the receiver names in its 250 reply ("message accepted as <id>"). */
  const acceptedId = (response: string) => /accepted as ([0-9a-f-]{36})/.exec(response)?.[1] ?? '';

  it("files a message to the tenant's intake address as a request received at acceptance, the message stored as its original", async () => {
    now = new Date('2026-03-02T09:00:00.000Z');
    const info = await smtp.sendMail({
      from: '"Jana Bērziņa" <jana@subject.test>',
      to: INTAKE,
      subject: 'Datu dzēšana',
      text: 'Labdien! Lūdzu dzēsiet manus datus no jūsu sistēmām. Jana Bērziņa',
      attachments: [{ filename: 'pase.txt', content: 'passport scan stand-in' }],
    });
    expect(info.response).toMatch(/^250 /);
    // The reply came after the commit: the row is there the moment sendMail resolves.
    const msg = await messageRow(acceptedId(info.response));
    expect(msg).toBeDefined();
    expect(msg.tenant_id).toBe(tenantId);
    expect(msg.accepted_at.toISOString()).toBe(now.toISOString());
    expect(msg.envelope_to).toBe(INTAKE);
    expect(msg.raw.toString('utf8')).toContain('Subject: =?UTF-8?');
    expect(msg.size_bytes).toBe(msg.raw.length);
    expect(msg.forwarded).toBe(false);
    expect(msg.proposed_type).toBe('erasure');
    expect(msg.proposed_received_at).toBeNull();

    const req = await requestRow(msg.request_id);
    expect(req).toMatchObject({ channel: 'e-mail', type: 'erasure', state: 'received', requester_email: 'jana@subject.test', requester_name: 'Jana Bērziņa', locale: 'lv' });
    expect(req.received_at.toISOString()).toBe(now.toISOString());
    const d = requestDeadlines({ receivedAt: now, suspensions: [], extended: false, country: 'LV', timeZone: 'Europe/Riga', now });
    expect(req.due_at.toISOString()).toBe(d.dueAt.toISOString());
    expect(req.details.message).toContain('Lūdzu dzēsiet manus datus');
    expect(req.details.attachments).toBe('pase.txt (text/plain, 22 bytes)');
    const events = await h.db.owner.query(`SELECT kind, at FROM request_events WHERE request_id = $1`, [req.id]);
    expect(events).toEqual([{ kind: 'received', at: now }]);
    const audit = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = 'request.received' AND target_id = $1`, [req.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('e-mail intake');
    expect(audit[0].details).toMatchObject({ channel: 'e-mail', intakeMessageId: msg.id, proposedType: 'erasure' });

    // The original, byte for byte, as the dashboard offers it (request-channels.e2e-spec.ts downloads it).
    const original = await h.app.get(RequestOriginalService).read(tenantId, req.reference, { userId: adminId, label: 'dpo@inomedis.test' });
    expect(original).toMatchObject({ source: 'intake', contentType: 'message/rfc822', fileName: `${req.reference}.eml` });
    expect(original.body.equals(msg.raw)).toBe(true);
  });

  /** An original as it sat in the controller's mailbox: its own Received headers (topmost = arrival there) and Date. */
  const original = (received: string[], date: string) =>
    [
      ...received.map((r) => `Received: ${r}`),
      'From: "Pēteris Ozols" <peteris@subject.test>',
      'To: info@inomedis.test',
      `Date: ${date}`,
      'Subject: Piekļuve maniem datiem',
      'Message-ID: <orig-1@subject.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Labdien, lūdzu sniedziet kopiju par maniem personas datiem (15. pants).',
      '',
    ].join('\r\n');

  const forward = (raw: string) =>
    smtp.sendMail({
      from: 'dpo@inomedis.test',
      to: INTAKE,
      subject: 'Fwd: Piekļuve maniem datiem',
      text: 'Forwarded from our mailbox.',
      attachments: [{ filename: 'original.eml', content: raw, contentType: 'message/rfc822' }],
    });

  it("proposes a forwarded message's arrival at the controller (its last Received header), the receipt staying at acceptance", async () => {
    now = new Date('2026-03-02T10:00:00.000Z');
    const info = await forward(
      original(
        ['from mx.inomedis.test by mail.inomedis.test; Fri, 27 Feb 2026 16:04:05 +0200', 'from mail.subject.test by mx.inomedis.test; Fri, 27 Feb 2026 16:03:59 +0200'],
        'Fri, 27 Feb 2026 16:03:00 +0200',
      ),
    );
    const msg = await messageRow(acceptedId(info.response));
    expect(msg.forwarded).toBe(true);
    expect(msg.proposed_received_at.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    expect(msg.proposed_received_source).toBe('received-header');
    expect(msg.proposed_type).toBe('access');
    const req = await requestRow(msg.request_id);
    // The requester is the original's sender, not the admin who forwarded it.
    expect(req).toMatchObject({ requester_email: 'peteris@subject.test', requester_name: 'Pēteris Ozols', type: 'access', channel: 'e-mail' });
    expect(req.received_at.toISOString()).toBe(now.toISOString());

    // The admin confirms the proposal: the receipt moves to the original's arrival and the deadline with it (audited).
    const service = h.app.get(MailIntakeService);
    const actor = { userId: adminId, label: 'dpo@inomedis.test', auditLabel: 'dpo@inomedis.test' };
    const confirmed = await service.confirm(tenantId, req.id, { type: 'access', receipt: 'proposed' }, actor);
    expect(confirmed.receivedAt.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    const d = requestDeadlines({ receivedAt: confirmed.receivedAt, suspensions: [], extended: false, country: 'LV', timeZone: 'Europe/Riga', now });
    const after = await requestRow(req.id);
    expect(after.received_at.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    expect(after.due_at.toISOString()).toBe(d.dueAt.toISOString());
    const audit = await h.db.owner.query(`SELECT actor_id, details FROM audit_log WHERE action = 'request.intake-confirmed' AND target_id = $1`, [req.id]);
    expect(audit).toEqual([{ actor_id: adminId, details: expect.objectContaining({ receipt: 'proposed', previousReceivedAt: now.toISOString(), receivedAt: '2026-02-27T14:04:05.000Z' }) }]);
    await expect(service.confirm(tenantId, req.id, { type: 'access', receipt: 'accepted' }, actor)).rejects.toBeInstanceOf(ConflictError);
  });

  it('never proposes a date later than acceptance: a Received in the future falls back to the Date header, both in the future to nothing', async () => {
    now = new Date('2026-03-02T11:00:00.000Z');
    const future = 'from mx.inomedis.test by mail.inomedis.test; Thu, 5 Mar 2026 08:00:00 +0200';
    const a = await messageRow(acceptedId((await forward(original([future], 'Thu, 26 Feb 2026 12:00:00 +0200'))).response));
    expect(a.proposed_received_at.toISOString()).toBe('2026-02-26T10:00:00.000Z');
    expect(a.proposed_received_source).toBe('date-header');

    const b = await messageRow(acceptedId((await forward(original([future], 'Fri, 6 Mar 2026 12:00:00 +0200'))).response));
    expect(b.proposed_received_at).toBeNull();
    expect((await requestRow(b.request_id)).received_at.toISOString()).toBe(now.toISOString());
    await expect(h.app.get(MailIntakeService).confirm(tenantId, b.request_id, { type: 'access', receipt: 'proposed' }, { userId: adminId, label: 'dpo' })).rejects.toThrow(/no original arrival/);
  });

  it('reads an inline forward ("Fwd:" with the quoted From and Date) from someone who is not a member', async () => {
    now = new Date('2026-03-02T12:00:00.000Z');
    const info = await smtp.sendMail({
      from: 'reception@inomedis.test',
      to: INTAKE,
      subject: 'Fwd: objection',
      text: ['---------- Forwarded message ---------', 'From: Anna Liepa <anna@subject.test>', 'Date: Sun, 1 Mar 2026 18:30:00 +0200', 'Subject: objection', '', 'I object to direct marketing.'].join('\n'),
    });
    const msg = await messageRow(acceptedId(info.response));
    expect(msg).toMatchObject({ forwarded: true, proposed_type: 'objection', proposed_received_source: 'date-header' });
    expect(msg.proposed_received_at.toISOString()).toBe('2026-03-01T16:30:00.000Z');
    expect(await requestRow(msg.request_id)).toMatchObject({ requester_email: 'anna@subject.test', locale: 'en' });
  });

  it('shows the proposal on the request page and confirms it through the form, once (audited); an auditor sees no form', async () => {
    now = new Date('2026-03-02T14:00:00.000Z');
    const info = await forward(original(['from mx.inomedis.test by mail.inomedis.test; Fri, 27 Feb 2026 16:04:05 +0200'], 'Fri, 27 Feb 2026 16:03:00 +0200'));
    const msg = await messageRow(acceptedId(info.response));
    const { reference } = await requestRow(msg.request_id);
    const page = `/admin/t/inomedis/requests/${reference}`;
    const admin = new AdminClient(h);
    expect((await admin.login('dpo@inomedis.test')).status).toBe(303);
    const before = await admin.get(page);
    expect(before.status).toBe(200);
    const text = textOf(before.text);
    expect(text).toContain('Received by e-mail');
    expect(text).toContain('Forwarded by a member');
    expect(text).toContain('from its last Received header');
    expect(before.text).toContain(`action="${page}/intake/confirm"`);
    expect(before.text).toMatch(/value="proposed" required checked/);

    // A type the controller does not offer comes back on the page, naming the field.
    const bad = await admin.submit(page, `${page}/intake/confirm`, { type: 'not-a-type', receipt: 'proposed' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('type must be one of');

    const ok = await admin.submit(page, `${page}/intake/confirm`, { type: 'access', receipt: 'proposed' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${page}?done=intake-confirmed`);
    expect((await requestRow(msg.request_id)).received_at.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    const after = await admin.get(`${page}?done=intake-confirmed`);
    expect(textOf(after.text)).toContain('The type and the receipt were confirmed');
    expect(after.text).not.toContain(`action="${page}/intake/confirm"`);
    expect(after.text).toContain('id="intake-confirmed"');
    const audit = await h.db.owner.query(`SELECT actor_id FROM audit_log WHERE action = 'request.intake-confirmed' AND target_id = $1`, [msg.request_id]);
    expect(audit).toEqual([{ actor_id: adminId }]);

    await createStaff(h.db.owner, 'auditor@inomedis.test', { tenant: 'inomedis', role: 'auditor' });
    const auditor = new AdminClient(h, '203.0.113.11');
    await auditor.login('auditor@inomedis.test');
    const next = await messageRow(acceptedId((await forward(original([], 'Fri, 27 Feb 2026 16:03:00 +0200'))).response));
    const { reference: other } = await requestRow(next.request_id);
    const seen = await auditor.get(`/admin/t/inomedis/requests/${other}`);
    expect(textOf(seen.text)).toContain('Received by e-mail');
    expect(seen.text).not.toContain('/intake/confirm');
  });

  it('takes several messages on one connection, each for the tenant it is addressed to', async () => {
    const pooled = nodemailer.createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
    try {
      const a = await pooled.sendMail({ from: 'one@subject.test', to: INTAKE, subject: 'access', text: 'my data please' });
      const b = await pooled.sendMail({ from: 'two@subject.test', to: 'micromedic@intake.regula.localhost', subject: 'access', text: 'my data please' });
      const [ma, mb] = [await messageRow(acceptedId(a.response)), await messageRow(acceptedId(b.response))];
      const [{ id: micromedic }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
      expect([ma.tenant_id, mb.tenant_id]).toEqual([tenantId, micromedic]);
      expect((await requestRow(mb.request_id)).tenant_id).toBe(micromedic);
    } finally {
      pooled.close();
    }
  });

  it('refuses an unknown intake address and any other domain with 550 (no relay)', async () => {
    for (const to of ['nobody@intake.regula.localhost', 'someone@example.com', 'inomedis@intake.example.com']) {
      await expect(smtp.sendMail({ from: 'x@subject.test', to, subject: 'access', text: 'hello' })).rejects.toMatchObject({ responseCode: 550 });
    }
  });

  it('refuses an oversized message with 552 and stores nothing', async () => {
    const before = (await h.db.owner.query(`SELECT count(*)::int AS n FROM intake_messages`))[0].n;
    await expect(smtp.sendMail({ from: 'big@subject.test', to: INTAKE, subject: 'access', text: 'x'.repeat(MAX_BYTES + 1024) })).rejects.toMatchObject({ responseCode: 552 });
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM intake_messages`))[0].n).toBe(before);
  });

  it('refuses a message without a From address with 554 saying why, and stores nothing', async () => {
    const before = (await h.db.owner.query(`SELECT count(*)::int AS n FROM intake_messages`))[0].n;
    const err = await smtp
      .sendMail({ envelope: { from: 'x@subject.test', to: [INTAKE] }, raw: 'To: inomedis@intake.regula.localhost\r\nSubject: access\r\n\r\nplease\r\n' })
      .then(() => null, (e: { responseCode?: number; response?: string }) => e);
    expect(err).toMatchObject({ responseCode: 554 });
    expect(err?.response).toMatch(/no From address/);
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM intake_messages`))[0].n).toBe(before);
  });

  it('files later what was stored but not filed (the sweep): nothing accepted is lost', async () => {
    now = new Date('2026-03-02T13:00:00.000Z');
    const raw = Buffer.from('From: kalvis@subject.test\r\nTo: inomedis@intake.regula.localhost\r\nSubject: restrict processing\r\n\r\nPlease restrict my data.\r\n');
    const [{ id }] = await h.db.owner.query(
      `INSERT INTO intake_messages (tenant_id, accepted_at, envelope_from, envelope_to, size_bytes, sha256, raw, filing_attempts, filing_error)
       VALUES ($1, $2, 'kalvis@subject.test', $3, $4, repeat('0', 64), $5, 1, 'database unavailable') RETURNING id`,
      [tenantId, '2026-03-02T12:30:00.000Z', INTAKE, raw.length, raw],
    );
    expect(await h.app.get(MailIntakeService).fileUnfiled()).toEqual({ filed: 1, failed: 0 });
    const msg = await messageRow(id);
    expect(msg.filing_error).toBeNull();
    const req = await requestRow(msg.request_id);
    // Received when it was accepted, not when the sweep filed it.
    expect(req.received_at.toISOString()).toBe('2026-03-02T12:30:00.000Z');
    expect(req).toMatchObject({ type: 'restriction', requester_email: 'kalvis@subject.test' });
    expect(await h.app.get(MailIntakeService).fileUnfiled()).toEqual({ filed: 0, failed: 0 });
  });
});
