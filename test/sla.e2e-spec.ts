import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue, QueueEvents } from 'bullmq';
import { openDataSource, QueueName } from '@regula/platform';
import { workingDaysDeadline } from '@regula/engine';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { DAY_MS, SlaService, slaJobId } from '@regula/sla';
import { REGULA_SCHEMA } from '../apps/schema';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { startWorker, WorkerContext } from './support/worker-context';

/**
 * The rights-request SLA on real PostgreSQL and Redis: filing (identity
 * confirmed) schedules delayed `sla-reminder` jobs; identity arriving or an extension
 * reschedules and old jobs do nothing; the sweep sends what a lost job
 * missed; overdue marking and escalation to the compliance admins; the
 * extension alarm; the alarms on a consent withdrawal's promised outer
 * limit (Inomedis clause 15); nothing sent twice; one job through the real worker.
 */
describe('rights-request SLA', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let port: RequestsPort;
  let queue: Queue;
  let sla: SlaService;
  let tenantId: string;
  let token: string;
  let n = 0;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    await createStaff(h.db.owner, 'dpo@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'second@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    token = await h.login('dpo@ino.test');
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    queue = h.app.get<Queue>(getQueueToken(QueueName.Sla));
    sla = h.app.get(SlaService);
    await queue.obliterate({ force: true }).catch(() => undefined);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
  });

  /** Files an access request at Inomedis and confirms the e-mail code: the clock runs. */
  async function fileAndVerify() {
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Anna Bērziņa', email: `anna.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    const code = await mailbox.code(h, filed.request.reference);
    const req = await port.verifyEmail(tenantId, filed.request.reference, code, { ip: `198.51.100.${n}` });
    return { id: filed.request.id, reference: filed.request.reference, dueAt: new Date(req.dueAt), firstDueAt: new Date(req.firstDueAt) };
  }

  /** The delayed jobs of a request (after-commit scheduling is asynchronous: waits for `count`). */
  async function jobsOf(requestId: string, count: number): Promise<Job[]> {
    for (let i = 0; i < 50; i++) {
      const jobs = (await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.data.requestId === requestId);
      if (jobs.length >= count) return jobs;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`fewer than ${count} jobs for ${requestId}`);
  }

  async function slaMails(reference: string, template?: string): Promise<{ to: string; subject: string; text: string; locale: string; template: string }[]> {
    return h.db.owner.query(
      `SELECT to_address AS "to", subject, body_text AS text, locale, template FROM outbox_emails
        WHERE template LIKE 'sla-%' AND subject LIKE '%' || $1 || '%' ${template ? 'AND template = $2' : ''} ORDER BY "to", created_at`,
      template ? [reference, template] : [reference],
    );
  }

  const api = (url: string, body: object = {}) => h.http().post(`/api/v1/tenants/inomedis/requests/${url}`).set('Authorization', `Bearer ${token}`).send(body);

  it('a request waiting for identity has nothing scheduled; once identity is confirmed its reminders are delayed jobs at the right times', async () => {
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Anna', email: 'waiting@subject.test', locale: 'lv', details: {} }, { ip: '198.51.100.200' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.data.requestId === filed.request.id)).toHaveLength(0);

    const before = Date.now();
    const r = await fileAndVerify();
    const jobs = await jobsOf(r.id, 6);
    const byKind = Object.fromEntries(jobs.map((j) => [j.data.kind, j]));
    expect(Object.keys(byKind).sort()).toEqual(['extension-alarm', 'overdue', 'reminder-0', 'reminder-14', 'reminder-2', 'reminder-7']);
    const due = r.dueAt.getTime();
    const expected: Record<string, number> = {
      'reminder-14': due + 1 - 15 * DAY_MS,
      'reminder-7': due + 1 - 8 * DAY_MS,
      'reminder-2': due + 1 - 3 * DAY_MS,
      'reminder-0': due + 1 - DAY_MS,
      overdue: due + 1,
      'extension-alarm': r.firstDueAt.getTime() + 1 - 4 * DAY_MS,
    };
    for (const [kind, at] of Object.entries(expected)) {
      const job = byKind[kind];
      expect(job.id).toBe(slaJobId(r.id, kind, kind === 'extension-alarm' ? r.firstDueAt : r.dueAt));
      expect(job.data).toEqual({ tenantId, requestId: r.id, kind, dueAt: (kind === 'extension-alarm' ? r.firstDueAt : r.dueAt).toISOString() });
      // delay = at - (the moment it was added)
      expect(Math.abs(job.timestamp + job.delay - at)).toBeLessThan(2000);
      expect(job.timestamp).toBeGreaterThanOrEqual(before - 1000);
      expect(job.opts.attempts).toBeGreaterThan(1);
    }
  });

  it('the clock stands still only while identity is awaited: when it arrives, jobs for the moved due date', async () => {
    // Nothing else stops the clock (GDPR Art. 12(6); the free-text pause is gone, issue 14).
    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Anna Bērziņa', email: `anna.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    // The request arrived ten days ago; identity was asked for five days ago and has not arrived yet.
    await h.db.owner.query(`UPDATE rights_requests SET received_at = received_at - interval '10 days' WHERE id = $1`, [filed.request.id]);
    await h.db.owner.query(`UPDATE request_suspensions SET from_at = from_at - interval '5 days' WHERE request_id = $1 AND to_at IS NULL`, [filed.request.id]);
    const code = await mailbox.code(h, filed.request.reference);
    const req = await port.verifyEmail(tenantId, filed.request.reference, code, { ip: `198.51.100.${n}` });
    const newDue = new Date(req.dueAt);
    const jobs = await jobsOf(filed.request.id, 5);
    expect(jobs.filter((j) => j.data.dueAt === newDue.toISOString()).map((j) => j.data.kind).sort()).toEqual(['extension-alarm', 'overdue', 'reminder-0', 'reminder-14', 'reminder-2', 'reminder-7'].filter((k) => k !== 'extension-alarm' || newDue.getTime() === new Date(req.firstDueAt).getTime()));
    expect(await sla.notify(tenantId, filed.request.id, 'reminder-7', newDue, new Date(newDue.getTime() - 9 * DAY_MS))).toBe('not-yet');
    expect(await sla.notify(tenantId, filed.request.id, 'reminder-7', newDue, new Date(newDue.getTime() - 6.5 * DAY_MS))).toBe('sent');
  });

  it('an extension reschedules to the three-month date and stops the extension alarm', async () => {
    const r = await fileAndVerify();
    await jobsOf(r.id, 6);
    const res = await api(`${r.reference}/extend`, { reason: 'Many systems must be searched.' });
    expect(res.status).toBe(200);
    const newDue = new Date(res.body.dueAt);
    expect(newDue.getTime()).toBeGreaterThan(r.dueAt.getTime() + 50 * DAY_MS);
    const jobs = await jobsOf(r.id, 11);
    expect(jobs.filter((j) => j.data.dueAt === newDue.toISOString()).map((j) => j.data.kind).sort()).toEqual(['overdue', 'reminder-0', 'reminder-14', 'reminder-2', 'reminder-7']);
    // The old plan's jobs, when their time comes, do nothing: not the reminders, not the alarm, not the overdue marking.
    const alarmAt = new Date(r.firstDueAt.getTime() - 2 * DAY_MS);
    expect(await sla.notify(tenantId, r.id, 'extension-alarm', r.firstDueAt, alarmAt)).toBe('stale');
    expect(await sla.notify(tenantId, r.id, 'reminder-2', r.dueAt, alarmAt)).toBe('stale');
    expect(await sla.notify(tenantId, r.id, 'overdue', r.dueAt, new Date(r.dueAt.getTime() + DAY_MS))).toBe('stale');
    const [row] = await h.db.owner.query(`SELECT overdue_at FROM rights_requests WHERE id = $1`, [r.id]);
    expect(row.overdue_at).toBeNull();
    expect(await slaMails(r.reference)).toHaveLength(0);
  });

  it('the sweep sends a reminder whose job was lost, to every compliance admin in the tenant language, once', async () => {
    const r = await fileAndVerify();
    for (const j of await jobsOf(r.id, 6)) await j.remove();
    const now = new Date(r.dueAt.getTime() - 7 * DAY_MS + 3600_000); // reminder-7 is due, reminder-14 was due before it
    const first = await sla.sweep(now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mails = await slaMails(r.reference);
    expect(mails.map((m) => [m.to, m.template, m.locale])).toEqual([
      ['dpo@ino.test', 'sla-reminder', 'lv'],
      ['second@ino.test', 'sla-reminder', 'lv'],
    ]);
    expect(mails[0].subject).toBe(`Atgādinājums: pieprasījuma ${r.reference} termiņš beidzas pēc 7 dienām`);
    expect(mails[0].text).toContain(r.reference);
    const notices = await h.db.owner.query(`SELECT kind, recipients FROM sla_notices WHERE request_id = $1`, [r.id]);
    expect(notices).toEqual([{ kind: 'reminder-7', recipients: 2 }]);
    // Nothing twice: the sweep again, the job arriving late, two at once.
    await sla.sweep(now);
    expect(await sla.notify(tenantId, r.id, 'reminder-7', r.dueAt, now)).toBe('already-sent');
    await Promise.all([sla.sweep(new Date(now.getTime() + 60_000)), sla.sweep(new Date(now.getTime() + 60_000))]);
    expect(await slaMails(r.reference)).toHaveLength(2);
    // A reminder superseded by a later one is not sent late.
    expect(await sla.notify(tenantId, r.id, 'reminder-14', r.dueAt, now)).toBe('stale');
  });

  it('marks an unfinished request overdue after its due date and escalates to the compliance admins (not auditors, not other tenants)', async () => {
    const r = await fileAndVerify();
    const now = new Date(r.dueAt.getTime() + 2 * DAY_MS);
    await sla.sweep(now);
    const mails = await slaMails(r.reference);
    expect(mails.map((m) => [m.to, m.template])).toEqual([
      ['dpo@ino.test', 'sla-overdue'],
      ['second@ino.test', 'sla-overdue'],
    ]);
    expect(mails[0].subject).toContain('Nokavēts');
    const [row] = await h.db.owner.query(`SELECT overdue_at, state FROM rights_requests WHERE id = $1`, [r.id]);
    expect(new Date(row.overdue_at).getTime()).toBe(now.getTime());
    expect(row.state).toBe('in-progress');
    const audit = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE target_id = $1 AND action = 'request.overdue'`, [r.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ kind: 'overdue', recipients: 2 });
    // Once: a later sweep and the overdue job itself change nothing (the marking keeps its first time).
    await sla.sweep(new Date(now.getTime() + DAY_MS));
    expect(await sla.notify(tenantId, r.id, 'overdue', r.dueAt, new Date(now.getTime() + DAY_MS))).toBe('already-sent');
    expect(await slaMails(r.reference)).toHaveLength(2);
    const [again] = await h.db.owner.query(`SELECT overdue_at FROM rights_requests WHERE id = $1`, [r.id]);
    expect(new Date(again.overdue_at).getTime()).toBe(now.getTime());
    // the admin sees when it was marked, in the list and the detail
    const list = await h.http().get('/api/v1/tenants/inomedis/requests').set('Authorization', `Bearer ${token}`);
    expect(new Date(list.body.items.find((i: { reference: string }) => i.reference === r.reference).overdueAt).getTime()).toBe(now.getTime());
    const detail = await h.http().get(`/api/v1/tenants/inomedis/requests/${r.reference}`).set('Authorization', `Bearer ${token}`);
    expect(new Date(detail.body.request.overdueAt).getTime()).toBe(now.getTime());
  });

  it('raises the extension alarm when the first month ends within three days and the request is neither answered nor extended', async () => {
    const r = await fileAndVerify();
    const now = new Date(r.firstDueAt.getTime() - 2.5 * DAY_MS);
    await sla.sweep(now);
    const alarm = await slaMails(r.reference, 'sla-extension-alarm');
    expect(alarm.map((m) => m.to)).toEqual(['dpo@ino.test', 'second@ino.test']);
    expect(alarm[0].subject).toMatch(new RegExp(`^Pieprasījums ${r.reference}: par termiņa pagarinājumu jāpaziņo līdz `));
    // A closed request gets nothing: its jobs and the sweep find nothing to do.
    const closed = await fileAndVerify();
    await h.db.owner.query(`UPDATE rights_requests SET state = 'completed', closed_at = now() WHERE id = $1`, [closed.id]);
    await sla.sweep(new Date(closed.dueAt.getTime() + DAY_MS));
    expect(await sla.notify(tenantId, closed.id, 'overdue', closed.dueAt, new Date(closed.dueAt.getTime() + DAY_MS))).toBe('stale');
    expect(await slaMails(closed.reference)).toHaveLength(0);
  });

  it('alarms on a consent withdrawal\'s outer limit (Inomedis clause 15: three working days from receipt) on its last day and once passed, while the request is open', async () => {
    const filed = await port.fileRequest(tenantId, { type: 'consent-withdrawal', name: 'Laura Liepa', email: `laura.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    const code = await mailbox.code(h, filed.request.reference);
    await port.verifyEmail(tenantId, filed.request.reference, code, { ip: `198.51.100.${n}` });
    const [row] = await h.db.owner.query(`SELECT id, reference, received_at, due_at FROM rights_requests WHERE id = $1`, [filed.request.id]);
    const limit = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: row.received_at }, 3);
    expect(limit.dueAt.getTime()).toBeLessThan(new Date(row.due_at).getTime());
    // Planned as delayed jobs with the others, about the limit's end.
    const jobs = await jobsOf(row.id, 8);
    expect(jobs.filter((j) => j.data.kind.startsWith('withdrawal-limit')).map((j) => [j.data.kind, j.data.dueAt]).sort()).toEqual([
      ['withdrawal-limit', limit.dueAt.toISOString()],
      ['withdrawal-limit-passed', limit.dueAt.toISOString()],
    ]);
    for (const j of jobs) await j.remove();
    // The day before its last day: nothing (the clock is passed in: no wall clock decides).
    await sla.sweep(new Date(limit.dueAt.getTime() - 1.5 * DAY_MS));
    expect(await slaMails(row.reference, 'sla-withdrawal-limit')).toHaveLength(0);
    // On its last day: the compliance admins are warned, in the tenant's language, naming the clause.
    await sla.sweep(new Date(limit.dueAt.getTime() - 3600_000));
    const near = await slaMails(row.reference, 'sla-withdrawal-limit');
    expect(near.map((m) => m.to)).toEqual(['dpo@ino.test', 'second@ino.test']);
    expect(near[0].subject).toMatch(new RegExp(`^Šodien: piekrišanas atsaukums ${row.reference} jāizpilda līdz `));
    expect(near[0].text).toContain('3 darba dienu laikā (15. punkts)');
    // Passed: the second alarm, once; audited.
    const after = new Date(limit.dueAt.getTime() + 3600_000);
    await sla.sweep(after);
    await sla.sweep(new Date(after.getTime() + DAY_MS));
    const all = await slaMails(row.reference, 'sla-withdrawal-limit');
    expect(all).toHaveLength(4);
    expect(all.filter((m) => m.subject.startsWith('Termiņš pagājis')).map((m) => m.to)).toEqual(['dpo@ino.test', 'second@ino.test']);
    const audit = await h.db.owner.query(`SELECT action, details FROM audit_log WHERE target_id = $1 AND action LIKE 'request.withdrawal-limit%' ORDER BY seq`, [row.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['request.withdrawal-limit-alarm', 'request.withdrawal-limit-passed']);
    expect(audit[1].details).toMatchObject({ kind: 'withdrawal-limit-passed', dueAt: limit.dueAt.toISOString(), recipients: 2 });
    // Not the request's deadline: the request is not marked overdue.
    const [still] = await h.db.owner.query(`SELECT overdue_at FROM rights_requests WHERE id = $1`, [row.id]);
    expect(still.overdue_at).toBeNull();
    // A web filing whose e-mail address was never confirmed: no alarm e-mailed (it may expire silently).
    const unconfirmed = await port.fileRequest(tenantId, { type: 'consent-withdrawal', name: 'Laura Liepa', email: `laura.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    await sla.sweep(new Date(limit.dueAt.getTime() + 10 * DAY_MS));
    expect(await slaMails(unconfirmed.request.reference, 'sla-withdrawal-limit')).toHaveLength(0);
    // Done: a closed withdrawal raises nothing.
    const done = await port.fileRequest(tenantId, { type: 'consent-withdrawal', name: 'Laura Liepa', email: `laura.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n}` });
    await port.verifyEmail(tenantId, done.request.reference, await mailbox.code(h, done.request.reference), { ip: `198.51.100.${n}` });
    await h.db.owner.query(`UPDATE rights_requests SET state = 'completed', closed_at = now() WHERE id = $1`, [done.request.id]);
    await sla.sweep(new Date(limit.dueAt.getTime() + 10 * DAY_MS));
    expect(await slaMails(done.request.reference, 'sla-withdrawal-limit')).toHaveLength(0);
  });

  it('keeps the notices of a tenant to that tenant (row-level security on sla_notices)', async () => {
    const [{ n: all }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM sla_notices WHERE tenant_id = $1`, [tenantId]);
    expect(all).toBeGreaterThan(0);
    const app = await openDataSource(h.db.appUrl, REGULA_SCHEMA, 1, 'regula-test-app');
    try {
      const [{ id: micro }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
      const seen = (t: string) => app.transaction(async (em) => {
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [t]);
        const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM sla_notices`);
        return n;
      });
      expect(await seen(tenantId)).toBe(all);
      expect(await seen(micro)).toBe(0);
      expect(await app.query(`SELECT count(*)::int AS n FROM sla_notices`)).toEqual([{ n: 0 }]);
    } finally {
      await app.destroy();
    }
  });

  describe('through the real worker', () => {
    let ctx: WorkerContext;
    let worker: INestApplicationContext;
    let events: QueueEvents;
    beforeAll(async () => {
      ctx = await startWorker(h, QueueName.Sla);
      ({ worker, events } = ctx);
    });
    afterAll(() => ctx?.close());

    it('schedules the sweep every 5 minutes and the identity-wait sweep every hour, each under one fixed id', async () => {
      const schedulers = await worker.get<Queue>(getQueueToken(QueueName.Sla)).getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every]).sort()).toEqual([['identity-wait-sweep-hourly', 3600000], ['sla-sweep-5m', 300000]]);
    });

    it('an sla-reminder job that is due sends the reminder; run again, it sends nothing', async () => {
      const r = await fileAndVerify();
      for (const j of await jobsOf(r.id, 6)) await j.remove();
      // Due in 12 hours: today's reminder (reminder-0) is due now.
      const due = new Date(Date.now() + 12 * 3600_000);
      await h.db.owner.query(`UPDATE rights_requests SET due_at = $2, first_due_at = $2 WHERE id = $1`, [r.id, due]);
      const data = { tenantId, requestId: r.id, kind: 'reminder-0', dueAt: due.toISOString() };
      const job = await queue.add('sla-reminder', data, { jobId: slaJobId(r.id, 'reminder-0', due) });
      expect(await job.waitUntilFinished(events, 20000)).toBe('sent');
      const again = await queue.add('sla-reminder', data, { jobId: `${slaJobId(r.id, 'reminder-0', due)}-again` });
      expect(await again.waitUntilFinished(events, 20000)).toBe('already-sent');
      const mails = await slaMails(r.reference, 'sla-reminder');
      expect(mails.map((m) => m.to)).toEqual(['dpo@ino.test', 'second@ino.test']);
      expect(mails[0].subject).toBe(`Atgādinājums: pieprasījuma ${r.reference} termiņš beidzas šodien`);
    });
  });
});
