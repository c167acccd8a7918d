import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** What one load run measured. */
export interface LoadResult {
  /** Milliseconds from sending to the end of each answer received in the measured seconds. */
  latencies: number[];
  errors: number;
  /** Answers per HTTP status in the measured seconds. */
  statuses: Record<string, number>;
  /** Answers per HTTP status over the whole run, warm-up included (what the server did). */
  allStatuses: Record<string, number>;
  seconds: number;
  /** Milliseconds the server's thread was busy over the measured seconds. */
  busyMs: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * POST a form instead of GET: each request's body is the template with
   * `{n}` replaced by the request's number and `{run}` by `run`, so each can
   * name another data subject (per e-mail limits stay out of the way).
   */
  form?: { template: string; run: string };
}

/**
 * The load loop, run in a worker thread: `connections` loops, each sending its
 * next request when the last one answered, for `seconds` (after a warm-up whose
 * answers are not counted). Each request comes from another X-Forwarded-For
 * address (the server trusts the proxy). Stops itself: every loop ends at the deadline.
 */
const LOAD_LOOP = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, connections, seconds, warmup, form } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const latencies = [];
const statuses = {};
const allStatuses = {};
let errors = 0;
let n = 0;
const start = Date.now();
const measureFrom = start + warmup * 1000;
const end = measureFrom + seconds * 1000;
function once() {
  return new Promise((resolve) => {
    const i = n++;
    const t0 = process.hrtime.bigint();
    const headers = { 'X-Forwarded-For': '10.' + ((i >> 16) & 255) + '.' + ((i >> 8) & 255) + '.' + (i & 255) };
    const body = form ? form.template.split('{n}').join(String(i)).split('{run}').join(form.run) : undefined;
    if (body) Object.assign(headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) });
    const req = http.request({ method: body ? 'POST' : 'GET', host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        const now = Date.now();
        allStatuses[res.statusCode] = (allStatuses[res.statusCode] || 0) + 1;
        if (now >= measureFrom && now < end) {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
        }
        resolve();
      });
    });
    req.setTimeout(20000, () => req.destroy(new Error('timeout')));
    req.on('error', () => { if (Date.now() >= measureFrom) errors++; resolve(); });
    req.end(body);
  });
}
async function loop() { while (Date.now() < end) await once(); }
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies, errors, statuses, allStatuses, seconds });
});
`;

/**
 * Loads `url` from a worker thread (a bounded loop over http.Agent keep-alive
 * connections: no load tool is installed), so the server's event loop has the
 * main thread to itself, as it would in its own process; measures the server
 * thread's event-loop utilisation over the measured seconds.
 */
export function load(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_LOOP, {
      eval: true,
      workerData: { url: opts.url, connections: opts.connections, seconds: opts.seconds, warmup: opts.warmupSeconds, form: opts.form },
    });
    let from: ReturnType<typeof performance.eventLoopUtilization> | undefined;
    let busyMs = 0;
    const start = setTimeout(() => (from = performance.eventLoopUtilization()), opts.warmupSeconds * 1000);
    const stop = setTimeout(() => (busyMs = performance.eventLoopUtilization(from).active), (opts.warmupSeconds + opts.seconds) * 1000);
    worker.once('message', (r: Omit<LoadResult, 'busyMs'>) => {
      clearTimeout(start);
      clearTimeout(stop);
      resolve({ ...r, busyMs });
    });
    worker.once('error', reject);
  });
}

/** An empty total to add runs to. */
export function emptyResult(): LoadResult {
  return { latencies: [], errors: 0, statuses: {}, allStatuses: {}, seconds: 0, busyMs: 0 };
}

/** Adds run `r` to `total`. */
export function addTo(total: LoadResult, r: LoadResult): void {
  total.latencies.push(...r.latencies);
  total.errors += r.errors;
  total.seconds += r.seconds;
  total.busyMs += r.busyMs;
  for (const [s, n] of Object.entries(r.statuses)) total.statuses[s] = (total.statuses[s] ?? 0) + n;
  for (const [s, n] of Object.entries(r.allStatuses)) total.allStatuses[s] = (total.allStatuses[s] ?? 0) + n;
}

export const rate = (t: LoadResult): number => t.latencies.length / t.seconds;
export const p99 = (t: LoadResult): number => [...t.latencies].sort((x, y) => x - y)[Math.floor(0.99 * (t.latencies.length - 1))] ?? NaN;
/** The server thread's busy time per answer, in milliseconds. */
export const busyPerRequest = (t: LoadResult): number => t.busyMs / Math.max(1, t.latencies.length);
