import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { MailSweep } from '@regula/mail';
import { QueueName } from '@regula/platform';
import { placeholdersForStoredSecrets, REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
import { AdminClient } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { startWorker } from './support/worker-context';

/**
 * Issue 12, finding 1: a read-only auditor could act as a data subject with
 * the status tokens and codes the outbox kept. Now the worker mints a code or
 * a link's token when it sends the e-mail and stores only its hash; the
 * stored e-mail shows the secret redacted to everyone; a member without
 * outbox:read-body reads the outbox's metadata only (auditors no longer read the
 * outbox at all: issue 18 §3); reading personal data is audited. The e-mail the
 * subject receives (the test SMTP sink) still works end to end.
 */
describe('secrets out of stored e-mail (issue 12, finding 1)', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let port: RequestsPort;
  let tenantId: string;
  let uploads: string;
  const tokens: Record<string, string> = {};
  let n = 0;
  const ip = () => `198.51.100.${(n++ % 250) + 1}`;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-outbox-secrets-'));
    h = await startApi({ SMTP_URL: mailbox.smtpUrl, PUBLIC_BASE_URL: 'https://regula.test', TRUST_PROXY: 'true', UPLOAD_DIR: uploads });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    // The outbox's metadata without the bodies: a compliance admin gated to outbox:read (auditors have no outbox).
    await createStaff(h.db.owner, 'reader@ino.test', { tenant: 'inomedis', permissions: ['tenant:read', 'outbox:read'] });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    tokens.admin = await h.login('admin@ino.test');
    tokens.reader = await h.login('reader@ino.test');
    tokens.auditor = await h.login('auditor@ino.test');
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    if (uploads) rmSync(uploads, { recursive: true, force: true });
  });

  const api = (who: string, url: string) => h.http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
  const file = (email: string) => port.fileRequest(tenantId, { type: 'access', name: 'Anna Bērziņa', email, locale: 'en', details: {} }, { ip: ip() });
  const verifyForm = (reference: string, code: string, token?: string) =>
    h.http().post(`/t/inomedis/requests/${reference}/verify?lang=en`).set('X-Forwarded-For', ip()).type('form').send({ code, ...(token ? { token } : {}) });
  const withdrawForm = (reference: string, token: string) =>
    h.http().post(`/t/inomedis/requests/${reference}/withdraw?lang=en`).set('X-Forwarded-For', ip()).type('form').send({ token });
  const statusPage = (reference: string, token: string) => h.http().get(`/t/inomedis/requests/${reference}?lang=en&token=${encodeURIComponent(token)}`).set('X-Forwarded-For', ip());
  const stateOf = async (reference: string) => (await h.db.owner.query(`SELECT state FROM rights_requests WHERE reference = $1`, [reference]))[0].state as string;

  /** Starts a mail worker and waits until every e-mail of the request is sent (10 s at most), then stops it. */
  async function sendWithWorker(requestId: string): Promise<void> {
    const ctx = await startWorker(h, QueueName.Mail, { sendMail: true });
    try {
      for (let i = 0; i < 100 && (await h.db.owner.query(`SELECT 1 FROM outbox_emails WHERE request_id = $1 AND status <> 'sent'`, [requestId])).length; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await ctx.close();
    }
  }

  it('read without its bodies, the outbox yields no code or token that verifies or withdraws a request; the e-mail the subject receives does', async () => {
    const filed = await file('anna.auditor-case@subject.test');
    const reference = filed.request.reference;
    expect(await mailbox.deliver(h)).toBe(2);

    expect((await api('auditor', '/api/v1/tenants/inomedis/outbox?pageSize=100')).status).toBe(403);
    const res = await api('reader', '/api/v1/tenants/inomedis/outbox?pageSize=100');
    expect(res.status).toBe(200);
    const mine = (res.body.items as Record<string, unknown>[]).filter((e) => e.requestId === filed.request.id);
    expect(mine.map((e) => e.template).sort()).toEqual(['request-received', 'verify-email']);
    const shown = JSON.stringify(mine);
    // Whatever the metadata view holds that looks like a code or a link's token, tried as the subject would.
    const codes = [...new Set([...shown.matchAll(/(?<![0-9A-Za-z])(\d{6})(?![0-9A-Za-z])/g)].map((m) => m[1]))].slice(0, 4);
    const linkTokens = [...new Set([...shown.matchAll(/token=([A-Za-z0-9_-]{16,})/g)].map((m) => m[1]))];
    for (const code of codes) expect((await verifyForm(reference, code)).status).toBe(400);
    for (const token of linkTokens) {
      expect((await statusPage(reference, token)).status).toBe(404);
      expect((await withdrawForm(reference, token)).status).toBe(404);
    }
    expect(await stateOf(reference)).toBe('awaiting-identity');
    // Metadata only: recipient, subject, status, times; the secret in the subject line redacted.
    for (const e of mine) {
      expect(e).not.toHaveProperty('text');
      expect(e).not.toHaveProperty('html');
      expect(e).toMatchObject({ to: 'anna.auditor-case@subject.test', status: 'sent', sentAt: expect.any(String), createdAt: expect.any(String) });
    }
    // No secret in a subject line at all (issue 14 §4): the code is in the text only.
    expect(mine.find((e) => e.template === 'verify-email')!.subject).not.toMatch(/••••••|\d{6}/);

    // The subject's own mailbox: the code and the link work, end to end.
    const code = await mailbox.code(h, reference);
    const linkToken = await mailbox.linkToken(h, reference);
    expect(linkToken).not.toBe(filed.statusToken);
    expect((await statusPage(reference, linkToken)).status).toBe(200);
    // The e-mail's link is the request's, in its tenant only (row-level security on its hashes too).
    expect((await h.http().get(`/t/micromedic/requests/${reference}?lang=en&token=${linkToken}`).set('X-Forwarded-For', ip())).status).toBe(404);
    const [rls] = await h.db.owner.query(`SELECT relrowsecurity AS on, relforcerowsecurity AS forced FROM pg_class WHERE relname = 'request_link_tokens'`);
    expect(rls).toEqual({ on: true, forced: true });
    const verified = await verifyForm(reference, code, linkToken);
    expect(verified.status).toBe(303);
    expect(verified.headers.location).toContain(`token=${linkToken}`);
    expect(await stateOf(reference)).toBe('in-progress');
    expect((await withdrawForm(reference, linkToken)).status).toBe(303);
    expect(await stateOf(reference)).toBe('withdrawn');
    // Nothing readable at rest: the stored rows hold placeholders, the request only hashes.
    const stored: { subject: string; body_text: string; body_html: string }[] = await h.db.owner.query(
      `SELECT subject, body_text, body_html FROM outbox_emails WHERE request_id = $1`, [filed.request.id],
    );
    for (const r of stored) for (const v of Object.values(r)) {
      expect(v).not.toContain(code);
      expect(v).not.toContain(linkToken);
    }
  });

  it("shows the secrets redacted to the compliance admin too: the API's outbox and the dashboard's e-mail page", async () => {
    const filed = await file('anna.admin-case@subject.test');
    await mailbox.deliver(h);
    const code = await mailbox.code(h, filed.request.reference);
    const linkToken = await mailbox.linkToken(h, filed.request.reference);

    const res = await api('admin', `/api/v1/tenants/inomedis/outbox?reference=${filed.request.reference}`);
    expect(res.status).toBe(200);
    const verify = (res.body.items as { template: string; subject: string; text: string; html: string; id: string }[]).find((e) => e.template === 'verify-email')!;
    expect(verify.subject).toBe(`Confirm your request ${filed.request.reference}`);
    expect(verify.text).toContain('••••••');
    expect(verify.text).toContain(`/requests/${filed.request.reference}/verify?token=••••••&code=••••••`);
    expect(JSON.stringify(res.body)).not.toContain(code);
    expect(JSON.stringify(res.body)).not.toContain(linkToken);

    const c = new AdminClient(h);
    await c.login('admin@ino.test');
    const page = await c.get(`/admin/t/inomedis/outbox/${verify.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('••••••');
    expect(page.text).toMatch(/id="mail-text"/);
    expect(page.text).not.toContain(code);
    expect(page.text).not.toContain(linkToken);

    // The dashboard page without outbox:read-body: metadata, no body.
    const a = new AdminClient(h, '203.0.113.11');
    await a.login('reader@ino.test');
    const theirs = await a.get(`/admin/t/inomedis/outbox/${verify.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.text).toContain('anna.admin-case@subject.test');
    expect(theirs.text).not.toMatch(/id="mail-text"|id="mail-html"/);
  });

  it('a retried or repeated sending mints a fresh secret and the earlier one stops working; a new code invalidates the old at once', async () => {
    const filed = await file('anna.retry-case@subject.test');
    const reference = filed.request.reference;
    // The first attempt mints a code, then SMTP refuses: that code was never received; the retry sends a working one.
    mailbox.smtp.setFail(true);
    await mailbox.deliver(h).catch(() => undefined);
    mailbox.smtp.setFail(false);
    await mailbox.deliver(h);
    const first = await mailbox.code(h, reference);
    // A crash after sending, before recording it: the row is pending again and sends again, with a new code.
    await h.db.owner.query(`UPDATE outbox_emails SET status = 'pending', sent_at = NULL WHERE request_id = $1 AND template = 'verify-email'`, [filed.request.id]);
    await mailbox.deliver(h);
    const second = await mailbox.code(h, reference);
    const received = await mailbox.forRequest(h, reference, 'verify-email');
    expect(received).toHaveLength(2);
    // A fresh code each sending (two random 6-digit codes collide once in a million runs).
    expect(second).not.toBe(first);
    expect((await verifyForm(reference, first)).status).toBe(400);
    // Asking for a new code: the old stops working before the new e-mail is even sent.
    await port.resendCode!(tenantId, reference, await mailbox.linkToken(h, reference, 'verify-email'), { ip: ip() });
    expect((await verifyForm(reference, second)).status).toBe(400);
    await mailbox.deliver(h);
    const third = await mailbox.code(h, reference);
    expect((await verifyForm(reference, third)).status).toBe(200);
    expect(await stateOf(reference)).toBe('in-progress');
  });

  it('an e-mail written while no worker runs is sent by a worker started later, with secrets that work (nothing kept in memory)', async () => {
    await mailbox.deliver(h); // what earlier tests left pending
    const filed = await file('anna.restart-case@subject.test');
    const before = mailbox.smtp.messages.length;
    await sendWithWorker(filed.request.id);
    expect(mailbox.smtp.messages.length).toBe(before + 2);
    const code = await mailbox.code(h, filed.request.reference);
    expect((await verifyForm(filed.request.reference, code, await mailbox.linkToken(h, filed.request.reference))).status).toBe(303);
    expect(await stateOf(filed.request.reference)).toBe('in-progress');
  });

  it('an e-mail no worker heard of (none listened when it was filed) is sent by the mail sweep once past its grace, a young one left to a listening worker, which sends it when it starts', async () => {
    await mailbox.deliver(h); // what earlier tests left pending
    const queue = h.app.get<Queue>(getQueueToken(QueueName.Mail));
    const sweep = h.app.get(MailSweep);
    // No worker listens here: a filing's e-mails get no job (a worker queues them when it hears the insert).
    const lost = await file('anna.lost-job@subject.test');
    const young = await file('anna.young-job@subject.test');
    const idsOf = async (requestId: string) => ((await h.db.owner.query(`SELECT id FROM outbox_emails WHERE request_id = $1`, [requestId])) as { id: string }[]).map((r) => r.id);
    const [lostIds, youngIds] = [await idsOf(lost.request.id), await idsOf(young.request.id)];
    expect(await Promise.all([...lostIds, ...youngIds].map((id) => queue.getJob(id)))).toEqual([undefined, undefined, undefined, undefined]);
    // Only the first one's e-mails are older than the sweep's grace.
    await h.db.owner.query(`UPDATE outbox_emails SET created_at = created_at - interval '10 minutes' WHERE request_id = $1`, [lost.request.id]);

    expect(await sweep.sweep()).toBe(2);
    expect((await Promise.all(lostIds.map((id) => queue.getJob(id)))).map((j) => j?.name)).toEqual(['send-email', 'send-email']);
    expect(await Promise.all(youngIds.map((id) => queue.getJob(id)))).toEqual([undefined, undefined]);
    // Run again while the jobs wait: nothing more.
    expect(await sweep.sweep()).toBe(0);

    // A worker starts: it sends the swept ones, and queues what was written while none listened (the young ones), each once.
    const before = mailbox.smtp.messages.length;
    await sendWithWorker(lost.request.id);
    await sendWithWorker(young.request.id);
    expect(mailbox.smtp.messages.length).toBe(before + 4);
    const statuses = await h.db.owner.query(`SELECT status FROM outbox_emails WHERE request_id = ANY($1)`, [[lost.request.id, young.request.id]]);
    expect(statuses).toEqual(Array(4).fill({ status: 'sent' }));
    // Sent: the sweep leaves them; the code they carried works.
    expect(await sweep.sweep()).toBe(0);
    const code = await mailbox.code(h, lost.request.reference);
    expect((await verifyForm(lost.request.reference, code)).status).toBe(200);
  });

  it('e-mails stored before the upgrade lose their secrets to placeholders; a pending one still sends, with fresh secrets that work', async () => {
    await mailbox.deliver(h);
    const filed = await file('anna.upgrade-case@subject.test');
    // As the previous version wrote them: rendered at filing (not left to the worker), the code and the filer's token in the text, nothing in `secrets`.
    const oldCode = '482913';
    const url = `https://regula.test/t/inomedis/requests/${filed.request.reference}`;
    await h.db.owner.query(
      `UPDATE outbox_emails SET secrets = NULL, render_input = NULL, subject = 'Your confirmation code: ${oldCode}',
         body_text = 'Code ${oldCode}. ' || $2 || '/verify?token=' || $3 || '&code=${oldCode} ' || $2 || '?token=' || $3,
         body_html = '<p>${oldCode}</p><a href="' || $2 || '/verify?token=' || $3 || '&amp;code=${oldCode}">x</a>'
       WHERE request_id = $1 AND template = 'verify-email'`,
      [filed.request.id, url, filed.statusToken],
    );
    await h.db.owner.query(
      `UPDATE outbox_emails SET secrets = NULL, render_input = NULL, subject = 'Request received', body_text = 'Status: ' || $2 || '?token=' || $3,
         body_html = '<a href="' || $2 || '?token=' || $3 || '">status</a>'
       WHERE request_id = $1 AND template = 'request-received'`,
      [filed.request.id, url, filed.statusToken],
    );
    await placeholdersForStoredSecrets(h.db.owner);
    await placeholdersForStoredSecrets(h.db.owner); // runs again without harm
    const rows: { subject: string; body_text: string; body_html: string }[] = await h.db.owner.query(`SELECT subject, body_text, body_html FROM outbox_emails WHERE request_id = $1`, [filed.request.id]);
    for (const r of rows) expect(JSON.stringify(r)).not.toMatch(new RegExp(`${oldCode}|${filed.statusToken}`));
    const shown = await api('admin', `/api/v1/tenants/inomedis/outbox?reference=${filed.request.reference}`);
    expect(shown.body.items.find((e: { template: string }) => e.template === 'verify-email').text).toBe(`Code ••••••. ${url}/verify?token=••••••&code=•••••• ${url}?token=••••••`);

    const code = await mailbox.code(h, filed.request.reference);
    expect(code).not.toBe(oldCode);
    const linkToken = await mailbox.linkToken(h, filed.request.reference);
    expect((await statusPage(filed.request.reference, linkToken)).status).toBe(200);
    expect((await verifyForm(filed.request.reference, code)).status).toBe(200);
  });

  it('audits reading personal data: one personal-data.read entry per view of the outbox and of a request', async () => {
    const filed = await file('anna.audit-case@subject.test');
    const count = async (actor: string) =>
      (await h.db.owner.query(`SELECT count(*)::int AS c FROM audit_log WHERE tenant_id = $1 AND action = 'personal-data.read' AND actor LIKE $2`, [tenantId, `${actor}%`]))[0].c as number;
    const before = { admin: await count('admin@ino.test'), reader: await count('reader@ino.test') };
    expect((await api('reader', '/api/v1/tenants/inomedis/outbox?pageSize=100')).status).toBe(200);
    expect((await api('admin', '/api/v1/tenants/inomedis/outbox?pageSize=100')).status).toBe(200);
    expect((await api('admin', `/api/v1/tenants/inomedis/requests/${filed.request.reference}`)).status).toBe(200);
    expect(await count('reader@ino.test')).toBe(before.reader + 1);
    expect(await count('admin@ino.test')).toBe(before.admin + 2);
    const [entry] = await h.db.owner.query(
      `SELECT target_type, target_id, details FROM audit_log WHERE tenant_id = $1 AND action = 'personal-data.read' ORDER BY seq DESC LIMIT 1`, [tenantId],
    );
    expect(entry).toMatchObject({ target_type: 'rights-request', target_id: filed.request.id, details: expect.objectContaining({ what: 'request' }) });
  });

  it('audits opening an identity document as personal-data.read, once per download', async () => {
    const [{ id: micro }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    const filed = await port.fileRequest(micro, { type: 'access', name: 'Karin', email: 'karin.document-case@subject.test', locale: 'sv', details: {} }, { ip: ip() });
    await port.verifyEmail(micro, filed.request.reference, await mailbox.code(h, filed.request.reference), { ip: ip() });
    const evidence = await port.addIdentityEvidence(micro, filed.request.reference, filed.statusToken, { originalName: 'begaran.pdf', buffer: pdf() }, { ip: ip() });
    const token = await h.login('admin@micro.test');
    const reads = async () =>
      (await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'personal-data.read' AND details->>'what' = 'identity-document'`, [micro])) as { details: { evidenceId: string } }[];
    expect(await reads()).toHaveLength(0);
    const res = await h.http().get(`/api/v1/tenants/micromedic/requests/${filed.request.reference}/evidence/${evidence.id}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect((await reads()).map((r) => r.details.evidenceId)).toEqual([evidence.id]);
  });
});
