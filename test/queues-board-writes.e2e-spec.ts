import { Test, TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { CLOCK, loadWorkerConfig, QueueName } from '@regula/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { PausedQueueWatch } from '../apps/worker/src/queue-watch/paused-queue-watch.service';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

interface AuditRow {
  actor_id: string | null;
  actor: string;
  action: string;
  target_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Writes through the queue dashboard (issue 12, item 6): the board is read-only
 * until a platform admin switches their session to write mode (audited, for 15
 * minutes); every write through it is audited in the platform chain; a queue
 * paused for over an hour e-mails the platform admins, once per pause.
 */
describe('queue dashboard writes', () => {
  let h: Harness;
  let adminId: string;
  let sla: Queue;

  beforeAll(async () => {
    h = await startApi();
    adminId = await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    sla = h.app.get<Queue>(getQueueToken(QueueName.Sla));
    await sla.resume();
  });
  afterAll(async () => {
    await sla?.resume();
    await h?.close();
  });

  const boardAudit = (): Promise<AuditRow[]> =>
    h.db.owner.query(`SELECT actor_id, actor, action, target_id, details FROM audit_log WHERE tenant_id IS NULL AND action LIKE 'queues-board.%' ORDER BY seq`);

  it('is read-only by default: a pause is refused (403) and the queue keeps running; the refusal is audited', async () => {
    const token = await h.login('platform@regula.test');
    const board = await h.http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${token}`);
    expect(board.status).toBe(200);
    expect(board.body.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);
    const res = await h.http().put('/admin/queues/api/queues/sla/pause').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(await sla.isPaused()).toBe(false);
    const added = await h.http().post('/admin/queues/api/queues/sla/add').set('Authorization', `Bearer ${token}`).send({ name: 'sla-sweep', data: {} });
    expect(added.status).toBe(403);
    expect((await boardAudit()).map((r) => [r.action, r.details.action, r.target_id])).toEqual([
      ['queues-board.write-refused', 'pause', 'sla'],
      ['queues-board.write-refused', 'add', 'sla'],
    ]);
  });

  it('after the audited switch to write mode, a pause goes through and is audited with the actor and the queue', async () => {
    const token = await h.login('platform@regula.test');
    const noReason = await h.http().post('/admin/queues/write-mode').set('Authorization', `Bearer ${token}`).type('form').send({ mode: 'write' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('reason');
    const on = await h.http().post('/admin/queues/write-mode').set('Authorization', `Bearer ${token}`).type('form').send({ mode: 'write', reason: 'stuck SLA job' });
    expect(on.status).toBe(303);
    const board = await h.http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${token}`);
    expect(board.body.queues.some((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(false);

    const res = await h.http().put('/admin/queues/api/queues/sla/pause').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(await sla.isPaused()).toBe(true);
    const retry = await h.http().put('/admin/queues/api/queues/sla/not-a-job/retry').set('Authorization', `Bearer ${token}`);
    expect(retry.status).toBe(404);

    const rows = (await boardAudit()).slice(2);
    expect(rows.map((r) => r.action)).toEqual(['queues-board.write-mode-on', 'queues-board.pause', 'queues-board.retry-job']);
    expect(rows[0]).toMatchObject({ actor_id: adminId, actor: 'platform@regula.test', details: { reason: 'stuck SLA job', minutes: 15 } });
    expect(rows[1]).toMatchObject({ actor_id: adminId, actor: 'platform@regula.test', target_id: 'sla', details: { queue: 'sla', action: 'pause', jobIds: [] } });
    expect(rows[2]).toMatchObject({ target_id: 'sla', details: { queue: 'sla', action: 'retry-job', jobIds: ['not-a-job'] } });

    // Write mode belongs to that session: another token of the same admin is still read-only.
    const other = await h.login('platform@regula.test');
    expect((await h.http().put('/admin/queues/api/queues/sla/resume').set('Authorization', `Bearer ${other}`)).status).toBe(403);
    expect(await sla.isPaused()).toBe(true);

    const off = await h.http().post('/admin/queues/write-mode').set('Authorization', `Bearer ${token}`).type('form').send({ mode: 'read' });
    expect(off.status).toBe(303);
    expect((await h.http().put('/admin/queues/api/queues/sla/resume').set('Authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await boardAudit()).slice(-2).map((r) => r.action)).toEqual(['queues-board.write-mode-off', 'queues-board.write-refused']);
    await sla.resume();
  });

  it('the switch to write mode from the page needs the CSRF token of the session cookie', async () => {
    const token = await h.login('platform@regula.test');
    const cookie = `regula_admin=${token}`;
    const page = await h.http().get('/admin/queues/write-mode').set('Cookie', cookie);
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const forged = await h.http().post('/admin/queues/write-mode').set('Cookie', cookie).type('form').send({ mode: 'write', reason: 'x' });
    expect(forged.status).toBe(403);
    const ok = await h.http().post('/admin/queues/write-mode').set('Cookie', cookie).type('form').send({ mode: 'write', reason: 'x', _csrf: csrf });
    expect(ok.status).toBe(303);
  });
});

describe('queue dashboard write mode', () => {
  let h: Harness;
  let now = new Date('2026-03-02T08:00:00Z');
  let sla: Queue;

  beforeAll(async () => {
    h = await startApi({}, { clock: () => now });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    sla = h.app.get<Queue>(getQueueToken(QueueName.Sla));
  });
  afterAll(async () => {
    await sla?.resume();
    await h?.close();
  });

  it('ends by itself after 15 minutes (on the CLOCK): then writes are refused again', async () => {
    const token = await h.login('platform@regula.test');
    const auth = { Authorization: `Bearer ${token}` };
    expect((await h.http().post('/admin/queues/write-mode').set(auth).type('form').send({ mode: 'write', reason: 'maintenance' })).status).toBe(303);
    now = new Date(now.getTime() + 14 * 60_000);
    expect((await h.http().put('/admin/queues/api/queues/sla/pause').set(auth)).status).toBe(200);
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await h.http().put('/admin/queues/api/queues/sla/resume').set(auth)).status).toBe(403);
    expect(await sla.isPaused()).toBe(true);
    expect((await h.http().get('/admin/queues/write-mode').set(auth)).text).toContain('name="reason"'); // the switch is offered again
    const actions: { action: string }[] = await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id IS NULL AND action LIKE 'queues-board.%' ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['queues-board.write-mode-on', 'queues-board.pause', 'queues-board.write-refused']);
  });
});

describe('a queue paused for over an hour', () => {
  let h: Harness;
  let worker: TestingModule;
  let breach: Queue;
  let now = new Date('2026-03-02T08:00:00Z');

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'ops-one@regula.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'ops-two@regula.test', { platformAdmin: true });
    const gone = await createStaff(h.db.owner, 'ops-gone@regula.test', { platformAdmin: true });
    await h.db.owner.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [gone]);
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: h.db.ownerUrl, DATABASE_APP_URL: h.db.appUrl, REDIS_URL: h.config.REDIS_URL, ...auditEnv(h) });
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(CLOCK)
      .useValue(() => now)
      .compile();
    await worker.init();
    breach = h.app.get<Queue>(getQueueToken(QueueName.Breach));
  });
  afterAll(async () => {
    await breach?.resume();
    await worker?.close();
    await h?.close();
  });

  const mails = (): Promise<{ to: string; locale: string; subject: string; text: string }[]> =>
    h.db.owner.query(`SELECT to_address AS "to", locale, subject, body_text AS text FROM outbox_emails WHERE tenant_id IS NULL AND template = 'queue-paused' ORDER BY to_address, created_at`);

  it('e-mails every active platform admin once per pause, however often it is checked', async () => {
    const watch = worker.get(PausedQueueWatch);
    await breach.pause();
    await watch.check();
    now = new Date(now.getTime() + 59 * 60_000);
    await watch.check();
    expect(await mails()).toEqual([]);

    now = new Date(now.getTime() + 2 * 60_000);
    await watch.check();
    await watch.check();
    now = new Date(now.getTime() + 3 * 3600_000);
    await watch.check();
    const sent = await mails();
    expect(sent.map((m) => m.to)).toEqual(['ops-one@regula.test', 'ops-two@regula.test']);
    expect(sent[0].locale).toBe('en');
    expect(sent[0].subject).toContain('breach');
    expect(sent[0].text).toContain('2 March 2026'); // paused since, from the clock

    // Without SMTP the platform admins read them in the platform's outbox; tenants never see them.
    const ops = await h.login('ops-one@regula.test');
    const outbox = await h.http().get('/api/v1/platform/outbox').set('Authorization', `Bearer ${ops}`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.map((m: { to: string }) => m.to).sort()).toEqual(['ops-one@regula.test', 'ops-two@regula.test']);
    expect((await h.http().get('/api/v1/platform/outbox').set('Authorization', `Bearer ${await h.login('admin@softera.test')}`)).status).toBe(403);
    const tenantOutbox = await h.http().get('/api/v1/tenants/softera-baltic/outbox').set('Authorization', `Bearer ${ops}`);
    expect(tenantOutbox.body.items.filter((m: { template: string }) => m.template === 'queue-paused')).toEqual([]);
    const [alert] = await h.db.owner.query(`SELECT target_id, details FROM audit_log WHERE tenant_id IS NULL AND action = 'queue.paused-too-long'`);
    expect(alert).toMatchObject({ target_id: 'breach', details: { emails: 2, pausedSince: '2026-03-02T08:00:00.000Z' } });

    // Resumed, then paused again: a new episode, one more e-mail each.
    await breach.resume();
    await watch.check();
    await breach.pause();
    await watch.check();
    now = new Date(now.getTime() + 2 * 3600_000);
    await watch.check();
    expect((await mails()).map((m) => m.to)).toEqual(['ops-one@regula.test', 'ops-one@regula.test', 'ops-two@regula.test', 'ops-two@regula.test']);
    await breach.resume();
  });
});
