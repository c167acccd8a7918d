import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@regula/platform';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { testEnv } from './support/env';

const ROOT = path.resolve(__dirname, '..');
const RECORDS = 20_000;
const BATCH = 100;

/** The real worker (apps/worker/src/main.ts) as a child process on the test database and Redis. */
function startWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  return { child, output: () => out };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

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
  const workers: ChildProcess[] = [];
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
    const [{ id: systemId }] = await q(
      `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'crm', 'k-crash-test', repeat('0', 64), 'secret') RETURNING id`,
      [tenantId],
    );
    const subjects: { id: string }[] = await q(`INSERT INTO data_subjects (tenant_id) SELECT $1 FROM generate_series(1, 500) RETURNING id`, [tenantId]);
    await q(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, retention_due_at)
       SELECT $1, ($2::uuid[])[1 + (g % 500)], $3, 'crash-' || g, 'website', 'login-information', jsonb_build_object('ip', '10.0.' || (g % 250) || '.1'),
              now() - interval '2 years', now() - interval '1 year'
         FROM generate_series(1, $4) g`,
      [tenantId, subjects.map((s) => s.id), systemId, RECORDS],
    );
    [{ id: runId }] = await q(
      `INSERT INTO retention_runs (tenant_id, trigger, requested_by, status, cutoff, batch_size) VALUES ($1, 'manual', 'crash test', 'running', now(), $2) RETURNING id`,
      [tenantId, BATCH],
    );
  });

  afterAll(async () => {
    for (const w of workers) {
      if (w.exitCode === null && w.signalCode === null && w.pid) {
        process.kill(w.pid, 'SIGTERM');
        await Promise.race([exited(w), new Promise((r) => setTimeout(r, 10_000))]);
        if (w.exitCode === null && w.signalCode === null) process.kill(w.pid, 'SIGKILL');
      }
      w.stdout?.destroy();
      w.stderr?.destroy();
    }
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('erases every due record exactly once after a SIGKILL and a restart, with counts equal to what was erased', async () => {
    await queue.add('retention-sweep', { tenantId, runId }, { ...DEFAULT_JOB_OPTIONS, jobId: `retention-sweep-${runId}` });

    const first = startWorker(env);
    workers.push(first.child);
    const killAt = Date.now() + 90_000;
    for (;;) {
      const r = await run();
      if (r.records_erased >= 10 * BATCH) break;
      if (first.child.exitCode !== null) throw new Error(`the worker exited (${first.child.exitCode}):\n${first.output()}`);
      if (Date.now() > killAt) throw new Error(`the sweep did not start:\n${first.output()}`);
      await new Promise((res) => setTimeout(res, 20));
    }
    process.kill(first.child.pid!, 'SIGKILL');
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');

    // Killed in the middle: some but not all erased, and the committed counts equal the committed erasures.
    const atKill = await run();
    expect(atKill.status).toBe('running');
    expect(atKill.records_erased).toBeGreaterThan(0);
    expect(atKill.records_erased).toBeLessThan(RECORDS);
    expect(await erasedRows()).toBe(atKill.records_erased);

    const second = startWorker(env);
    workers.push(second.child);
    const doneBy = Date.now() + 120_000;
    while ((await run()).status !== 'completed') {
      if (second.child.exitCode !== null) throw new Error(`the restarted worker exited (${second.child.exitCode}):\n${second.output()}`);
      if (Date.now() > doneBy) throw new Error(`the run was not resumed: ${JSON.stringify(await run())}\n${second.output()}`);
      await new Promise((res) => setTimeout(res, 200));
    }

    const done = await run();
    expect(done.records_erased).toBe(RECORDS);
    expect(await erasedRows()).toBe(RECORDS);
    expect((await q(`SELECT count(*)::int AS n FROM personal_data_records WHERE tenant_id = $1`, [tenantId]))[0].n).toBe(0);
    const [{ sum }] = await q(`SELECT sum(erased)::int AS sum FROM retention_run_counts WHERE run_id = $1`, [runId]);
    expect(sum).toBe(RECORDS);

    const hooks: { payload: { records: { externalId: string }[] } }[] = await q(
      `SELECT payload FROM webhook_deliveries WHERE tenant_id = $1 AND event = 'record.erased' AND payload->>'retentionRunId' = $2`,
      [tenantId, runId],
    );
    const named = hooks.flatMap((h) => h.payload.records.map((r) => r.externalId));
    expect(named).toHaveLength(RECORDS);
    expect(new Set(named).size).toBe(RECORDS);
    expect(hooks).toHaveLength(done.batches);

    const audit = await q(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'retention.run.completed' AND target_id = $2`, [tenantId, runId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ erased: RECORDS, batches: done.batches });
  }, 300_000);
});
