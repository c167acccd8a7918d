import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { brandingOf, storedRenderInput } from '@regula/mail';
import { fakeSmtp, FakeSmtp } from '@regula/mail/testing';
import { loadWorkerConfig, QueueName } from '@regula/platform';
import type { TenantEntity } from '@regula/tenancy';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { auditTestEnv, testEnv } from './support/env';
import { TempFolders } from './support/temp-folders';
import { createStaff } from './support/staff';

/** The worker boots as an application context on real Postgres and Redis and runs its jobs. */
describe('worker', () => {
  let db: TestDatabase;
  let ctx: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  const folders = new TempFolders('regula-worker-');
  let checkpoints: string;
  let smtp: FakeSmtp;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await fakeSmtp();
    checkpoints = folders.make('checkpoints');
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = `/${(Number(process.env.JEST_WORKER_ID ?? '1') + 8) % 16}`;
    const stale = new Queue(QueueName.Audit, { connection: { url: redis.toString() } });
    await stale.obliterate({ force: true }).catch(() => undefined);
    await stale.close();
    const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, REDIS_URL: redis.toString(), SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...auditTestEnv(checkpoints) });
    ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await ctx.init();
    queue = ctx.get<Queue>(getQueueToken(QueueName.Audit));
    events = new QueueEvents(QueueName.Audit, { connection: { url: redis.toString() } });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await ctx?.close();
    await smtp?.close();
    await db?.drop();
    folders.removeAll();
  });

  it('schedules the daily chain verification, the hourly checkpoints and the daily heads e-mail (one scheduler each, whatever the number of workers)', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(['audit-pending-sweep-1m', 'mail-chain-heads-daily', 'publish-checkpoints-hourly', 'verify-all-chains-daily']);
  });

  it("verifies a tenant's audit chain in a job, under the tenant's RLS scope", async () => {
    const [{ id }] = await db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const job = await queue.add('verify-chain', { tenantId: id }, { jobId: `verify-chain:${id}:test` });
    const result = await job.waitUntilFinished(events, 20000);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBeGreaterThan(0);
  });

  it('publishes every chain\'s signed head to its checkpoint file, and e-mails the heads to the platform admins once a day', async () => {
    await createStaff(db.owner, 'platform@worker.test', { platformAdmin: true });
    const publish = await queue.add('publish-checkpoints', {}, { jobId: 'publish-checkpoints-test' });
    expect(await publish.waitUntilFinished(events, 20000)).toEqual({ chains: 5, broken: 0 });
    const [{ id }] = await db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const [{ s: head }] = await db.owner.query(`SELECT max(seq)::int AS s FROM audit_log WHERE tenant_id = $1`, [id]);
    const lines = readFileSync(path.join(checkpoints, `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ chain: id, kind: 'head', seq: head, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const mail = await queue.add('mail-chain-heads', {}, { jobId: 'mail-chain-heads-test' });
    expect(await mail.waitUntilFinished(events, 20000)).toEqual({ chains: 5, broken: 0, recipients: 1 });
    const again = await queue.add('mail-chain-heads', {}, { jobId: 'mail-chain-heads-test-again' });
    expect(await again.waitUntilFinished(events, 20000)).toEqual({ chains: 5, broken: 0, recipients: 0 });
    const mails = await db.owner.query(`SELECT tenant_id, to_address, subject, body_text FROM outbox_emails WHERE template = 'audit-chain-heads'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ tenant_id: null, to_address: 'platform@worker.test' });
    expect(mails[0].subject).toMatch(/^Audit log chains on .+: all 5 chains intact$/);
    expect(mails[0].body_text).toContain(`entry #${head}, hash ${lines.at(-1).hash}`);
    expect(mails[0].body_text).toContain(lines.at(-1).mac);
  });

  it('fans out one verification per tenant with deterministic job ids', async () => {
    const job = await queue.add('verify-all-chains', {});
    expect(await job.waitUntilFinished(events, 20000)).toEqual({ tenants: 4 });
    const day = new Date().toISOString().slice(0, 10);
    const ids = (await queue.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.id).filter((i) => i?.includes(day));
    expect(ids).toHaveLength(4);
  });

  it("sends a web filing's e-mails on hearing their insert (no job from the filing), and none is lost while its listener reconnects", async () => {
    const [tenant] = await db.owner.query(`SELECT id, slug, legal_name AS "legalName", time_zone AS "timeZone", definition FROM tenants WHERE slug = 'inomedis'`);
    const branding = brandingOf(tenant as TenantEntity);
    // As a web filing writes it: to be rendered by the worker, status pending, no job in Redis.
    const file = (reference: string) =>
      db.owner.query(
        `INSERT INTO outbox_emails (tenant_id, to_address, template, locale, status, render_input) VALUES ($1, $2, 'request-received', 'lv', 'pending', $3)`,
        [tenant.id, `${reference.toLowerCase()}@subject.test`, storedRenderInput({ branding, template: 'request-received', locale: 'lv', data: { reference, typeLabel: 'piekļuve', dueDate: '2026-04-07', receivedAt: new Date('2026-03-05T10:00:00Z') } })],
      );
    const received = async (reference: string) => {
      for (let i = 0; i < 100 && !smtp.messages.some((m) => m.includes(reference)); i++) await new Promise((r) => setTimeout(r, 200));
      return smtp.messages.filter((m) => m.includes(reference)).length;
    };
    await file('R-WAKE-0001');
    expect(await received('R-WAKE-0001')).toBe(1);
    const [row] = await db.owner.query(`SELECT status, subject, render_input FROM outbox_emails WHERE to_address = 'r-wake-0001@subject.test'`);
    expect(row).toMatchObject({ status: 'sent', render_input: null });
    expect(row.subject).toContain('R-WAKE-0001');

    // The listener's connection dies; an e-mail written before it listens again is sent once it does.
    await db.owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'regula-mail-wake'`);
    await file('R-WAKE-0002');
    expect(await received('R-WAKE-0002')).toBe(1);
    expect(await received('R-WAKE-0001')).toBe(1);
  });
});
