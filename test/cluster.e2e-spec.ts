import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { QueueName } from '@regula/platform';
import { sweepJobId } from '@regula/retention';
import { RETENTION_SCHEDULER_ID, SLA_SWEEP_SCHEDULER_ID } from '../apps/worker/src/schedules';
import { DEMO_PASSWORD } from './support/api-harness';
import { insertOpenRequests } from './support/bulk-requests';
import { Cluster, startCluster } from './support/cluster/cluster';
import { expectErasedOnce, insertDueRecords } from './support/due-records';
import { auditTestEnv, testEnv } from './support/env';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { createTestDatabase, TestDatabase } from './support/test-database';

const FILINGS = 24;
const PER_EMAIL = 4;
const RECORDS = 20_000;
const OVERDUE = 40;
const SLA_SWEEPS = 3;
const KILLED_SWEEP = 30;

/**
 * More than one node (issue 16 §6): two API processes and three worker
 * processes on one PostgreSQL and one Redis, as docker-compose.yml runs them
 * (`--scale worker=3`), each started from its own `main.ts`. Requests filed
 * over both APIs at once are each stored once; the per-e-mail post limit
 * counts the posts of both APIs together; each sweep has one scheduler
 * whatever the number of workers; three SLA sweeps running at once on three
 * workers send each notice once (each e-mail received once), and an SLA sweep
 * whose worker is killed (SIGKILL) in the middle is finished by the next one,
 * each notice and its e-mail once; a retention run
 * asked of both APIs at once is one run, and when the worker sweeping it is
 * killed (SIGKILL) in the middle another finishes it, every due record erased
 * once; the audit chains verify afterwards. Counts only, no timing.
 */
describe('a cluster: two APIs and three workers on one database and Redis', () => {
  let db: TestDatabase;
  let cluster: Cluster;
  let mailbox: Mailbox;
  let checkpoints: string;
  let redisUrl: string;
  const queues: Queue[] = [];
  const q = (sql: string, params: unknown[] = []) => db.owner.query(sql, params);
  const api = (i: number) => cluster.apis[i % cluster.apis.length].url;

  beforeAll(async () => {
    db = await createTestDatabase();
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = `/${(Number(process.env.JEST_WORKER_ID ?? '1') + 4) % 16}`;
    redisUrl = redis.toString();
    const flush = new Redis(redisUrl);
    await flush.flushdb();
    await flush.quit();
    mailbox = await Mailbox.start();
    checkpoints = mkdtempSync(path.join(tmpdir(), 'regula-checkpoints-'));
    await createStaff(db.owner, 'dpo@ino.test', { tenant: 'inomedis' });
    await createStaff(db.owner, 'dpo@softera.test', { tenant: 'softera-baltic' });
    cluster = await startCluster({
      apis: 2,
      workers: 3,
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: db.ownerUrl,
        DATABASE_APP_URL: db.appUrl,
        REDIS_URL: redisUrl,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
        ...auditTestEnv(checkpoints),
        SMTP_URL: mailbox.smtpUrl,
        PUBLIC_BASE_URL: 'https://regula.test',
        LOG_LEVEL: 'error',
        // Five processes beside the other suites on one test server.
        DATABASE_POOL_SIZE: '6',
      },
      apiEnv: { TRUST_PROXY: 'true', PUBLIC_POSTS_MAX_PER_EMAIL: String(PER_EMAIL) },
    });
  }, 240_000);

  afterAll(async () => {
    for (const queue of queues) await queue.close();
    await cluster?.stop();
    await mailbox?.close();
    await db?.drop();
    if (checkpoints) rmSync(checkpoints, { recursive: true, force: true });
  }, 60_000);

  const queue = (name: QueueName) => {
    const created = new Queue(name, { connection: { url: redisUrl } });
    queues.push(created);
    return created;
  };

  /** Polls `check` every 100 ms until it returns something other than undefined; the cluster's output in the error after `ms`. */
  async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
    const by = Date.now() + ms;
    for (;;) {
      const v = await check();
      if (v !== undefined) return v;
      if (Date.now() > by) throw new Error(`${what}: not within ${ms / 1000} s\n${cluster.workers.map((w) => `--- ${w.name}\n${w.output()}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A public form post from its own client address (X-Forwarded-For) to the API at `base`. */
  async function post(base: string, pathname: string, ip: string, form: Record<string, string>) {
    const res = await fetch(`${base}${pathname}`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': ip, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, reference: /id="reference">([^<]+)</.exec(text)?.[1] };
  }

  async function login(base: string, email: string): Promise<string> {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function call(base: string, token: string, method: string, pathname: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${base}${pathname}`, { method, headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('files requests sent to both APIs at once, each exactly once, with its e-mail delivered once', async () => {
    // A node whose pool is busy answers 503 (nothing filed, Retry-After): the client sends it again, to the other node.
    const file = async (i: number) => {
      for (let attempt = 0; ; attempt++) {
        const res = await post(api(i + attempt), '/t/inomedis/request/access?lang=en', `198.51.100.${i + 1}`, { name: `Cluster Subject ${i}`, email: `cluster.${i}@subject.test` });
        // At most PUBLIC_POSTS_MAX_PER_EMAIL posts per address: a fourth 503 would be a 429 next.
        if (res.status !== 503 || attempt === PER_EMAIL - 1) return res;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const filed = await Promise.all(Array.from({ length: FILINGS }, (_, i) => file(i)));
    expect(filed.map((f) => f.status)).toEqual(Array(FILINGS).fill(201));
    const references = filed.map((f) => f.reference);
    expect(new Set(references).size).toBe(FILINGS);

    const rows: { email: string; reference: string; events: number }[] = await q(
      `SELECT r.requester_email AS email, r.reference, (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id AND e.kind = 'received') AS events
         FROM rights_requests r WHERE r.requester_email LIKE 'cluster.%@subject.test'`,
    );
    expect(rows.map((r) => r.reference).sort()).toEqual([...references].sort());
    expect(new Set(rows.map((r) => r.email)).size).toBe(FILINGS);
    expect(rows.filter((r) => r.events !== 1)).toEqual([]);

    // Each request's verification e-mail, queued by whichever API filed it, sent by one of the workers once.
    const emails: { id: string }[] = await q(
      `SELECT e.id FROM outbox_emails e JOIN rights_requests r ON r.id = e.request_id WHERE r.requester_email LIKE 'cluster.%@subject.test' AND e.template = 'verify-email'`,
    );
    expect(emails).toHaveLength(FILINGS);
    await until('the verification e-mails sent', async () => {
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM outbox_emails WHERE id = ANY($1) AND status = 'sent'`, [emails.map((e) => e.id)]);
      return n === FILINGS ? true : undefined;
    });
    expect(receivedTimes(emails.map((e) => e.id))).toEqual(Array(FILINGS).fill(1));
  });

  /** How many times the mailbox received each of the outbox e-mails `ids`. */
  function receivedTimes(ids: string[]): number[] {
    const received = mailbox.received().map((m) => m.emailId);
    return ids.map((id) => received.filter((r) => r === id).length);
  }

  it('counts the posts of one e-mail address on both APIs against one limit (PUBLIC_POSTS_MAX_PER_EMAIL)', async () => {
    const statuses: number[] = [];
    // From a new address each time: only the e-mail address's counter can refuse.
    for (let i = 0; i < 2 * PER_EMAIL; i++) {
      statuses.push((await post(api(i), '/t/inomedis/request/access?lang=en', `203.0.113.${i + 1}`, { name: 'Limited Subject', email: 'limited@subject.test' })).status);
    }
    // The first PER_EMAIL posts pass the limit (filed, or 503 from a busy pool, which counts as a post too), every later one is refused.
    expect(statuses.slice(PER_EMAIL)).toEqual(Array(PER_EMAIL).fill(429));
    expect(statuses.slice(0, PER_EMAIL).filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM rights_requests WHERE requester_email = 'limited@subject.test'`);
    expect(n).toBe(statuses.filter((s) => s === 201).length);
  });

  it('keeps one scheduler per sweep however many workers upserted it', async () => {
    const sla = await queue(QueueName.Sla).getJobSchedulers();
    expect(sla.filter((s) => s.key === SLA_SWEEP_SCHEDULER_ID)).toHaveLength(1);
    expect(sla.map((s) => s.key).sort()).toEqual([...new Set(sla.map((s) => s.key))].sort());
    const retention = await queue(QueueName.Retention).getJobSchedulers();
    expect(retention.map((s) => s.key)).toEqual([RETENTION_SCHEDULER_ID]);
  });

  it('sends each SLA notice once when three sweeps run at once on the workers, each e-mail received once', async () => {
    const [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    // Open requests past their due date, not planned yet: each owes its overdue notice.
    await insertOpenRequests(db.owner, tenantId, { count: OVERDUE, dueFrom: new Date(Date.now() - 10 * 24 * 3600_000), spreadDays: 5, next: 'replan' });
    const sla = queue(QueueName.Sla);
    // As if three nodes' ticks came at once (the scheduler adds one; a lost tick or a manual run adds more).
    const jobs = await Promise.all(Array.from({ length: SLA_SWEEPS }, (_, i) => sla.add('sla-sweep', {}, { jobId: `cluster-sla-sweep-${i}` })));
    for (const j of jobs) {
      await until(`sla sweep ${j.id}`, async () => {
        const state = await sla.getJobState(j.id!);
        if (state === 'failed') throw new Error(`sla sweep ${j.id} failed: ${(await Job.fromId(sla, j.id!))?.failedReason}`);
        return state === 'completed' ? true : undefined;
      });
    }
    // And any the scheduler added meanwhile, so that every sweep that sent something has told what.
    await until('no SLA sweep left running', async () => ((await sla.getJobs(['active', 'wait', 'prioritized'])).some((j) => j.name === 'sla-sweep') ? undefined : true));
    const sweeps = (await sla.getJobs(['completed'])).filter((j) => j.name === 'sla-sweep');
    expect(sweeps.length).toBeGreaterThanOrEqual(SLA_SWEEPS);

    const notices: { request_id: string; kind: string; n: number }[] = await q(
      `SELECT n.request_id, n.kind, count(*)::int AS n FROM sla_notices n JOIN rights_requests r ON r.id = n.request_id
        WHERE r.reference LIKE 'B-%' GROUP BY 1, 2`,
    );
    const overdue = notices.filter((n) => n.kind === 'overdue');
    expect(overdue).toHaveLength(OVERDUE);
    expect(notices.filter((n) => n.n !== 1)).toEqual([]);
    const [{ n: marked }] = await q(`SELECT count(*)::int AS n FROM rights_requests WHERE reference LIKE 'B-%' AND overdue_at IS NOT NULL`);
    expect(marked).toBe(OVERDUE);
    // Each notice was sent by one sweep: what the sweeps say they sent adds up to the notices stored (no other job sent any here).
    const sent = sweeps.reduce((sum, job) => sum + (job.returnvalue as { sent: number }).sent, 0);
    const [{ n: stored }] = await q(`SELECT count(*)::int AS n FROM sla_notices`);
    expect(sent).toBe(stored);
    const [{ n: audited }] = await q(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'request.overdue' AND target_id::text IN (SELECT id::text FROM rights_requests WHERE reference LIKE 'B-%')`,
      [tenantId],
    );
    expect(audited).toBe(OVERDUE);

    // One e-mail per notice to the tenant's one compliance admin, each received once.
    const emails: { id: string }[] = await q(`SELECT id FROM outbox_emails WHERE tenant_id = $1 AND template = 'sla-overdue'`, [tenantId]);
    expect(emails).toHaveLength(OVERDUE);
    await until('the SLA e-mails sent', async () => {
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM outbox_emails WHERE id = ANY($1) AND status = 'sent'`, [emails.map((e) => e.id)]);
      return n === OVERDUE ? true : undefined;
    });
    expect(receivedTimes(emails.map((e) => e.id))).toEqual(Array(OVERDUE).fill(1));
  });

  it('finishes an SLA sweep whose worker is killed in the middle with the next sweep: each notice and its e-mail once', async () => {
    const [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    // Overdue requests, one a day: the sweep reads them in that order (next_notice_at), so it reaches the last one last.
    const first = 1001;
    await insertOpenRequests(db.owner, tenantId, { count: KILLED_SWEEP, first, dueFrom: new Date(Date.now() - (KILLED_SWEEP + 10) * 24 * 3600_000), spreadDays: KILLED_SWEEP, next: 'reminder-14' });
    const references = Array.from({ length: KILLED_SWEEP }, (_, i) => `B-${first + i}`);
    const overdueOf = async () =>
      (await q(`SELECT count(*)::int AS n FROM sla_notices n JOIN rights_requests r ON r.id = n.request_id WHERE r.reference = ANY($1) AND n.kind = 'overdue'`, [references]))[0].n as number;
    // The test holds the last one's row lock: the sweep sends the others and waits there, in the middle of its run.
    const holder = new Client({ connectionString: db.ownerUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM rights_requests WHERE tenant_id = $1 AND reference = $2 FOR UPDATE`, [tenantId, references.at(-1)]);
      const sla = queue(QueueName.Sla);
      const job = await sla.add('sla-sweep', {}, { jobId: 'cluster-sla-sweep-killed' });
      // Killed once the e-mails of the notices it sent are sent too: an e-mail a killed worker was handing to the
      // SMTP server is sent again by another (at least once, as SMTP allows), which is not what this test is about.
      const sweeper = await until('the sweep to wait at the held request, its e-mails sent', async () => {
        const running = await Job.fromId(sla, job.id!);
        if (!running?.processedBy || (await overdueOf()) < KILLED_SWEEP - 1) return undefined;
        const [{ sent }] = await q(
          `SELECT count(*)::int AS sent FROM outbox_emails o WHERE o.tenant_id = $1 AND o.template = 'sla-overdue' AND o.status = 'sent'
              AND EXISTS (SELECT 1 FROM rights_requests r WHERE r.reference = ANY($2) AND o.subject LIKE '%' || r.reference || '%')`,
          [tenantId, references],
        );
        if (sent < KILLED_SWEEP - 1) return undefined;
        const pid = Number(running.processedBy.slice(running.processedBy.lastIndexOf(':') + 1));
        return cluster.workers.find((w) => w.pid === pid);
      });
      process.kill(sweeper.pid, 'SIGKILL');
      await sweeper.exited;
      expect(sweeper.child.signalCode).toBe('SIGKILL');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await overdueOf()).toBe(KILLED_SWEEP - 1);

    // The next sweep (a tick on another worker) sends what the killed one left.
    const sla = queue(QueueName.Sla);
    const next = await sla.add('sla-sweep', {}, { jobId: 'cluster-sla-sweep-after-kill' });
    await until('the next sweep', async () => ((await sla.getJobState(next.id!)) === 'completed' ? true : undefined));
    const notices: { n: number }[] = await q(
      `SELECT count(*)::int AS n FROM sla_notices n JOIN rights_requests r ON r.id = n.request_id WHERE r.reference = ANY($1) AND n.kind = 'overdue' GROUP BY n.request_id`,
      [references],
    );
    expect(notices).toEqual(Array(KILLED_SWEEP).fill({ n: 1 }));
    const emails: { id: string }[] = await q(
      `SELECT o.id FROM outbox_emails o WHERE o.tenant_id = $1 AND o.template = 'sla-overdue' AND EXISTS (SELECT 1 FROM rights_requests r WHERE r.reference = ANY($2) AND o.subject LIKE '%' || r.reference || '%')`,
      [tenantId, references],
    );
    expect(emails).toHaveLength(KILLED_SWEEP);
    await until('the e-mails of the killed sweep and the next one sent', async () => {
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM outbox_emails WHERE id = ANY($1) AND status = 'sent'`, [emails.map((e) => e.id)]);
      return n === KILLED_SWEEP ? true : undefined;
    });
    expect(receivedTimes(emails.map((e) => e.id))).toEqual(Array(KILLED_SWEEP).fill(1));
  }, 180_000);

  it('runs a retention run asked of both APIs at once once, to its end, though the worker sweeping it is killed', async () => {
    const [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    await insertDueRecords(db.owner, tenantId, 'cluster', RECORDS);
    const tokens = await Promise.all(cluster.apis.map((a) => login(a.url, 'dpo@softera.test')));
    const asked = await Promise.all(cluster.apis.map((a, i) => call(a.url, tokens[i], 'POST', '/api/v1/tenants/softera-baltic/retention/runs')));
    expect(asked.map((a) => a.status)).toEqual([202, 202]);
    expect(new Set(asked.map((a) => a.body.id)).size).toBe(1);
    expect(asked.map((a) => a.body.created).sort()).toEqual([false, true]);
    const runId = asked[0].body.id as string;
    const run = async () => (await q(`SELECT status, records_erased, batches FROM retention_runs WHERE id = $1`, [runId]))[0] as { status: string; records_erased: number; batches: number };

    // The worker that took the run's sweep job (BullMQ keeps its name, `<host>:<pid>`), killed once a batch is committed.
    const retention = queue(QueueName.Retention);
    const sweeper = await until('the sweep to start', async () => {
      const job = await Job.fromId(retention, sweepJobId(runId));
      const r = await run();
      if (!job?.processedBy || r.records_erased === 0) return undefined;
      const pid = Number(job.processedBy.slice(job.processedBy.lastIndexOf(':') + 1));
      return cluster.workers.find((w) => w.pid === pid);
    });
    process.kill(sweeper.pid, 'SIGKILL');
    await sweeper.exited;
    expect(sweeper.child.signalCode).toBe('SIGKILL');
    const atKill = await run();
    expect(atKill.status).toBe('running');
    expect(atKill.records_erased).toBeLessThan(RECORDS);

    // Another worker finds the stalled job and resumes the run.
    await until('the run to complete', async () => ((await run()).status === 'completed' ? true : undefined));
    await expectErasedOnce(db.owner, tenantId, runId, 'cluster', RECORDS);
  }, 180_000);

  it('leaves every audit chain intact, written by five processes', async () => {
    for (const [slug, email] of [['inomedis', 'dpo@ino.test'], ['softera-baltic', 'dpo@softera.test']]) {
      const token = await login(api(1), email);
      const verdict = await call(api(1), token, 'GET', `/api/v1/tenants/${slug}/audit/verify`);
      expect({ slug, status: verdict.status, ok: verdict.body.ok }).toEqual({ slug, status: 200, ok: true });
    }
  });
});
