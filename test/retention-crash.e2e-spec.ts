import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@regula/platform';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { testEnv } from './support/env';
import { expectErasedOnce, insertDueRecords } from './support/due-records';
import { NodeProcess, startNode } from './support/cluster/node-process';

const RECORDS = 20_000;
const BATCH = 100;

/** The real worker (apps/worker/src/main.ts) as a child process on the test database and Redis, once it is ready. */
const startWorker = (env: Record<string, string>, name: string): Promise<NodeProcess> => startNode('worker', name, env);

/**
 * Crash safety: a worker is SIGKILLed in the middle of a sweep of 20,000 due
 * records (batches of 100); a new worker resumes the same run. Every due
 * record is erased exactly once: the deleted rows (one keyed hash kept for each), the run's counts and the
 * records named in the webhooks are the same 20,000, without duplicates, and
 * the run has one audit entry.
 */
describe('retention: a worker killed in the middle of a sweep', () => {
  let db: TestDatabase;
  let queue: Queue;
  let env: Record<string, string>;
  let tenantId: string;
  let runId: string;
  const workers: NodeProcess[] = [];
  const q = (sql: string, params: unknown[] = []) => db.owner.query(sql, params);
  const run = async () => (await q(`SELECT status, records_erased, batches FROM retention_runs WHERE id = $1`, [runId]))[0] as { status: string; records_erased: number; batches: number };
  /** Records deleted by the sweep, and the keyed hashes it kept of them (one each). */
  const erasedRows = async () => {
    const [{ left, keys }] = await q(
      `SELECT (SELECT count(*)::int FROM personal_data_records WHERE tenant_id = $1) AS left, (SELECT count(*)::int FROM erased_record_keys WHERE tenant_id = $1) AS keys`,
      [tenantId],
    );
    expect(keys).toBe(RECORDS - left);
    return keys as number;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = `/${(Number(process.env.JEST_WORKER_ID ?? '1') + 12) % 16}`;
    env = { NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, REDIS_URL: redis.toString() };
    queue = new Queue(QueueName.Retention, { connection: { url: redis.toString() } });
    await queue.obliterate({ force: true }).catch(() => undefined);

    [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    await insertDueRecords(db.owner, tenantId, 'crash', RECORDS);
    [{ id: runId }] = await q(
      `INSERT INTO retention_runs (tenant_id, trigger, requested_by, status, cutoff, batch_size) VALUES ($1, 'manual', 'crash test', 'running', now(), $2) RETURNING id`,
      [tenantId, BATCH],
    );
  });

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('erases every due record exactly once after a SIGKILL and a restart, with counts equal to what was erased', async () => {
    await queue.add('retention-sweep', { tenantId, runId }, { ...DEFAULT_JOB_OPTIONS, jobId: `retention-sweep-${runId}` });

    const first = await startWorker(env, 'worker-1');
    workers.push(first);
    const killAt = Date.now() + 90_000;
    for (;;) {
      const r = await run();
      if (r.records_erased >= 10 * BATCH) break;
      if (first.child.exitCode !== null) throw new Error(`the worker exited (${first.child.exitCode}):\n${first.output()}`);
      if (Date.now() > killAt) throw new Error(`the sweep did not start:\n${first.output()}`);
      await new Promise((res) => setTimeout(res, 20));
    }
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');

    // Killed in the middle: some but not all erased, and the committed counts equal the committed erasures.
    const atKill = await run();
    expect(atKill.status).toBe('running');
    expect(atKill.records_erased).toBeGreaterThan(0);
    expect(atKill.records_erased).toBeLessThan(RECORDS);
    expect(await erasedRows()).toBe(atKill.records_erased);

    const second = await startWorker(env, 'worker-2');
    workers.push(second);
    const doneBy = Date.now() + 120_000;
    while ((await run()).status !== 'completed') {
      if (second.child.exitCode !== null) throw new Error(`the restarted worker exited (${second.child.exitCode}):\n${second.output()}`);
      if (Date.now() > doneBy) throw new Error(`the run was not resumed: ${JSON.stringify(await run())}\n${second.output()}`);
      await new Promise((res) => setTimeout(res, 200));
    }

    await expectErasedOnce(db.owner, tenantId, runId, 'crash', RECORDS);
  }, 300_000);
});
