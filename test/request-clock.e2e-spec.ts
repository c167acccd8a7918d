import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REQUESTS_PORT, RequestActor, RequestsPort, RequestsService, requestDeadlines } from '@regula/requests';
import { pdf } from '@regula/requests/testing';
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
});
