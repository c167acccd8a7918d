import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ConfigModule, DatabaseModule, QueueName, QueuesModule, RedisModule, TenantDb, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { WebhookOutboxService, WEBHOOK_MAX_ATTEMPTS, backoffMs, verifySignature } from '@regula/ingest';
import { REGULA_SCHEMA } from '../apps/schema';
import { QueueWorkerModule } from '../apps/worker/src/queue-worker.module';
import { SWEEP_SCHEDULER_ID } from '../apps/worker/src/schedules';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers `status` and records what it got. */
class Receiver {
  readonly got: Received[] = [];
  status = 204;
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.status;
        res.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

/** The webhooks part of the worker only (the mail processor belongs elsewhere). */
@Module({})
class WebhooksWorkerHarness {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WebhooksWorkerHarness,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, RegistersModule, QueuesModule, QueueWorkerModule.forQueue(QueueName.Webhooks)],
    };
  }
}

/**
 * The webhook outbox on real Postgres and Redis: signed deliveries to local
 * HTTP servers, retries while a system is down, failure after the last
 * attempt, jobs added only after the caller's commit, and the worker.
 */
describe('webhook outbox', () => {
  let h: Harness;
  let token: string;
  let outbox: WebhookOutboxService;
  let tenantDb: TenantDb;
  let queue: Queue;
  let tenantId: string;
  const receivers: Receiver[] = [];

  const receiver = async (port?: number) => {
    const r = await new Receiver().start(port);
    receivers.push(r);
    return r;
  };

  async function system(name: string, webhookUrl: string | null): Promise<{ id: string; secret: string }> {
    const res = await h.http().post('/api/v1/tenants/softera-baltic/systems').set('Authorization', `Bearer ${token}`).send(webhookUrl ? { name, webhookUrl } : { name });
    expect(res.status).toBe(201);
    return { id: res.body.system.id, secret: res.body.webhookSecret };
  }

  const enqueue = (sourceSystemId: string, payload: Record<string, unknown> = { recordIds: ['r-1'], register: 'clients' }) =>
    tenantDb.forTenant(tenantId, (em) => outbox.enqueue(em, { tenantId, sourceSystemId, event: 'record.erased', payload }));

  const row = async (id: string) =>
    (await h.db.owner.query(`SELECT status, attempts, next_attempt_at, last_error, delivered_at FROM webhook_deliveries WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    // The receivers run on 127.0.0.1: webhooks may go to loopback only with this test setting.
    h = await startApi({ REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' });
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    token = await h.login('admin@softera.test');
    outbox = h.app.get(WebhookOutboxService);
    tenantDb = h.app.get(TenantDb);
    queue = h.app.get<Queue>(getQueueToken(QueueName.Webhooks));
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
  });
  afterAll(async () => {
    for (const r of receivers) await r.stop();
    await h?.close();
  });

  it('adds the job only after the commit, with the delivery id as job id; a rollback leaves neither row nor job', async () => {
    const sys = await system('crm', null);
    const seen: (unknown | null)[] = [];
    const delivery = await tenantDb.forTenant(tenantId, async (em) => {
      const d = await outbox.enqueue(em, { tenantId, sourceSystemId: sys.id, event: 'record.rectified', payload: { recordId: 'x' } });
      seen.push(await queue.getJob(d.id));
      return d;
    });
    expect(seen).toEqual([undefined]);
    const job = await queue.getJob(delivery.id);
    expect(job?.name).toBe('deliver-webhook');
    expect(job?.data).toEqual({ tenantId, deliveryId: delivery.id });

    let rolledBack = '';
    await expect(
      tenantDb.forTenant(tenantId, async (em) => {
        rolledBack = (await outbox.enqueue(em, { tenantId, sourceSystemId: sys.id, event: 'record.erased', payload: {} })).id;
        throw new Error('the caller fails after enqueueing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await row(rolledBack)).toBeUndefined();
    expect(await queue.getJob(rolledBack)).toBeUndefined();
    // A system without a webhook URL polls: nothing is POSTed, the delivery waits.
    expect(await outbox.deliver(tenantId, delivery.id)).toEqual({ result: 'skipped', reason: 'no-endpoint' });
  });

  it('POSTs a signed JSON body with the event headers; a second run delivers nothing more', async () => {
    const r = await receiver();
    const sys = await system('newsletter-tool', r.url);
    const d = await enqueue(sys.id, { recordIds: ['rec-1', 'rec-2'], register: 'direct-marketing' });
    const outcome = await outbox.deliver(tenantId, d.id);
    expect(outcome).toEqual({ result: 'delivered', attempts: 1, status: 204 });
    expect(r.got).toHaveLength(1);
    const { headers, body } = r.got[0];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-regula-event']).toBe('record.erased');
    expect(headers['x-regula-delivery']).toBe(d.id);
    expect(verifySignature({ header: headers['x-regula-signature'] as string, body, secret: sys.secret })).toBe(true);
    expect(verifySignature({ header: headers['x-regula-signature'] as string, body: body.replace('rec-2', 'rec-3'), secret: sys.secret })).toBe(false);
    expect(verifySignature({ header: headers['x-regula-signature'] as string, body, secret: 'whsec_other' })).toBe(false);
    expect(JSON.parse(body)).toEqual({
      id: d.id, event: 'record.erased', tenant: 'softera-baltic', occurredAt: d.createdAt.toISOString(), data: { recordIds: ['rec-1', 'rec-2'], register: 'direct-marketing' },
    });
    expect(await row(d.id)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });

    expect(await outbox.deliver(tenantId, d.id)).toEqual({ result: 'skipped', reason: 'already-delivered' });
    expect(r.got).toHaveLength(1);
  });

  it('retries with backoff while the system is down (refused, then 500) and delivers once it is up: nothing lost', async () => {
    const probe = await new Receiver().start();
    const port = probe.port;
    await probe.stop(); // nothing listens on `port` now: connection refused
    const sys = await system('telephony', `http://127.0.0.1:${port}/hook`);
    const d = await enqueue(sys.id, { recordIds: ['call-7'], register: 'customer-service' });

    const t0 = new Date();
    const first = await outbox.deliver(tenantId, d.id, { now: t0 });
    // A refused connection reads like any other failure (no port scanner): the reason is in the server log only.
    expect(first).toMatchObject({ result: 'retry', attempts: 1, error: 'delivery failed' });
    let state = await row(d.id);
    expect(state).toMatchObject({ status: 'pending', attempts: 1, last_error: 'delivery failed' });
    expect(state.next_attempt_at.getTime()).toBe(t0.getTime() + 30_000);
    // Too early: nothing happens.
    expect(await outbox.deliver(tenantId, d.id, { now: new Date(t0.getTime() + 10_000) })).toEqual({ result: 'skipped', reason: 'not-due' });

    const r = await receiver(port);
    r.status = 500;
    const secondAt: Date = state.next_attempt_at;
    const second = await outbox.deliver(tenantId, d.id, { now: secondAt });
    expect(second).toMatchObject({ result: 'retry', attempts: 2, error: 'HTTP 5xx' });
    state = await row(d.id);
    expect(state.next_attempt_at.getTime()).toBe(secondAt.getTime() + 60_000);

    r.status = 200;
    const third = await outbox.deliver(tenantId, d.id, { now: state.next_attempt_at });
    expect(third).toEqual({ result: 'delivered', attempts: 3, status: 200 });
    expect(r.got).toHaveLength(2);
    expect(r.got.every((g) => g.headers['x-regula-delivery'] === d.id && JSON.parse(g.body).data.recordIds[0] === 'call-7')).toBe(true);
    expect(await row(d.id)).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
  });

  it(`marks a delivery failed after ${WEBHOOK_MAX_ATTEMPTS} attempts and keeps the row; an admin can retry it`, async () => {
    const r = await receiver();
    r.status = 503;
    const sys = await system('accounting-system', r.url);
    const d = await enqueue(sys.id);
    let now = new Date();
    let outcome = await outbox.deliver(tenantId, d.id, { now });
    const delays: number[] = [];
    while (outcome.result === 'retry') {
      delays.push(outcome.nextAttemptAt.getTime() - now.getTime());
      now = outcome.nextAttemptAt;
      outcome = await outbox.deliver(tenantId, d.id, { now });
    }
    expect(outcome).toEqual({ result: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, error: 'HTTP 5xx' });
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays)).toBe(6 * 3600_000);
    expect(delays).toEqual(delays.map((_, i) => backoffMs(i + 1)));
    expect(r.got).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(await row(d.id)).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, last_error: 'HTTP 5xx' });
    expect(await outbox.deliver(tenantId, d.id, { now: new Date(now.getTime() + 86_400_000) })).toEqual({ result: 'skipped', reason: 'already-failed' });

    const listed = await h.http().get('/api/v1/tenants/softera-baltic/webhooks?status=failed').set('Authorization', `Bearer ${token}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: d.id, system: 'accounting-system', status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, lastError: 'HTTP 5xx' })]);
    expect(JSON.stringify(listed.body)).not.toContain('payload');

    const retried = await h.http().post(`/api/v1/tenants/softera-baltic/webhooks/${d.id}/retry`).set('Authorization', `Bearer ${token}`);
    expect(retried.body).toEqual({ id: d.id, status: 'pending', attempts: 0 });
    r.status = 200;
    expect(await outbox.deliver(tenantId, d.id)).toMatchObject({ result: 'delivered', attempts: 1 });
  });

  it('lets a system without a webhook URL poll its pending events with its API key and acknowledge them', async () => {
    const created = await h.http().post('/api/v1/tenants/softera-baltic/systems').set('Authorization', `Bearer ${token}`).send({ name: 'website' });
    const key = created.body.apiKey as string;
    const d = await enqueue(created.body.system.id, { recordIds: ['log-1'] });
    const events = await h.http().get('/api/v1/ingest/softera-baltic/events').set('Authorization', `Bearer ${key}`);
    expect(events.status).toBe(200);
    expect(events.body).toEqual([{ id: d.id, event: 'record.erased', tenant: 'softera-baltic', occurredAt: d.createdAt.toISOString(), data: { recordIds: ['log-1'] } }]);
    const ack = await h.http().post(`/api/v1/ingest/softera-baltic/events/${d.id}/ack`).set('Authorization', `Bearer ${key}`);
    expect(ack.body).toEqual({ id: d.id, status: 'delivered' });
    expect((await h.http().get('/api/v1/ingest/softera-baltic/events').set('Authorization', `Bearer ${key}`)).body).toEqual([]);
  });

  describe('in the worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      await queue.obliterate({ force: true });
      const config = loadWorkerConfig({
        NODE_ENV: 'test', DATABASE_URL: h.db.ownerUrl, DATABASE_APP_URL: h.db.appUrl, REDIS_URL: h.config.REDIS_URL, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1', ...auditEnv(h),
      });
      worker = await NestFactory.createApplicationContext(WebhooksWorkerHarness.forRoot(config), { logger: false });
      await worker.init();
    });
    afterAll(async () => {
      await worker?.close();
    });

    const until = async (what: () => Promise<boolean>, ms = 15_000) => {
      const end = Date.now() + ms;
      while (!(await what())) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    it('schedules the sweep every 30 s under one fixed id', async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([SWEEP_SCHEDULER_ID]);
      expect(Number(schedulers[0].every)).toBe(30_000);
    });

    it('delivers an enqueued webhook through the deliver-webhook job', async () => {
      const r = await receiver();
      const sys = await system('consent-manager', r.url);
      const d = await enqueue(sys.id, { recordIds: ['c-1'] });
      await until(async () => (await row(d.id)).status === 'delivered');
      expect(r.got).toHaveLength(1);
      expect(verifySignature({ header: r.got[0].headers['x-regula-signature'] as string, body: r.got[0].body, secret: sys.secret })).toBe(true);
    });

    it('the sweep re-enqueues a due delivery whose job was lost', async () => {
      const r = await receiver();
      const sys = await system('request-pages', r.url);
      // Written without its job (as if Redis had been down at commit time), due long ago.
      const [{ id }] = await h.db.owner.query(
        `INSERT INTO webhook_deliveries (tenant_id, source_system_id, event, payload, next_attempt_at) VALUES ($1, $2, 'record.erased', '{"recordIds":["lost-1"]}', now() - interval '5 minutes') RETURNING id`,
        [tenantId, sys.id],
      );
      const swept = await outbox.sweep();
      expect(swept.enqueued).toBeGreaterThanOrEqual(1);
      await until(async () => (await row(id)).status === 'delivered');
      expect(JSON.parse(r.got[0].body).data).toEqual({ recordIds: ['lost-1'] });
    });
  });
});
