import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentityWaitSweep, REQUESTS_PORT, RequestActor, RequestsPort, RequestsService, requestDeadlines } from '@regula/requests';
import { pdf, referenceDraws } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * The clock of a rights request on real PostgreSQL and Redis, with the API's
 * CLOCK stepped by the test (issue 14 §2): the clock stands still only while
 * identity information asked for under GDPR Art. 12(6) is awaited, runs again
 * the moment it arrives (an upload, before any admin has checked it), a
 * rejection stops it again from then, and a stop adds only the whole local
 * days it lasted (ten minutes across midnight add none).
 */
describe('the clock of a rights request (stepped CLOCK)', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let port: RequestsPort;
  let tenantId: string;
  let now = new Date('2026-03-02T08:00:00Z'); // Mon 2 Mar 2026, 09:00 in Stockholm (UTC+1)

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl }, { clock: () => now });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  // The admin acts through the service the REST API calls (a stepped CLOCK months before the staff account's creation would refuse its sign-in).
  const admin: RequestActor = { userId: null, label: 'admin@micro.test', auditLabel: 'admin@micro.test (compliance-admin)' };
  const row = async (id: string) => (await h.db.owner.query(`SELECT state, received_at, due_at, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM rights_requests WHERE id = $1`, [id]))[0];
  const spans = (id: string) => h.db.owner.query(`SELECT from_at AS "fromAt", to_at AS "toAt", kind FROM request_suspensions WHERE request_id = $1 ORDER BY from_at`, [id]);

  it('an upload restarts the clock at once; a rejection stops it again; ten minutes across midnight add no day', async () => {
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Karin Svensson', email: 'karin@subject.test', locale: 'sv', details: {} }, { ip: '198.51.100.7' });
    const ref = filed.request.reference;
    expect(filed.request.identityMethod).toBe('signed-written-request');
    expect(new Date(filed.request.receivedAt).toISOString()).toBe(now.toISOString());
    // Identity asked for at receipt: not late (REQUESTS_IDENTITY_LATE_DAYS).
    expect(filed.request).toMatchObject({ identityRequestedAt: now, identityRequestLate: false });

    now = new Date('2026-03-02T09:00:00Z');
    const code = await mailbox.code(h, ref);
    expect((await port.verifyEmail(tenantId, ref, code, { ip: '198.51.100.7' })).state).toBe('awaiting-identity');
    // Received Mon 2 Mar: one month is Thu 2 Apr (the day before Good Friday).
    expect((await row(filed.request.id)).due_date).toBe('2026-04-02');

    // Ten days later the signed request arrives as an upload: the clock runs again at that instant, before any admin looked at it.
    now = new Date('2026-03-12T10:00:00Z');
    await port.addIdentityEvidence(tenantId, ref, filed.statusToken, { originalName: 'begaran.pdf', buffer: pdf('signed') }, { ip: '198.51.100.7' });
    const [first] = await spans(filed.request.id);
    expect(first).toMatchObject({ kind: 'identity', toAt: now });
    const afterUpload = await row(filed.request.id);
    expect(afterUpload.state).toBe('awaiting-identity'); // not yet checked
    // 3 to 11 March stood still whole: 9 days; 2 Apr + 9 = Sat 11 Apr, moved to Mon 13 Apr (Regulation 1182/71 Art. 3(4)).
    expect(afterUpload.due_date).toBe('2026-04-13');
    const expected = requestDeadlines({ receivedAt: afterUpload.received_at, suspensions: await spans(filed.request.id), extended: false, country: 'SE', timeZone: 'Europe/Stockholm', now });
    expect(afterUpload.due_at).toEqual(expected.dueAt);
    expect(expected.current.explanation.join(' ')).toMatch(/9 whole days.*Regulation 1182\/71 Art\. 3\(4\) applies/);

    // The admin rejects the document at 23:55 local time: identity is asked for again, the clock stops from then.
    now = new Date('2026-03-13T22:55:00Z');
    await h.app.get(RequestsService).rejectEvidence(tenantId, ref, admin, { reason: 'Underskriften saknas.' });
    const reopened = await spans(filed.request.id);
    expect(reopened).toHaveLength(2);
    expect(reopened[1]).toMatchObject({ kind: 'identity', fromAt: now, toAt: null });

    // Ten minutes later, after midnight, the second document arrives: no whole day stood still, the due date stays.
    now = new Date('2026-03-13T23:05:00Z');
    await port.addIdentityEvidence(tenantId, ref, filed.statusToken, { originalName: 'begaran-signerad.pdf', buffer: pdf('signed again') }, { ip: '198.51.100.7' });
    expect((await spans(filed.request.id))[1]).toMatchObject({ toAt: now });
    expect((await row(filed.request.id)).due_date).toBe('2026-04-13');

    // The admin's check, days later, confirms: it does not move the clock.
    now = new Date('2026-03-17T09:00:00Z');
    const confirmed = await h.app.get(RequestsService).confirmIdentity(tenantId, ref, admin);
    expect(confirmed.request).toMatchObject({ state: 'in-progress', dueDate: '2026-04-13' });
  });

  const DAY = 86_400_000;
  const at = (start: Date, days: number, hours = 0) => new Date(start.getTime() + days * DAY + hours * 3_600_000);
  const mails = (requestId: string, template: string): Promise<{ locale: string; subject: string; text: string }[]> =>
    h.db.owner.query(`SELECT locale, subject, body_text AS text FROM outbox_emails WHERE request_id = $1 AND template = $2 ORDER BY created_at`, [requestId, template]);

  it("a silent identity check is reminded on day 7 and 14 and closed on day 30 with the letter in the subject's language; the information arriving later reopens it", async () => {
    const start = new Date('2026-05-04T08:00:00Z'); // Mon 4 May 2026, 10:00 in Stockholm
    now = start;
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Karin Tyst', email: 'karin.tyst@subject.test', locale: 'sv', details: {} }, { ip: '198.51.100.8' });
    const ref = filed.request.reference;
    now = at(start, 0, 1);
    await port.verifyEmail(tenantId, ref, await mailbox.code(h, ref), { ip: '198.51.100.8' });
    const sweep = h.app.get(IdentityWaitSweep);

    now = at(start, 6, 23);
    await sweep.sweep();
    expect(await mails(filed.request.id, 'identity-reminder')).toHaveLength(0);
    now = at(start, 7, 1);
    await sweep.sweep();
    await sweep.sweep(); // idempotent
    const [first] = await mails(filed.request.id, 'identity-reminder');
    expect(await mails(filed.request.id, 'identity-reminder')).toHaveLength(1);
    expect(first.locale).toBe('sv');
    expect(first.text).toContain('identiteten inte bekräftad');
    now = at(start, 14, 1);
    await sweep.sweep();
    expect(await mails(filed.request.id, 'identity-reminder')).toHaveLength(2);
    now = at(start, 29, 23);
    await sweep.sweep();
    expect((await row(filed.request.id)).state).toBe('awaiting-identity');

    now = at(start, 30, 1);
    await sweep.sweep();
    const closed = await row(filed.request.id);
    expect(closed.state).toBe('refused');
    const letters = await mails(filed.request.id, 'identity-not-confirmed');
    expect(letters).toHaveLength(1);
    expect(letters[0].locale).toBe('sv');
    expect(letters[0].text).toContain('artiklarna 12.2 och 12.6'); // the reason
    expect(letters[0].text).toContain('Integritetsskyddsmyndigheten'); // the right to complain (Art. 12(4))
    expect(letters[0].text).toContain('domstol'); // and to go to court
    expect(letters[0].text).toContain('ursprungliga mottagningsdatum'); // it reopens with its original receipt
    expect(letters[0].text).toContain('artikel 11.2'); // no data held matches the address
    expect(await mails(filed.request.id, 'identity-reminder')).toHaveLength(2);

    // Five days after the close the signed request arrives: the request reopens with its original receipt, and the clock runs again.
    now = at(start, 35);
    await port.addIdentityEvidence(tenantId, ref, filed.statusToken, { originalName: 'begaran.pdf', buffer: pdf('late but signed') }, { ip: '198.51.100.8' });
    const reopened = await row(filed.request.id);
    expect(reopened.state).toBe('awaiting-identity');
    expect(reopened.received_at).toEqual(closed.received_at);
    const stretches = await spans(filed.request.id);
    expect(stretches.every((x: { toAt: Date | null }) => x.toAt !== null)).toBe(true);
    expect(stretches.map((x: { fromAt: Date; toAt: Date }) => [x.fromAt.toISOString(), x.toAt.toISOString()])).toEqual([
      [start.toISOString(), at(start, 30, 1).toISOString()],
      [at(start, 30, 1).toISOString(), now.toISOString()],
    ]);
    // Received Mon 4 May; 5 May to 7 June stood still whole (34 days, the two stretches meeting on 3 June count as one):
    const expected = requestDeadlines({ receivedAt: reopened.received_at, suspensions: stretches, extended: false, country: 'SE', timeZone: 'Europe/Stockholm', now });
    expect(reopened.due_at).toEqual(expected.dueAt);
    expect(expected.current.suspendedDays).toBe(34);
  });

  it('a web filing whose e-mail address was never confirmed gets no reminder and no letter: it expires silently, the reason visible to staff only', async () => {
    const start = new Date('2026-08-03T08:00:00Z');
    now = start;
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Okänd', email: 'never.confirmed@subject.test', locale: 'sv', details: {} }, { ip: '198.51.100.9' });
    const sweep = h.app.get(IdentityWaitSweep);
    for (const day of [8, 15]) {
      now = at(start, day);
      await sweep.sweep();
    }
    expect(await mails(filed.request.id, 'identity-reminder')).toHaveLength(0);
    now = at(start, 31);
    await sweep.sweep();
    expect((await row(filed.request.id)).state).toBe('refused');
    expect(await mails(filed.request.id, 'identity-not-confirmed')).toHaveLength(0);
    const [event] = await h.db.owner.query(`SELECT visible_to_subject, note FROM request_events WHERE request_id = $1 AND to_state = 'refused'`, [filed.request.id]);
    expect(event.visible_to_subject).toBe(false);
    expect(event.note).toMatch(/never confirmed/);
  });

  it('a reference the controller already gave is drawn again: the filing inserts once, under a fresh reference', async () => {
    const first = await port.fileRequest(tenantId, { type: 'access', name: 'Sven Berg', email: 'sven@subject.test', locale: 'sv', details: {} }, { ip: '198.51.100.9' });
    const fresh = 'R-ZZZZ-ZZZZ';
    // The next two draws: the reference of the request above (taken), then a free one.
    const draw = jest.spyOn(referenceDraws, 'newReference').mockReturnValueOnce(first.request.reference).mockReturnValueOnce(fresh);
    try {
      const second = await port.fileRequest(tenantId, { type: 'access', name: 'Eva Berg', email: 'eva@subject.test', locale: 'sv', details: {} }, { ip: '198.51.100.10' });
      expect(draw).toHaveBeenCalledTimes(2);
      expect(second.request.reference).toBe(fresh);
      const rows = await h.db.owner.query(`SELECT reference, requester_email AS email, state FROM rights_requests WHERE reference IN ($1, $2) AND tenant_id = $3 ORDER BY reference`, [first.request.reference, fresh, tenantId]);
      expect(rows).toEqual([
        { reference: first.request.reference, email: 'sven@subject.test', state: 'awaiting-identity' },
        { reference: fresh, email: 'eva@subject.test', state: 'awaiting-identity' },
      ].sort((a, b) => a.reference.localeCompare(b.reference)));
      // Its timeline and its identity stop belong to the new request only.
      const [{ events, stops }] = await h.db.owner.query(
        `SELECT (SELECT count(*)::int FROM request_events WHERE request_id = $1) AS events, (SELECT count(*)::int FROM request_suspensions WHERE request_id = $1) AS stops`, [second.request.id]);
      expect({ events, stops }).toEqual({ events: 2, stops: 1 });
    } finally {
      draw.mockRestore();
    }
  });
});
