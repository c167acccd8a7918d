/**
 * Intake under load (issue 16 §2): data subjects filing access requests on
 * the public form, POST /t/inomedis/request/access, at 50 keep-alive
 * connections (one tenant: its audit chain is the one every filing appends
 * to), beside a bare NestJS "hello" endpoint measured in the same run, on
 * loopback. Prints requests per second, p99 latency and the ratio to hello;
 * the two take turns, ROUNDS times, each measured SECONDS a turn.
 *
 * Each filing names another subject (its own e-mail address) from another
 * X-Forwarded-For address (TRUST_PROXY=true), so the limits per address and
 * per e-mail stay at their defaults without refusing anyone. E-mails are
 * queued for a worker (SMTP_URL set; no worker runs here), as in production.
 *
 * Afterwards it checks that nothing was lost: every 201 answer is one stored
 * request with its two e-mails, nothing else was stored, and the tenant's
 * audit chain verifies from its first entry.
 *
 * Run with `npm run bench -- intake` (scripts/bench.js provides the services).
 * BENCH_CONNECTIONS, BENCH_SECONDS and BENCH_ROUNDS change the size;
 * BENCH_CPU_PROFILE=<file> writes a CPU profile of the server thread during the
 * first round of filings (for Chrome's DevTools).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { AuditChainJobs, AuditService } from '@regula/audit';
import { loadApiConfig } from '@regula/platform';
import { createApp } from '../apps/api/src/create-app';
import { helloApp, listen } from './support/baseline';
import { plainFilingApp } from './support/plain-filing';
import { LoadResult, addInto, busyPerRequest, cpuPerRequest, emptyLoad, loadInProcess, p99, rate } from './support/load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 1;
const TENANT = 'inomedis';

/**
 * Counts the statements the API sends to PostgreSQL (every pooled client is a
 * pg Client): statements per filing is a figure the machine's load does not move.
 */
let statements = 0;
const clientQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  // SMTP_URL: e-mails are queued for the worker after each commit, as in production (nothing sends them here).
  const config = loadApiConfig({ ...process.env, TRUST_PROXY: 'true', LOG_LEVEL: 'error', SMTP_URL: 'smtp://127.0.0.1:2525' });
  const hello = await helloApp();
  const api = await createApp(config, { logger: false });
  const plain = await plainFilingApp(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const [helloUrl, apiUrl, plainUrl] = [await listen(hello), await listen(api), await listen(plain.app)];
  const run = Date.now().toString(36);
  const fileUrl = `${apiUrl}/t/${TENANT}/request/access?lang=en`;
  const form = (round: number) => ({ name: 'Bench Subject {i}', email: `bench.${run}r${round}.{i}@example.com` });
  // The schema owner's connection: it reads every filing, whatever the row-level security.
  const owner = new Client({ connectionString: config.DATABASE_URL });
  await owner.connect();
  const [{ id: tenantId }] = (await owner.query(`SELECT id FROM tenants WHERE slug = $1`, [TENANT])).rows;

  const totals = { hello: emptyLoad(), plain: emptyLoad(), file: emptyLoad() };
  const filed: LoadResult = emptyLoad();
  const perFiling: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const h = await loadInProcess({ urls: [`${helloUrl}/hello`], connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP_SECONDS });
      addInto(totals.hello, h);
      console.log(`round ${round}, hello: ${Math.round(rate(h))} req/s`);
      const pl = await loadInProcess({ urls: [`${plainUrl}/plain-file`], connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP_SECONDS, form: form(round) });
      addInto(totals.plain, pl);
      console.log(`round ${round}, plain SQL filing: ${Math.round(rate(pl))} req/s, statuses ${JSON.stringify(pl.allStatuses)}`);
      const before = statements;
      const f = await profiled(round === 1 ? process.env.BENCH_CPU_PROFILE : undefined, () =>
        loadInProcess({ urls: [fileUrl], connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP_SECONDS, form: form(round) }),
      );
      addInto(totals.file, f);
      addInto(filed, f);
      // Per request filed: an answer 503 (no database capacity in time) sent none.
      perFiling.push((statements - before) / Math.max(1, f.allStatuses['201'] ?? 0));
      console.log(`round ${round}, filing: ${Math.round(rate(f))} req/s, statuses ${JSON.stringify(f.allStatuses)}, ${f.errors} errors, ${perFiling.at(-1)!.toFixed(1)} SQL statements per filing`);
    }

    // Nothing lost: each 201 is one stored request with its two e-mails and its two chained audit entries, nothing else
    // was stored, and nothing waits to be chained once the chainings the filings started (without waiting) are done.
    await api.get(AuditService).chained();
    const [stored] = (await owner.query(
      `SELECT count(*)::int AS requests,
              (SELECT count(*)::int FROM outbox_emails o JOIN rights_requests r ON r.id = o.request_id WHERE r.requester_email LIKE $1) AS emails,
              (SELECT count(*)::int FROM audit_log a JOIN rights_requests r ON a.target_id = r.id::text WHERE r.requester_email LIKE $1) AS entries,
              (SELECT count(*)::int FROM audit_pending) AS waiting
         FROM rights_requests WHERE requester_email LIKE $1`,
      [`bench.${run}r%@example.com`],
    )).rows;
    const answered = filed.allStatuses['201'] ?? 0;
    const verdict = await api.get(AuditChainJobs).verify(tenantId);
    console.log(
      `\nfiled: ${answered} answered 201, ${stored.requests} stored with ${stored.emails} e-mails and ${stored.entries} audit entries chained (${stored.waiting} waiting); other answers ${JSON.stringify({ ...filed.allStatuses, 201: undefined })}, ${filed.errors} client errors`,
    );
    console.log(`audit chain of ${TENANT}: ${verdict.ok ? `intact, ${verdict.entries} entries` : `BROKEN at ${verdict.brokenAt} (${verdict.reason})`}`);
    if (stored.requests !== answered || stored.emails !== 2 * answered || stored.entries !== 2 * answered || stored.waiting !== 0 || !verdict.ok) throw new Error('filings lost, half-stored or the audit chain broken');
  } finally {
    await Promise.all([hello.close(), api.close(), plain.app.close(), owner.end()]);
  }

  const helloRate = rate(totals.hello);
  const helloBusy = busyPerRequest(totals.hello);
  const helloCpu = cpuPerRequest(totals.hello);
  const row = (name: string, t: LoadResult) => {
    const busy = busyPerRequest(t);
    // CPU time, unlike busy time, is not lengthened by other processes taking the core: the steadier figure on a loaded machine.
    const cpu = cpuPerRequest(t);
    const cpuCells = cpu === undefined || helloCpu === undefined ? '- | -' : `${(cpu * 1000).toFixed(0)} µs | ${(helloCpu / cpu).toFixed(2)}`;
    return `| \`${name}\` | ${Math.round(rate(t))} | ${p99(t).toFixed(1)} ms | ${(rate(t) / helloRate).toFixed(2)} | ${(busy * 1000).toFixed(0)} µs | ${(helloBusy / busy).toFixed(2)} | ${cpuCells} |`;
  };
  console.log(
    `\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each, loopback, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n\n` +
      `| path | req/s | p99 | ratio to hello | server busy per request | hello's busy time / this one's | server CPU per request | hello's CPU / this one's |\n|---|---|---|---|---|---|---|---|\n` +
      `${row('hello (bare NestJS)', totals.hello)}\n${row(`plain SQL filing (bare NestJS, ${plain.statements} statements in one transaction)`, totals.plain)}\n` +
      `${row(`POST /t/${TENANT}/request/access`, totals.file)}\n\n` +
      `filing / plain SQL filing: ${(rate(totals.file) / rate(totals.plain)).toFixed(2)}\n` +
      `SQL statements per filing (the API's, after-commit work included): ${perFiling.map((n) => n.toFixed(1)).join(', ')}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
