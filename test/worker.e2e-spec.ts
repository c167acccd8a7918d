import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { loadWorkerConfig, QueueName } from '@regula/platform';
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

  beforeAll(async () => {
    db = await createTestDatabase();
    checkpoints = folders.make('checkpoints');
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = `/${(Number(process.env.JEST_WORKER_ID ?? '1') + 8) % 16}`;
    const stale = new Queue(QueueName.Audit, { connection: { url: redis.toString() } });
    await stale.obliterate({ force: true }).catch(() => undefined);
    await stale.close();
    const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, REDIS_URL: redis.toString(), ...auditTestEnv(checkpoints) });
    ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await ctx.init();
    queue = ctx.get<Queue>(getQueueToken(QueueName.Audit));
    events = new QueueEvents(QueueName.Audit, { connection: { url: redis.toString() } });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await ctx?.close();
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
});
