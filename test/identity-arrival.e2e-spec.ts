import { REQUESTS_PORT, RequestActor, RequestsPort, RequestsService, requestDeadlines } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * Identity information that reaches the controller outside Regula (a signed
 * letter by post, an e-mail to its mailbox), recorded by the admin with the
 * instant it arrived (issue 14 §2): the clock runs again from that instant,
 * not from the admin's click; the timeline and the audit log say when it
 * arrived and who recorded it; a date in the future or before identity was
 * asked for is a 400 naming `arrivedAt`. Real PostgreSQL and Redis, the
 * API's CLOCK stepped by the test.
 */
describe('identity information arriving by letter or e-mail (stepped CLOCK)', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let port: RequestsPort;
  let tenantId: string;
  /** The stepped "now"; null: the system clock (the REST calls, whose access tokens are checked against real time). */
  let now: Date | null = null;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl }, { clock: () => now ?? new Date() });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
  });

  // The admin acts through the service the REST API calls where the clock is stepped; the REST checks run on the system clock.
  const admin: RequestActor = { userId: null, label: 'admin@micro.test', auditLabel: 'admin@micro.test (compliance-admin)' };
  const confirm = (ref: string, input: { note?: string; arrivedAt?: string }) => h.app.get(RequestsService).confirmIdentity(tenantId, ref, admin, input);
  const spans = (id: string) => h.db.owner.query(`SELECT from_at AS "fromAt", to_at AS "toAt", kind FROM request_suspensions WHERE request_id = $1 ORDER BY from_at`, [id]);

  /** An access request of Micromedic (a signed request asked for), its e-mail address confirmed: the clock stands still. */
  async function waitingForLetter(email: string) {
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Karin Brev', email, locale: 'sv', details: {} }, { ip: '198.51.100.21' });
    const ref = filed.request.reference;
    const verified = await port.verifyEmail(tenantId, ref, await mailbox.code(h, ref), { ip: '198.51.100.21' });
    expect(verified.state).toBe('awaiting-identity');
    return filed.request;
  }

  it('a letter recorded as arrived 2 days ago restarts the clock from then; the timeline and the audit log say when and who', async () => {
    now = new Date('2026-03-02T08:00:00Z');
    const req = await waitingForLetter('karin.brev@subject.test');
    expect(req.dueDate).toBe('2026-04-02');

    // Ten days after receipt the admin records the signed letter that came by post two days earlier.
    now = new Date('2026-03-12T10:00:00Z');
    const arrivedAt = new Date('2026-03-10T10:00:00Z'); // Tue 10 Mar, 11:00 in Stockholm
    const res = await confirm(req.reference, { note: 'Signed letter received by post', arrivedAt: arrivedAt.toISOString() });
    // Stood still from Mon 2 Mar 09:00 to Tue 10 Mar 11:00 local: 3 to 9 March whole, 7 days; 2 Apr + 7 = Thu 9 Apr.
    // Had the clock run again at the click (12 Mar), 9 days would give Sat 11 Apr, moved to Mon 13 Apr.
    expect(res.request).toMatchObject({ state: 'in-progress', dueDate: '2026-04-09' });
    const [span] = await spans(req.id);
    expect(span).toMatchObject({ kind: 'identity', toAt: arrivedAt });
    const [row] = await h.db.owner.query(`SELECT received_at, due_at FROM rights_requests WHERE id = $1`, [req.id]);
    const expected = requestDeadlines({ receivedAt: row.received_at, suspensions: await spans(req.id), extended: false, country: 'SE', timeZone: 'Europe/Stockholm', now });
    expect(row.due_at).toEqual(expected.dueAt);
    expect(expected.current.explanation.join(' ')).toMatch(/7 whole days/);

    const events = await h.db.owner.query(`SELECT kind, at, actor, data FROM request_events WHERE request_id = $1 AND kind = 'identity-information'`, [req.id]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ at: arrivedAt, actor: 'admin@micro.test', data: { key: 'information-received', arrivedAt: arrivedAt.toISOString(), recordedAt: now.toISOString() } });
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE target_id = $1 AND action = 'request.identity-information-received'`, [req.id]);
    expect(audit.actor).toContain('admin@micro.test');
    expect(audit.details).toMatchObject({ arrivedAt: arrivedAt.toISOString(), recordedAt: now.toISOString(), recordedBy: 'admin@micro.test', note: 'Signed letter received by post' });
  });

  it('a local date and time is read in the controller’s zone; without arrivedAt the information arrived now', async () => {
    now = new Date('2026-06-01T07:00:00Z');
    const local = await waitingForLetter('karin.lokal@subject.test');
    now = new Date('2026-06-05T12:00:00Z');
    await confirm(local.reference, { note: 'Signed letter', arrivedAt: '2026-06-04T09:15' });
    expect((await spans(local.id))[0].toAt).toEqual(new Date('2026-06-04T07:15:00Z')); // 09:15 in Stockholm (UTC+2)

    now = new Date('2026-06-01T07:00:00Z');
    const plain = await waitingForLetter('karin.nu@subject.test');
    now = new Date('2026-06-05T12:00:00Z');
    await confirm(plain.reference, { note: 'Signed letter' });
    expect((await spans(plain.id))[0].toAt).toEqual(now);
  });

  it('REST: an arrival in the future, before identity was asked for, or not a date is a 400 naming arrivedAt; nothing changes', async () => {
    now = null;
    const req = await waitingForLetter('karin.fel@subject.test');
    const token = await h.login('admin@micro.test');
    const post = (body: Record<string, unknown>) =>
      h.http().post(`/api/v1/tenants/micromedic/requests/${req.reference}/identity/confirm`).set('Authorization', `Bearer ${token}`).send(body);
    const asked = new Date(req.identityRequestedAt!);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const beforeAsked = new Date(asked.getTime() - 3_600_000).toISOString();
    for (const arrivedAt of [future, beforeAsked, 'yesterday', '2026-09-02', 42]) {
      const res = await post({ note: 'Signed letter', arrivedAt });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain('arrivedAt');
    }
    expect((await spans(req.id))[0].toAt).toBeNull();
    const [{ state }] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [req.id]);
    expect(state).toBe('awaiting-identity');

    // The earliest valid arrival, the instant identity was asked for: 200, the clock ran again from then.
    const ok = await post({ note: 'Signed letter', arrivedAt: asked.toISOString() });
    expect([ok.status, ok.body.message]).toEqual([200, undefined]);
    expect((await spans(req.id))[0].toAt).toEqual(asked);
  });
});
