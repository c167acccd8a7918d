import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { loadWorkerConfig, QueueName } from '@regula/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { auditTestEnv, testEnv } from './support/env';
import { TempFolders } from './support/temp-folders';

/** The worker boots as an application context on real Postgres and Redis and runs its jobs. */
describe('worker', () => {
  let db: TestDatabase;
  let ctx: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  const folders = new TempFolders('regula-worker-');

  beforeAll(async () => {
    db = await createTestDatabase();
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = `/${(Number(process.env.JEST_WORKER_ID ?? '1') + 8) % 16}`;
    const stale = new Queue(QueueName.Audit, { connection: { url: redis.toString() } });
    await stale.obliterate({ force: true }).catch(() => undefined);
    await stale.close();
    const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, REDIS_URL: redis.toString(), ...auditTestEnv(folders.make('checkpoints')) });
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
    expect(schedulers.map((s) => s.key).sort()).toEqual(['mail-chain-heads-daily', 'publish-checkpoints-hourly', 'verify-all-chains-daily']);
  });

  it("verifies a tenant's audit chain in a job, under the tenant's RLS scope", async () => {
    const [{ id }] = await db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const job = await queue.add('verify-chain', { tenantId: id }, { jobId: `verify-chain:${id}:test` });
    const result = await job.waitUntilFinished(events, 20000);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBeGreaterThan(0);
  });

  it('fans out one verification per tenant with deterministic job ids', async () => {
    const job = await queue.add('verify-all-chains', {});
    expect(await job.waitUntilFinished(events, 20000)).toEqual({ tenants: 4 });
    const day = new Date().toISOString().slice(0, 10);
    const ids = (await queue.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.id).filter((i) => i?.includes(day));
    expect(ids).toHaveLength(4);
  });
});
