/**
 * One API node against two (issue 16 §6): two API processes and
 * BENCH_WORKERS worker processes (default 1) on one PostgreSQL and one Redis,
 * each started from its own main.ts as docker-compose.yml runs them
 * (test/support/cluster). The public policy page (served from each node's
 * page cache) and request filings (a POST of the access-request form, each
 * with its own e-mail address: one request, its timeline, two e-mails and an
 * audit entry written in one tenant transaction) are loaded at
 * BENCH_CONNECTIONS (the filings BENCH_POST_CONNECTIONS) keep-alive connections on loopback, sent to one API, then
 * spread over both (request i to node i mod 2), beside a bare NestJS "hello"
 * in the bench's own process. Each request comes from another X-Forwarded-For
 * address (TRUST_PROXY=true), so the per-address limits stay at their defaults.
 * Prints requests per second, p99 latency, the ratio to hello and the ratio of
 * two nodes to one; the cases take turns, BENCH_ROUNDS times, BENCH_SECONDS
 * each. On 2 cores two API processes share the cores with PostgreSQL, Redis
 * and the load: the ratio says what a second node adds on this machine, not on
 * a second one.
 *
 * Run with `npm run bench -- cluster` (scripts/bench.js provides the services).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startCluster } from '../test/support/cluster/cluster';
import { helloApp, listen, regula } from './support/baseline';
import { LoadResult, LoadTarget, addInto, emptyLoad, p99, rate, runLoad } from './support/load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Fewer for the filings: one tenant's filings take turns on its audit chain's lock, so more connections only queue. */
const POST_CONNECTIONS = Number(process.env.BENCH_POST_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const WARMUP_SECONDS = 1;

interface Case {
  name: string;
  nodes: number;
  target: (round: number) => Omit<LoadTarget, 'connections' | 'seconds' | 'warmup'>;
}

async function main(): Promise<void> {
  regula('demo', 'seed');
  regula('demo', 'confirm');
  regula('policies', 'publish', '--initial', '--keep-going');
  const checkpoints = mkdtempSync(path.join(tmpdir(), 'regula-bench-checkpoints-'));
  const hello = await helloApp();
  const helloUrl = await listen(hello);
  const cluster = await startCluster({ apis: 2, workers: WORKERS, env: { LOG_LEVEL: 'error', TRUST_PROXY: 'true', AUDIT_CHECKPOINT_DIR: checkpoints } });
  const [a, b] = cluster.apis.map((n) => n.url);
  const page = '/t/inomedis/privacy?lang=lv';
  const filing = '/t/inomedis/request/access?lang=en';
  // Each filing its own address, across rounds and cases too (the per-address limit of posts stays in force).
  const form = (round: number, tag: string) => ({ name: 'Bench Subject {i}', email: `bench.${round}.${tag}.{i}@subject.test` });
  const cases: Case[] = [
    { name: 'hello (bare NestJS)', nodes: 1, target: () => ({ urls: [`${helloUrl}/hello`] }) },
    { name: `GET ${page}`, nodes: 1, target: () => ({ urls: [a + page] }) },
    { name: `GET ${page}`, nodes: 2, target: () => ({ urls: [a + page, b + page] }) },
    { name: `POST ${filing}`, nodes: 1, target: (round) => ({ urls: [a + filing], form: form(round, 'one') }) },
    { name: `POST ${filing}`, nodes: 2, target: (round) => ({ urls: [a + filing, b + filing], form: form(round, 'two') }) },
  ];
  const totals = cases.map(emptyLoad);
  try {
    for (const url of [`${helloUrl}/hello`, a + page, b + page]) {
      if ((await fetch(url)).status !== 200) throw new Error(`${url} does not answer 200`);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, c] of cases.entries()) {
        const target = c.target(round);
        const r: LoadResult = await runLoad({ ...target, connections: target.form ? POST_CONNECTIONS : CONNECTIONS, seconds: SECONDS, warmup: WARMUP_SECONDS });
        addInto(totals[i], r);
        console.log(`round ${round}, ${c.name} on ${c.nodes}: ${Math.round(r.latencies.length / r.seconds)} req/s ${JSON.stringify(r.statuses)}`);
      }
    }
  } finally {
    await cluster.stop();
    await hello.close();
    rmSync(checkpoints, { recursive: true, force: true });
  }

  // Every filing answered 201 is stored once (the answers of the warm-ups and of requests still in flight at a deadline included).
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const [{ n: stored, distinct }] = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT requester_email)::int AS distinct FROM rights_requests WHERE requester_email LIKE 'bench.%'`)).rows;
  await db.end();

  const helloRate = rate(totals[0]);
  const rows = cases.map((c, i) => {
    const t = totals[i];
    const ok = c.target(1).form ? '201' : '200';
    const odd = (t.statuses[ok] ?? 0) !== t.latencies.length || t.errors ? ` (statuses ${JSON.stringify(t.statuses)}, ${t.errors} errors)` : '';
    const single = cases.findIndex((o) => o.name === c.name && o.nodes === 1);
    return `| \`${c.name}\`${odd} | ${c.nodes} | ${Math.round(rate(t))} | ${p99(t).toFixed(1)} ms | ${(rate(t) / helloRate).toFixed(2)} | ${(rate(t) / rate(totals[single])).toFixed(2)} |`;
  });
  console.log(
    `\n${CONNECTIONS} connections (filings ${POST_CONNECTIONS}), ${ROUNDS} rounds of ${SECONDS} s per case, loopback, ${WORKERS} worker process(es), load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n\n` +
      `| what | API nodes | req/s | p99 | ratio to hello | ratio to one node |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
      `filings stored: ${stored} (${distinct} distinct addresses)`,
  );
  if (stored !== distinct) throw new Error('a filing was stored twice');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
