/**
 * Public pages under load: GET /t/inomedis/privacy?lang=lv (and the other
 * pages that show only what was published) at 50 keep-alive connections,
 * beside a bare NestJS "hello" endpoint measured in the same run, on
 * loopback. Prints requests per second, p99 latency and the ratio to hello;
 * the paths take turns, ROUNDS times, each measured SECONDS a turn.
 *
 * The load comes from a worker thread (a bounded loop over http.Agent
 * keep-alive connections: no load tool is installed), so the server's event
 * loop has the main thread to itself, as it would in its own process. Each
 * request comes from another X-Forwarded-For address (TRUST_PROXY=true): the
 * page-view limit stays in force at its default, as it does for visitors.
 *
 * On a machine busy with other work the rates say more about the machine than
 * about the pages: beside them the table gives the time the server's thread
 * was busy per request (its event-loop utilisation over the run, divided by
 * the requests served) and hello's busy time over the page's, the share of
 * hello's rate the page would reach with the thread to itself.
 *
 * Run with `npm run bench -- public` (scripts/bench.js provides the services).
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { loadApiConfig } from '@regula/platform';
import { createApp } from '../apps/api/src/create-app';
import { helloApp, listen, regula } from './support/baseline';
import { LoadResult, addInto, busyPerRequest, cpuPerRequest, emptyLoad, loadInProcess, p99, rate } from './support/load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Measured seconds per path and round; the rounds take turns over the paths, so a machine busy with other work weighs on each alike. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 1;

function load(url: string): Promise<LoadResult> {
  return loadInProcess({ urls: [url], connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP_SECONDS });
}

async function main(): Promise<void> {
  regula('demo', 'seed');
  regula('demo', 'confirm');
  regula('policies', 'publish', '--initial', '--keep-going');

  const config = loadApiConfig({ ...process.env, TRUST_PROXY: 'true', LOG_LEVEL: 'error' });
  const hello = await helloApp();
  const api = await createApp(config, { logger: false });
  const [helloUrl, apiUrl] = [await listen(hello), await listen(api)];

  const paths: [string, string][] = [
    ['hello (bare NestJS)', `${helloUrl}/hello`],
    ['GET /t/inomedis/privacy?lang=lv', `${apiUrl}/t/inomedis/privacy?lang=lv`],
    // Softera Baltic's notice cannot be published until its controller states three facts: Inomedis' data instead.
    ['GET /t/inomedis/privacy.jsonld', `${apiUrl}/t/inomedis/privacy.jsonld`],
    ['GET /t/inomedis/?lang=lv', `${apiUrl}/t/inomedis/?lang=lv`],
    ['GET /t/inomedis/request/access', `${apiUrl}/t/inomedis/request/access`],
  ];
  const totals = paths.map(emptyLoad);
  try {
    for (const [name, url] of paths) {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`${url} does not answer 200`);
      console.log(`${name}: ${(await res.arrayBuffer()).byteLength} bytes`);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, [name, url]] of paths.entries()) {
        // BENCH_CPU_PROFILE=<file>: a CPU profile of the server thread while the policy page is measured (for Chrome's DevTools).
        const profile = process.env.BENCH_CPU_PROFILE && i === 1 && round === 1 ? new Session() : undefined;
        if (profile) {
          profile.connect();
          await profile.post('Profiler.enable');
          await profile.post('Profiler.start');
        }
        const r = await load(url);
        if (profile) {
          const { profile: data } = await profile.post('Profiler.stop');
          writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(data));
          profile.disconnect();
        }
        addInto(totals[i], r);
        console.log(`round ${round}, ${name}: ${Math.round(r.latencies.length / r.seconds)} req/s`);
      }
    }
  } finally {
    await Promise.all([hello.close(), api.close()]);
  }
  const helloRate = rate(totals[0]);
  const helloBusy = busyPerRequest(totals[0]);
  const helloCpu = cpuPerRequest(totals[0]);
  const rows = paths.map(([name], i) => {
    const t = totals[i];
    const odd = (t.statuses['200'] ?? 0) !== t.latencies.length || t.errors ? ` (statuses ${JSON.stringify(t.statuses)}, ${t.errors} errors)` : '';
    const busy = busyPerRequest(t);
    const cpu = cpuPerRequest(t);
    const cpuCells = cpu === undefined || helloCpu === undefined ? '- | -' : `${(cpu * 1000).toFixed(0)} µs | ${(helloCpu / cpu).toFixed(2)}`;
    return `| \`${name}\`${odd} | ${Math.round(rate(t))} | ${p99(t).toFixed(1)} ms | ${(rate(t) / helloRate).toFixed(2)} | ${(busy * 1000).toFixed(0)} µs | ${(helloBusy / busy).toFixed(2)} | ${cpuCells} |`;
  });
  console.log(
    `\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per path, loopback, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n\n` +
      `| path | req/s | p99 | ratio to hello | server busy per request | hello's busy time / this one's | server CPU per request | hello's CPU / this one's |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
