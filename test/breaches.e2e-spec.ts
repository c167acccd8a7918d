import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ConfigModule, DatabaseModule, QueueName, QueuesModule, RedisModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { BreachClockJobs, clockJobId } from '@regula/breaches';
import { REGULA_SCHEMA } from '../apps/schema';
import { QueueWorkerModule } from '../apps/worker/src/queue-worker.module';
import { BREACH_SWEEP_SCHEDULER_ID } from '../apps/worker/src/schedules';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/** The breach part of the worker. */
@Module({})
class BreachWorkerHarness {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: BreachWorkerHarness,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, RegistersModule, QueuesModule, QueueWorkerModule.forQueue(QueueName.Breach)],
    };
  }
}

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The breach register (GDPR Art. 33/34) on real Postgres and Redis, with the worker's breach clock. */
describe('breaches', () => {
  let h: Harness;
  let admin: string;
  let auditor: string;
  let other: string;
  let queue: Queue;
  let worker: INestApplicationContext | null = null;

  const base = '/api/v1/tenants/softera-baltic/breaches';
  const facts = (over: Record<string, unknown> = {}) => ({
    title: 'CRM export sent to a wrong recipient',
    awareAt: ago(1),
    nature: 'Confidentiality breach: a customer list was e-mailed to an external address by mistake.',
    dataCategories: ['name', 'e-mail address'],
    subjectCategories: ['customers'],
    approxSubjects: 120,
    approxRecords: 120,
    likelyConsequences: 'Unwanted contact, phishing.',
    measures: 'Recipient asked to delete; confirmed.',
    risk: 'risk',
    riskReasoning: 'Contact data only, recipient known.',
    ...over,
  });
  const post = (token: string, path: string, body: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
  const get = (token: string, path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`);
  const record = async (over: Record<string, unknown> = {}) => {
    const res = await post(admin, base, facts(over));
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'auditor@softera.test', { tenant: 'softera-baltic', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    [admin, auditor, other] = await Promise.all(['admin@softera.test', 'auditor@softera.test', 'admin@micromedic.test'].map((e) => h.login(e)));
    queue = h.app.get<Queue>(getQueueToken(QueueName.Breach));
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  it('records a breach: 72 hours from awareness, the default contact point, delayed clock jobs with deterministic ids', async () => {
    const awareAt = ago(1);
    const b = await record({ awareAt });
    expect(b.reference).toMatch(/^BR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(b.status).toBe('open');
    expect(new Date(b.clock.deadlineAt).getTime() - new Date(awareAt).getTime()).toBe(72 * HOUR);
    expect(b.clock.hoursLeft).toBe(70);
    expect(b.clock.explanation.join(' ')).toMatch(/not moved for Saturdays/);
    expect(b.dpoContact).toMatch(/No data protection officer designated; contact point/);
    expect(b).not.toHaveProperty('tenantId');
    const deadline = new Date(b.clock.deadlineAt);
    for (const kind of ['reminder-48h', 'reminder-24h', 'reminder-6h', 'deadline-passed'] as const) {
      const job = await queue.getJob(clockJobId(b.id, kind, deadline));
      expect(job?.data).toEqual({ tenantId: expect.any(String), breachId: b.id, kind });
      expect(await job!.getState()).toBe('delayed');
    }
    const [entry] = await h.db.owner.query(`SELECT action, actor FROM audit_log WHERE target_id = $1`, [b.id]);
    expect(entry).toEqual({ action: 'breach.recorded', actor: 'admin@softera.test (compliance-admin)' });
  });

  it('takes the DPO of the definition as the default contact', async () => {
    const micro = await post(other, '/api/v1/tenants/micromedic/breaches', facts());
    expect(micro.status).toBe(201);
    expect(micro.body.dpoContact).toContain('Arvid Tjomsland');
  });

  it('refuses bad input: unknown fields, a risk without reasoning, awareness in the future', async () => {
    expect((await post(admin, base, { ...facts(), tenantId: 'x' })).status).toBe(400);
    expect((await post(admin, base, { ...facts(), nature: undefined })).status).toBe(400);
    const noReason = await post(admin, base, facts({ riskReasoning: undefined }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.message.join(' ')).toMatch(/riskReasoning is required/);
    expect((await post(admin, base, facts({ awareAt: new Date(Date.now() + 2 * HOUR).toISOString() }))).status).toBe(400);
    expect((await post(admin, base, facts({ risk: 'severe' }))).status).toBe(400);
  });

  it('lists open breaches first, nearest deadline first', async () => {
    const later = await record({ title: 'later', awareAt: ago(1) });
    const sooner = await record({ title: 'sooner', awareAt: ago(3) });
    const documented = await record({ title: 'documented', awareAt: ago(4), risk: 'no-risk', riskReasoning: 'Encrypted laptop, key not lost.' });
    expect(documented.status).toBe('documented');
    const res = await get(admin, base);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((b: { id: string }) => b.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(documented.id));
    const deadlines = res.body.items.filter((b: { status: string }) => b.status === 'open').map((b: { deadlineAt: string }) => b.deadlineAt);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect((await get(admin, `${base}?status=documented`)).body.items.map((b: { id: string }) => b.id)).toContain(documented.id);
  });

  it('records the notification to the authority in time; once only', async () => {
    const b = await record();
    const res = await post(admin, `${base}/${b.id}/authority-notified`, { reference: 'VDAI 2026-17' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'notified', authorityReference: 'VDAI 2026-17', delayReasons: null });
    expect(res.body.clock).toMatchObject({ notifiedLate: false, hoursLeft: null });
    expect((await post(admin, `${base}/${b.id}/authority-notified`, {})).status).toBe(409);
  });

  it('requires the reasons for the delay when the authority is notified after 72 hours', async () => {
    const b = await record({ awareAt: ago(80) });
    const late = await post(admin, `${base}/${b.id}/authority-notified`, {});
    expect(late.status).toBe(400);
    expect(late.body.message.join(' ')).toMatch(/delayReasons are required.*8 hour\(s\) after the 72-hour deadline/);
    const inTime = await post(admin, `${base}/${b.id}/authority-notified`, { notifiedAt: ago(9), delayReasons: '' });
    expect(inTime.status).toBe(200);
    expect(inTime.body.clock.notifiedLate).toBe(false);
    // Moving awareness earlier makes that notification late: refused without reasons.
    const moved = await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ awareAt: ago(90) });
    expect(moved.status).toBe(400);
    const b2 = await record({ awareAt: ago(80) });
    const withReasons = await post(admin, `${base}/${b2.id}/authority-notified`, { delayReasons: 'The scope was unclear until the processor reported back.' });
    expect(withReasons.status).toBe(200);
    expect(withReasons.body.clock.notifiedLate).toBe(true);
    expect(withReasons.body.delayReasons).toMatch(/scope was unclear/);
  });

  it('requires the subjects to be told, or an Art. 34(3) exemption, for a high risk', async () => {
    const low = await record();
    expect((await post(admin, `${base}/${low.id}/subjects-notified`, { exemption: 'encrypted', reasoning: 'AES-256' })).status).toBe(400);

    const b = await record({ risk: 'high-risk', riskReasoning: 'Health data of patients.' });
    expect((await post(admin, `${base}/${b.id}/authority-notified`, {})).body.status).toBe('subjects-pending');
    const close = await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ status: 'closed' });
    expect(close.status).toBe(409);
    expect(close.body.message).toMatch(/Art\. 34/);
    expect((await post(admin, `${base}/${b.id}/subjects-notified`, {})).status).toBe(400);
    expect((await post(admin, `${base}/${b.id}/subjects-notified`, { exemption: 'encrypted' })).status).toBe(400);
    const c = await post(admin, `${base}/${b.id}/subjects-notified`, { exemption: 'disproportionate-effort', reasoning: 'No contact data.' });
    expect(c.status).toBe(400);
    expect(c.body.message.join(' ')).toMatch(/public communication/);
    const ok = await post(admin, `${base}/${b.id}/subjects-notified`, { exemption: 'disproportionate-effort', reasoning: 'No contact data for 40 000 people.', method: 'Notice on the home page and in two national newspapers' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'notified', subjectsExemption: 'disproportionate-effort', subjectsNotificationMethod: expect.stringMatching(/home page/) });
    const closed = await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const told = await record({ risk: 'high-risk', riskReasoning: 'Passwords leaked.' });
    await post(admin, `${base}/${told.id}/authority-notified`, {});
    const t = await post(admin, `${base}/${told.id}/subjects-notified`, { method: 'E-mail to every account holder' });
    expect(t.status).toBe(200);
    expect(t.body.status).toBe('notified');
    expect((await post(admin, `${base}/${told.id}/subjects-notified`, { method: 'again' })).status).toBe(409);

    const actions = (await h.db.owner.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq`, [b.id])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['breach.recorded', 'breach.authority-notified', 'breach.subjects-exemption', 'breach.closed']);
  });

  it('audits every change with the fields that changed', async () => {
    const b = await record();
    const res = await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ risk: 'high-risk', riskReasoning: 'Health data after all.', approxSubjects: 300 });
    expect(res.status).toBe(200);
    const [row] = await h.db.owner.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'breach.updated'`, [b.id]);
    expect(row.details.changes).toMatchObject({ risk: { from: 'risk', to: 'high-risk' }, approxSubjects: { from: 120, to: 300 }, riskReasoning: 'changed' });
    // Correcting awareness moves the deadline and re-arms the clock.
    const moved = await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ awareAt: ago(2) });
    expect(new Date(moved.body.clock.deadlineAt).getTime()).toBe(new Date(moved.body.awareAt).getTime() + 72 * HOUR);
    expect(await queue.getJob(clockJobId(b.id, 'deadline-passed', new Date(moved.body.clock.deadlineAt)))).toBeTruthy();
    expect((await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${admin}`).send({ status: 'done' })).status).toBe(400);
  });

  it("answers 404 for another tenant's breaches", async () => {
    const b = await record();
    expect((await get(other, base)).status).toBe(404);
    expect((await get(other, `/api/v1/tenants/micromedic/breaches/${b.id}`)).status).toBe(404);
    expect((await post(other, `/api/v1/tenants/micromedic/breaches/${b.id}/authority-notified`, {})).status).toBe(404);
    expect((await get(admin, `${base}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(admin, `${base}/not-a-uuid`)).status).toBe(400);
    expect((await h.http().get(base)).status).toBe(401);
  });

  it('lets an auditor read, never write', async () => {
    const b = await record();
    expect((await get(auditor, base)).status).toBe(200);
    expect((await get(auditor, `${base}/${b.id}`)).status).toBe(200);
    expect((await post(auditor, base, facts())).status).toBe(403);
    expect((await h.http().patch(`${base}/${b.id}`).set('Authorization', `Bearer ${auditor}`).send({ measures: 'x' })).status).toBe(403);
    expect((await post(auditor, `${base}/${b.id}/authority-notified`, {})).status).toBe(403);
    expect((await post(auditor, `${base}/${b.id}/subjects-notified`, { method: 'x' })).status).toBe(403);
  });

  it('exports the register as XLSX and PDF beside the JSON list, in `lang`, audited; another tenant 404, a bad lang 400', async () => {
    const binary = (token: string, path: string) =>
      get(token, path).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (x: Buffer) => chunks.push(x));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const list = (await get(auditor, `${base}?limit=100`)).body.items as { reference: string; title: string }[];
    const xlsx = await binary(auditor, `${base}/export.xlsx?lang=et`);
    expect([xlsx.status, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(xlsx.headers['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(rows[0][0]).toBe('Viide');
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(list.map((b) => b.reference).sort());
    const pdf = await binary(admin, `${base}/export.pdf`);
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.body as Buffer }).toString('utf8');
    expect(text).toContain('Breach register (GDPR Art. 33(5))');
    for (const b of list) expect(text).toContain(b.reference);
    const audited = await h.db.owner.query(`SELECT details FROM audit_log WHERE action = 'export.created' AND details->>'export' = 'breaches' ORDER BY seq`);
    expect(audited.map((a: { details: Record<string, unknown> }) => [a.details.format, a.details.lang, a.details.rows])).toEqual([['xlsx', 'et', list.length], ['pdf', 'en', list.length]]);
    expect((await get(other, `${base}/export.xlsx`)).status).toBe(404);
    expect((await get(admin, `${base}/export.xlsx?lang=xx`)).status).toBe(400);
  });

  describe('the clock in the worker', () => {
    const emailsOf = (reference: string) =>
      h.db.owner.query(`SELECT to_address AS "to", template, locale, status, subject FROM outbox_emails WHERE subject LIKE $1 ORDER BY to_address`, [`%${reference}%`]);
    const row = async (id: string) => (await h.db.owner.query(`SELECT reminders_sent, deadline_passed_at FROM breaches WHERE id = $1`, [id]))[0];

    beforeAll(async () => {
      const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: h.db.ownerUrl, DATABASE_APP_URL: h.db.appUrl, REDIS_URL: h.config.REDIS_URL, ...auditEnv(h) });
      worker = await NestFactory.createApplicationContext(BreachWorkerHarness.forRoot(config), { logger: false });
      await worker.init();
    });

    it('schedules one sweep every 5 minutes under a fixed id', async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([[BREACH_SWEEP_SCHEDULER_ID, 300000]]);
    });

    it('e-mails the due reminder to the compliance admins (not the auditor), once; the older reminder is superseded', async () => {
      const b = await record({ awareAt: ago(50) });
      const sent = await until('the 24-hour reminder', async () => ((await row(b.id)).reminders_sent.length ? row(b.id) : null));
      expect(sent.reminders_sent).toEqual([`reminder-24h@${new Date(b.clock.deadlineAt).toISOString()}`]);
      expect(sent.deadline_passed_at).toBeNull();
      const mails = await emailsOf(b.reference);
      expect(mails).toEqual([{ to: 'admin@softera.test', template: 'breach-reminder', locale: 'lt', status: 'outbox', subject: expect.stringContaining('liko 21 val.') }]);
      const jobs = worker!.get(BreachClockJobs);
      expect(await jobs.runStep(b.tenantId ?? (await h.db.owner.query(`SELECT tenant_id FROM breaches WHERE id = $1`, [b.id]))[0].tenant_id, b.id, 'reminder-24h')).toEqual({ result: 'already-sent' });
      expect(await emailsOf(b.reference)).toHaveLength(1);
      const details = (await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE target_id = $1 AND action = 'breach.reminder-sent'`, [b.id]))[0];
      expect(details).toMatchObject({ actor: 'worker: breach clock', details: { kind: 'reminder-24h', emails: 1 } });
    });

    it('flags the breach when the 72 hours end without a notification, and e-mails the admins', async () => {
      const b = await record({ awareAt: ago(73) });
      const flagged = await until('the deadline-passed flag', async () => ((await row(b.id)).deadline_passed_at ? row(b.id) : null));
      expect(flagged.reminders_sent).toEqual([`deadline-passed@${new Date(b.clock.deadlineAt).toISOString()}`]);
      expect((await emailsOf(b.reference)).map((m: { template: string }) => m.template)).toEqual(['breach-deadline-passed']);
      const detail = await get(admin, `${base}/${b.id}`);
      expect(detail.body.clock).toMatchObject({ overdue: true, deadlinePassedAt: expect.any(String), remindersSent: ['deadline-passed'] });
    });

    it('sends nothing once the authority was notified or the breach is assessed as no risk', async () => {
      // Overdue when recorded, so its deadline job is due at once: the queue waits until the
      // notification is in, as a person who records and notifies at once would see it.
      await queue.pause();
      let notified: Awaited<ReturnType<typeof record>>;
      let noRisk: Awaited<ReturnType<typeof record>>;
      try {
        notified = await record({ awareAt: ago(73) });
        await post(admin, `${base}/${notified.id}/authority-notified`, { notifiedAt: ago(2), delayReasons: 'Weekend, no staff.' });
        noRisk = await record({ awareAt: ago(73), risk: 'no-risk', riskReasoning: 'Encrypted.' });
      } finally {
        await queue.resume();
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect((await row(notified.id)).deadline_passed_at).toBeNull();
      expect((await row(noRisk.id)).deadline_passed_at).toBeNull();
      expect(await emailsOf(notified.reference)).toEqual([]);
    });

    it('the sweep catches a breach whose clock jobs were lost', async () => {
      const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
      const aware = new Date(Date.now() - 75 * HOUR);
      const [{ id }] = await h.db.owner.query(
        `INSERT INTO breaches (tenant_id, reference, title, aware_at, deadline_at, nature, dpo_contact, status, created_by)
         VALUES ($1, 'BR-LOST-JOB1', 'lost', $2, $3, 'Inserted without jobs', 'x', 'open', 'test') RETURNING id`,
        [tenantId, aware, new Date(aware.getTime() + 72 * HOUR)],
      );
      const job = await queue.add('breach-sweep', {});
      await until('the sweep', async () => (await job.getState()) === 'completed');
      expect((await row(id)).deadline_passed_at).not.toBeNull();
      expect((await emailsOf('BR-LOST-JOB1')).map((m: { template: string }) => m.template)).toEqual(['breach-deadline-passed']);
    });
  });
});
