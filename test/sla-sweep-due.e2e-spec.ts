import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MailService } from '@regula/mail';
import { pdf } from '@regula/requests/testing';
import { REQUESTS_PORT, RequestActor, RequestsPort, RequestsService, RequestType } from '@regula/requests';
import { DAY_MS, SLA_SWEEP_BATCH, SlaScheduler, SlaService } from '@regula/sla';
import { Harness, startApi } from './support/api-harness';
import { insertOpenRequests } from './support/bulk-requests';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * The SLA sweep reads only the requests with a notice due
 * (`rights_requests.next_notice_at`, issue 16 §3): every change of a
 * request moves its next notice in the change's transaction, a notice sent
 * moves it on, a sweep reads the due ones and not the others, and a crash
 * between reading and sending, or after a change's commit, loses no notice.
 */
describe('the SLA sweep reads only what is due', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let port: RequestsPort;
  let requests: RequestsService;
  let sla: SlaService;
  let scheduler: SlaScheduler;
  let tenantId: string;
  let microId: string;
  let n = 0;
  let uploads: string;
  const admin: RequestActor = { userId: null, label: 'dpo@ino.test', auditLabel: 'dpo@ino.test (compliance-admin)' };

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-uploads-'));
    h = await startApi({ UPLOAD_DIR: uploads, PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    [{ id: microId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    await createStaff(h.db.owner, 'dpo@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    requests = h.app.get(RequestsService);
    sla = h.app.get(SlaService);
    scheduler = h.app.get(SlaScheduler);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await h?.close();
    await mailbox?.close();
    if (uploads) rmSync(uploads, { recursive: true, force: true });
  });

  async function file(type: RequestType = 'access') {
    const filed = await port.fileRequest(tenantId, { type, name: 'Anna Bērziņa', email: `anna.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    return { id: filed.request.id, reference: filed.request.reference };
  }

  async function verify(r: { reference: string }) {
    const req = await port.verifyEmail(tenantId, r.reference, await mailbox.code(h, r.reference), { ip: `198.51.100.${n}` });
    return { dueAt: new Date(req.dueAt), firstDueAt: new Date(req.firstDueAt) };
  }

  async function stored(id: string): Promise<{ replan: boolean; at: Date | null }> {
    const [row] = await h.db.owner.query(
      `SELECT next_notice_at = '-infinity' AS replan, CASE WHEN isfinite(next_notice_at) THEN next_notice_at END AS at FROM rights_requests WHERE id = $1`,
      [id],
    );
    return { replan: !!row.replan, at: row.at ? new Date(row.at) : null };
  }

  /** The next notice once the scheduler planned the request after the commit (until then it is -infinity: to plan again). */
  async function nextOf(id: string): Promise<Date | null> {
    for (let i = 0; i < 100; i++) {
      const s = await stored(id);
      if (!s.replan) return s.at;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`request ${id} was not planned`);
  }

  /**
   * A request just filed on the web: left marked to plan again for the sweep
   * (its filing publishes no clock event), which plans nothing while identity is awaited.
   */
  async function plannedBySweep(id: string): Promise<void> {
    expect(await stored(id)).toEqual({ replan: true, at: null });
    await sla.sweep(new Date());
    expect(await stored(id)).toEqual({ replan: false, at: null });
  }

  /** The start of the day `days` days before the due day (due_at is the end of the due day). */
  const reminder = (dueAt: Date, days: number) => new Date(dueAt.getTime() + 1 - (days + 1) * DAY_MS);

  async function countDue(now: Date): Promise<number> {
    const [{ n: due }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM rights_requests WHERE next_notice_at <= $1`, [now]);
    return due;
  }

  it('each change moves the next notice in its transaction: filed, identity confirmed, extended, a notice sent, closed', async () => {
    const r = await file();
    // Identity awaited: the clock stands still, nothing planned.
    await plannedBySweep(r.id);
    const { dueAt } = await verify(r);
    expect(await nextOf(r.id)).toEqual(reminder(dueAt, 14));

    // Extended: the three-month date's reminders, no extension alarm.
    const extended = await requests.extend(tenantId, r.reference, admin, 'Many systems must be searched.');
    const newDue = new Date(extended.dueAt);
    expect(newDue.getTime()).toBeGreaterThan(dueAt.getTime() + 50 * DAY_MS);
    expect(await nextOf(r.id)).toEqual(reminder(newDue, 14));

    // A notice sent moves it to the next one (the job's path; the sweep's is below).
    expect(await sla.notify(tenantId, r.id, 'reminder-14', newDue, new Date(reminder(newDue, 14).getTime() + 3600_000))).toBe('sent');
    expect((await stored(r.id)).at).toEqual(reminder(newDue, 7));

    // Closed: nothing more.
    await requests.refuse(tenantId, r.reference, admin, { ground: 'manifestly-unfounded', reason: 'A test of the SLA plan.' });
    expect(await nextOf(r.id)).toBeNull();
  });

  it('identity information arriving (recorded by an admin with the instant it arrived) starts the plan; a consent withdrawal is planned while identity is awaited', async () => {
    const r = await file();
    await plannedBySweep(r.id);
    const arrivedAt = new Date();
    const { request } = await requests.confirmIdentity(tenantId, r.reference, admin, { note: 'A signed letter came by post.', arrivedAt });
    expect(await nextOf(r.id)).toEqual(reminder(new Date(request.dueAt), 14));

    // The withdrawal's promised limit runs from receipt whatever the clock does: planned once the e-mail address is confirmed.
    const w = await file('consent-withdrawal');
    await plannedBySweep(w.id);
    await verify(w);
    const next = await nextOf(w.id);
    expect(next).not.toBeNull();
    expect(next!.getTime()).toBeLessThan(Date.now() + 10 * DAY_MS);
  });

  it('the clock stopped and started again (a document uploaded, then rejected) moves it; the e-mail address confirmed is planned by the sweep', async () => {
    // Micromedic asks for a signed request for access: the e-mail code alone leaves the clock standing still.
    const filed = await port.fileRequest(microId, { type: 'access', name: 'Karin Svensson', email: `karin.${++n}@subject.test`, locale: 'sv', details: {} }, { ip: `198.51.100.${n}` });
    const ref = filed.request.reference;
    await plannedBySweep(filed.request.id);
    expect((await port.verifyEmail(microId, ref, await mailbox.code(h, ref), { ip: `198.51.100.${n}` })).state).toBe('awaiting-identity');
    // No clock event: marked to plan again in the confirmation's transaction, planned by the next sweep (nothing due while identity is awaited).
    expect(await stored(filed.request.id)).toEqual({ replan: true, at: null });
    await sla.sweep(new Date());
    expect(await stored(filed.request.id)).toEqual({ replan: false, at: null });

    // The signed request arrives as an upload: the clock runs from then.
    await port.addIdentityEvidence(microId, ref, filed.statusToken, { originalName: 'begaran.pdf', buffer: pdf('signed') }, { ip: `198.51.100.${n}` });
    const [{ due_at: dueAt }] = await h.db.owner.query(`SELECT due_at FROM rights_requests WHERE id = $1`, [filed.request.id]);
    expect(await nextOf(filed.request.id)).toEqual(reminder(new Date(dueAt), 14));
    // Rejected: identity asked for again, the clock stands still: nothing planned.
    await requests.rejectEvidence(microId, ref, { ...admin, label: 'admin@micro.test' }, { reason: 'The signature is missing.' });
    expect(await nextOf(filed.request.id)).toBeNull();
  });

  it('a crash between reading a due request and recording its notice loses nothing: the next sweep sends it, once', async () => {
    const r = await file();
    const { dueAt, firstDueAt } = await verify(r);
    expect(await nextOf(r.id)).toEqual(reminder(dueAt, 14));
    const now = new Date(reminder(dueAt, 7).getTime() + 3600_000);
    // The process stops while the sweep sends this request's reminder (other requests' notices go out before it).
    const mail = h.app.get(MailService);
    const original = mail.send.bind(mail);
    const send = jest.spyOn(mail, 'send').mockImplementation((em, m) => (m.data?.reference === r.reference ? Promise.reject(new Error('the worker stopped')) : original(em, m)));
    await expect(sla.sweep(now)).rejects.toThrow('the worker stopped');
    send.mockRestore();
    // Rolled back: no notice recorded, the next notice still due.
    expect(await h.db.owner.query(`SELECT kind FROM sla_notices WHERE request_id = $1`, [r.id])).toEqual([]);
    expect((await stored(r.id)).at).toEqual(reminder(dueAt, 14));
    const again = await sla.sweep(now);
    expect(again.sent).toBeGreaterThanOrEqual(1);
    expect(await h.db.owner.query(`SELECT kind FROM sla_notices WHERE request_id = $1`, [r.id])).toEqual([{ kind: 'reminder-7' }]);
    // Next: the extension alarm, three days before the first month ends.
    expect((await stored(r.id)).at).toEqual(new Date(firstDueAt.getTime() + 1 - 4 * DAY_MS));
    expect(await sla.sweep(now)).toMatchObject({ sent: 0 });
  });

  it('a change whose planning after the commit is lost is planned by the next sweep', async () => {
    const r = await file();
    const { dueAt } = await verify(r);
    expect(await nextOf(r.id)).toEqual(reminder(dueAt, 14));
    // The process stops between the commit of the extension and the scheduler's planning.
    const lost = jest.spyOn(scheduler, 'reschedule').mockResolvedValue(0);
    const extended = await requests.extend(tenantId, r.reference, admin, 'Many systems must be searched.');
    await new Promise((res) => setTimeout(res, 200));
    lost.mockRestore();
    expect(await stored(r.id)).toEqual({ replan: true, at: null });
    const swept = await sla.sweep(new Date());
    expect(swept.read).toBeGreaterThanOrEqual(1);
    expect((await stored(r.id)).at).toEqual(reminder(new Date(extended.dueAt), 14));
  });
  it('a sweep reads the requests with a notice due and not the others', async () => {
    const now = new Date();
    // 400 open requests, due from 20 to 59 days ahead (10 a day), to be planned like new ones.
    await insertOpenRequests(h.db.owner, microId, { count: 400, dueFrom: new Date(now.getTime() + 20 * DAY_MS), spreadDays: 40, next: 'replan' });
    const toPlan = await countDue(now);
    expect(toPlan).toBeGreaterThanOrEqual(400);
    const first = await sla.sweep(now);
    expect(first).toMatchObject({ read: toPlan, sent: 0 });
    // Planned: nothing is due now, nothing is read.
    expect(await sla.sweep(now)).toMatchObject({ read: 0, sent: 0 });

    // Ten days on, the 14-day reminders of the requests due within 25 days are due (5 days x 10), the rest is not read.
    const later = new Date(now.getTime() + 10 * DAY_MS);
    const due = await countDue(later);
    expect(due).toBe(50);
    const swept = await sla.sweep(later);
    expect(swept.read).toBe(due);
    expect(swept.sent).toBe(due);
    expect(await sla.sweep(later)).toMatchObject({ read: 0, sent: 0 });
    const [{ n: notices }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM sla_notices WHERE tenant_id = $1 AND kind = 'reminder-14'`, [microId]);
    expect(notices).toBe(50);

    // The sweep's query is a range scan of the partial index on next_notice_at, not a scan of the open requests.
    await h.db.owner.query(`ANALYZE rights_requests`);
    const [{ 'QUERY PLAN': plan }] = await h.db.owner.query(
      `EXPLAIN (FORMAT JSON) SELECT id FROM rights_requests WHERE tenant_id = $1 AND next_notice_at <= $2 AND NOT (id = ANY($3::uuid[])) ORDER BY next_notice_at LIMIT ${SLA_SWEEP_BATCH}`,
      [microId, later, []],
    );
    expect(JSON.stringify(plan)).toContain('"Index Name":"rights_requests_next_notice"');
  }, 180_000);
});
