/**
 * Access packages at size (issue 16 §5): a subject with 10,020 and then
 * 100,020 records across three registers, built by the worker as `npm start`
 * runs it: `npm run build`, then `node dist/apps/worker/src/main.js` in a
 * process of its own (every queue's host, its schedules), the build's job added
 * to the `packages` queue. Times the build (the job's start to its end as BullMQ
 * recorded them: the frame, the records read register by register in keyset
 * batches, HTML, JSON and CSV written in one pass and stored in chunks, the
 * files, hand-over, outcome and result recorded, the request closed) beside a
 * plain SQL read of the same records in the same batches, measured in the same
 * run, and prints their ratio, the time per record at each size (linear: the
 * same at both), each file's size, and the worker process's RSS once started,
 * before each build and its peak during the build (the kernel's high-water mark,
 * reset before the build; Linux' /proc).
 *
 * Run with `npm run bench -- access-package` (scripts/bench.js provides the
 * services). BENCH_PACKAGE_SIZES (comma-separated, default "10020,100020")
 * changes the sizes, BENCH_PACKAGE_VALUE_CHARS the length of each record's text;
 * BENCH_PACKAGE_BUILT=1 starts the worker from the dist/ already built,
 * BENCH_PACKAGE_WORKER_FLAGS adds Node flags to the worker's command line.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DEFAULT_JOB_OPTIONS, QueueName, loadWorkerConfig } from '@regula/platform';
import { PACKAGE_BATCH } from '@regula/requests';
import { insertSubjectRecords } from '../test/support/bulk-records';
const { npmCommand } = require('../scripts/lib/npm') as { npmCommand(args: string[]): [string, string[]] };

const ROOT = path.resolve(__dirname, '..');
const WORKER_MAIN = path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
// Node's flags for the worker (none, as `npm start` runs it; e.g. `--trace-gc` to see why it grows).
const NODE_FLAGS = (process.env.BENCH_PACKAGE_WORKER_FLAGS ?? '').split(' ').filter(Boolean);
const SIZES = (process.env.BENCH_PACKAGE_SIZES ?? '10020,100020').split(',').map(Number).filter((n) => n > 0);
const VALUE_CHARS = Number(process.env.BENCH_PACKAGE_VALUE_CHARS ?? 60);
const SHARES = [
  { register: 'customer-relationship', categories: ['crm-name', 'contact-details', 'correspondence'], part: 0.5 },
  { register: 'portal-accounts', categories: ['account-email', 'account-data'], part: 0.3 },
  { register: 'log-data', categories: ['session-entries', 'sign-in-attempts'], part: 0.2 },
];

/** The worker process, started as `npm start` starts it (built JavaScript, its IPC channel for the ready signal). */
interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

async function startWorker(): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, WORKER_MAIN], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => { if (running()) child.kill('SIGKILL'); };
  process.once('exit', kill);
  const w: WorkerProcess = {
    child, pid: child.pid!, output: () => out,
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(kill, 10_000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', kill);
    },
  };
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { regula?: string }) => { if (m?.regula === 'ready') resolve(); });
    void exited.then(() => reject(new Error(`the worker exited while starting:\n${out}`)));
  });
  return w;
}

/** The process's resident set and its high-water mark (kB in /proc/<pid>/status), in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The process's CPU time so far (user + system, all threads; /proc/<pid>/stat counts in ticks of 10 ms), in ms. */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resets the process's RSS high-water mark to its current RSS (Linux: clear_refs 5); false where it cannot. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A subject with `total` records, an access request in progress, its preview (as the API writes it, generated in SQL) and a build waiting. */
async function arrange(owner: Client, tenantId: string, systemId: string, total: number): Promise<{ subjectId: string; buildId: string }> {
  const [{ id: subjectId }] = (await owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Bench Subject', 'en') RETURNING id`, [tenantId])).rows;
  const counts = SHARES.map((s) => Math.floor(total * s.part));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  await insertSubjectRecords(owner, { tenantId, subjectId, systemId, shares: SHARES.map((s, i) => ({ register: s.register, categories: s.categories, records: counts[i] })), valueChars: VALUE_CHARS });
  await owner.query(`ANALYZE personal_data_records`);
  const [{ id: requestId }] = (await owner.query(
    `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
       due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
     VALUES ($1, 'R-BNCH-' || $3, 'access', 'in-progress', $2, 'bench@subject.test', 'Bench Subject', 'en', '{}', now() - interval '2 days',
       now() + interval '28 days', (now() + interval '28 days')::date, now() + interval '28 days', 'email-link', now(), now(), repeat('0', 64)) RETURNING id`,
    [tenantId, subjectId, String(total)],
  )).rows;
  const [{ id: previewId }] = (await owner.query(
    `INSERT INTO request_fulfilment_plans (tenant_id, request_id, type, input, preview, previewed_at, previewed_by)
     SELECT $1, $2, 'access', '{}', jsonb_build_object('type', 'access', 'language', 'en', 'computedAt', now(), 'summary', '', 'webhooks', '[]'::jsonb, 'counts', '{}'::jsonb,
              'subject', jsonb_build_object('channel', 'email', 'to', 'b•••@subject.test', 'message', 'request-completed', 'summary', '', 'files', '[]'::jsonb),
              'records', jsonb_agg(jsonb_build_object('recordId', r.id, 'register', r.register_key, 'registerName', r.register_key, 'category', r.category_id,
                'categoryName', r.category_id, 'system', 'bench', 'action', 'hand-over'))), now(), 'bench'
       FROM personal_data_records r WHERE r.tenant_id = $1 AND r.subject_id = $3 RETURNING id`,
    [tenantId, requestId, subjectId],
  )).rows;
  const [{ id: buildId }] = (await owner.query(
    `INSERT INTO access_package_builds (tenant_id, request_id, preview_id, status, actor, created_at, updated_at)
     VALUES ($1, $2, $3, 'building', '{"id": null, "name": "bench"}', now(), now()) RETURNING id`,
    [tenantId, requestId, previewId],
  )).rows;
  return { subjectId, buildId };
}

/** The baseline: the same records read with plain SQL in the same keyset batches, nothing rendered or written. */
async function plainRead(owner: Client, tenantId: string, subjectId: string): Promise<{ ms: number; rows: number }> {
  const t0 = Date.now();
  let rows = 0;
  for (const s of SHARES) {
    let after: [string, string, string] | null = null;
    for (;;) {
      const res: { rows: { id: string; category_id: string; cursor_at: string }[] } = await owner.query(
        `SELECT id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, collected_at::text AS cursor_at,
                anchors, retention_due_at, restricted_at, restriction_reason, legal_hold
           FROM personal_data_records
          WHERE tenant_id = $1 AND subject_id = $2 AND register_key = $3 AND erased_at IS NULL
            AND ($4::text IS NULL OR (category_id, collected_at, id) > ($4::text, $5::timestamptz, $6::uuid))
          ORDER BY category_id, collected_at, id LIMIT $7`,
        [tenantId, subjectId, s.register, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, PACKAGE_BATCH],
      );
      rows += res.rows.length;
      if (res.rows.length) {
        const last = res.rows[res.rows.length - 1];
        after = [last.category_id, last.cursor_at, last.id];
      }
      if (res.rows.length < PACKAGE_BATCH) break;
    }
  }
  return { ms: Date.now() - t0, rows };
}

async function main(): Promise<void> {
  if (process.env.BENCH_PACKAGE_BUILT !== '1' || !fs.existsSync(WORKER_MAIN)) {
    const b0 = Date.now();
    const [cmd, args] = npmCommand(['run', '-s', 'build']);
    const built = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`npm run build failed (${built.status ?? built.signal})`);
    console.log(`access package bench: built (npm run build) in ${secs(Date.now() - b0)}`);
  }
  const config = loadWorkerConfig();
  const owner = new Client({ connectionString: config.DATABASE_URL });
  await owner.connect();
  const [{ id: tenantId }] = (await owner.query(`SELECT id FROM tenants WHERE slug = 'medical-management'`)).rows;
  const [{ id: systemId }] = (await owner.query(
    `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'bench', 'k-bench-package', repeat('0', 64), 'secret') RETURNING id`,
    [tenantId],
  )).rows;
  const queue = new Queue(QueueName.Packages, { connection: { url: config.REDIS_URL, maxRetriesPerRequest: null } });
  const worker = await startWorker();
  try {
    // Settled: its queues' hosts started, their schedules written.
    await new Promise((r) => setTimeout(r, 3000));
    const started = memoryOf(worker.pid);
    console.log(`access package bench: sizes ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} records, ${VALUE_CHARS}-character texts, batches of ${PACKAGE_BATCH}`);
    console.log(`  worker (node ${path.relative(ROOT, WORKER_MAIN)}, pid ${worker.pid}) started: RSS ${mb(started.rss)} (peak while starting ${mb(started.peak)})`);
    const perRecord: number[] = [];
    for (const total of SIZES) {
      const g0 = Date.now();
      const { subjectId, buildId } = await arrange(owner, tenantId, systemId, total);
      console.log(`  ${total.toLocaleString('en')} records: generated in ${secs(Date.now() - g0)}`);
      const base = await plainRead(owner, tenantId, subjectId);
      if (base.rows !== total) throw new Error(`the plain read found ${base.rows} records, expected ${total}`);

      const before = memoryOf(worker.pid).rss;
      const cpu0 = cpuOf(worker.pid);
      const exactPeak = resetPeak(worker.pid);
      let peak = before;
      const sampler = setInterval(() => { peak = Math.max(peak, memoryOf(worker.pid).rss); }, 20);
      const job = await queue.add('build-access-package', { tenantId, buildId }, { ...DEFAULT_JOB_OPTIONS, jobId: `access-package-${buildId}` });
      const state = await waitForBuild(owner, buildId, worker);
      clearInterval(sampler);
      const after = memoryOf(worker.pid);
      const cpu = cpuOf(worker.pid) - cpu0;
      if (exactPeak) peak = Math.max(peak, after.peak);
      if (state.status !== 'done' || state.records !== total) throw new Error(`the build ended ${JSON.stringify(state)}, expected ${total} records done:\n${worker.output()}`);
      const ms = await jobTime(queue, job.id!);
      const files: { kind: string; size_bytes: number }[] = (await owner.query(
        `SELECT kind, size_bytes FROM request_artifacts WHERE build_id = $1 ORDER BY kind`, [buildId])).rows;
      perRecord.push(ms / total);
      console.log(`    build (HTML + JSON + CSV in one pass, stored, request closed): ${secs(ms)} = ${((ms * 1000) / total).toFixed(1)} µs/record (worker CPU ${secs(cpu)})`);
      console.log(`    plain SQL read of the same records in the same batches:       ${secs(base.ms)}`);
      console.log(`    ratio build / plain read: ${(ms / Math.max(1, base.ms)).toFixed(1)}`);
      console.log(`    files: ${files.map((f) => `${f.kind.replace('access-', '').toUpperCase()} ${mb(f.size_bytes)}`).join(', ')}`);
      console.log(`    worker RSS: ${mb(before)} before the build, peak ${mb(peak)}${exactPeak ? '' : ' (sampled every 20 ms)'}, ${mb(after.rss)} after`);
    }
    if (perRecord.length > 1) {
      console.log(`  time per record, largest / smallest size: ${(perRecord[perRecord.length - 1] / perRecord[0]).toFixed(2)} (1.00: linear)`);
    }
  } finally {
    await worker.stop();
    await queue.close();
    await owner.end();
  }
}

/** The job's time in the worker, from its start to its end as BullMQ recorded them (polled: the row is done just before the job). */
async function jobTime(queue: Queue, id: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const job = await queue.getJob(id);
    if (job?.finishedOn && job.processedOn) return job.finishedOn - job.processedOn;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

/** Polls the build's row until it is no longer building (or the worker died). */
async function waitForBuild(owner: Client, buildId: string, worker: WorkerProcess): Promise<{ status: string; records: number }> {
  for (;;) {
    const [row] = (await owner.query(`SELECT status, records_written FROM access_package_builds WHERE id = $1`, [buildId])).rows;
    if (row.status !== 'building') return { status: row.status, records: row.records_written };
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) throw new Error(`the worker stopped during the build:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`access package bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
