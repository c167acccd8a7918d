import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface LoadResult {
  /** Milliseconds from sending to the end of each answer received in the measured seconds. */
  latencies: number[];
  errors: number;
  /** Answers per HTTP status in the measured seconds. */
  statuses: Record<string, number>;
  /** Answers per HTTP status over the whole run, warm-up included (what the server did). */
  allStatuses: Record<string, number>;
  seconds: number;
  /** Milliseconds the server's thread was busy over the measured run (set by a caller whose server runs in its own process). */
  busyMs?: number;
  /**
   * Milliseconds of CPU the server's thread used over the measured run (Linux only, else
   * undefined): unlike its busy time, not lengthened by other processes taking the core.
   */
  cpuMs?: number;
}

/**
 * CPU milliseconds (user and system) the main thread has used, from
 * /proc/self/task/<pid>/stat (clock ticks of 10 ms); undefined where there is no /proc.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name's closing parenthesis and the state.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** What the load sends: GETs of `urls` (taking turns), or, with `form`, POSTs of it, `{i}` in its values replaced by the request's number. */
export interface LoadTarget {
  urls: string[];
  form?: Record<string, string>;
  connections: number;
  seconds: number;
  warmup: number;
}

/**
 * The load loop, run in a worker thread (no load tool is installed):
 * `connections` loops over http.Agent keep-alive connections, each sending its
 * next request when the last one answered, for `seconds` (after a warm-up whose
 * answers are not counted). Request i goes to `urls[i % urls.length]`, from its
 * own X-Forwarded-For address (the servers run with TRUST_PROXY=true, so the
 * per-address limits stay at their defaults). Stops itself at the deadline.
 */
const LOAD_LOOP = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { urls, form, connections, seconds, warmup } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const targets = urls.map((u) => new URL(u));
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
    const target = targets[i % targets.length];
    const t0 = process.hrtime.bigint();
    const headers = { 'X-Forwarded-For': '10.' + ((i >> 16) & 255) + '.' + ((i >> 8) & 255) + '.' + (i & 255) };
    let body;
    if (form) {
      body = new URLSearchParams(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.replaceAll('{i}', String(i))]))).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = http.request({ method: form ? 'POST' : 'GET', host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
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

/** Runs the load of `target` in a worker thread; resolves with what was measured after the warm-up. */
export function runLoad(target: LoadTarget): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_LOOP, { eval: true, workerData: target });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/**
 * Runs the load of `target` against a server in this process (the load loop has its own
 * thread, so the server's event loop has the main thread to itself, as in its own
 * process) and measures the server thread's busy time over the measured seconds.
 */
export function loadInProcess(target: LoadTarget): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let from: ReturnType<typeof performance.eventLoopUtilization> | undefined;
    let busyMs = 0;
    let cpuFrom: number | undefined;
    let cpuMs: number | undefined;
    const start = setTimeout(() => {
      from = performance.eventLoopUtilization();
      cpuFrom = mainThreadCpuMs();
    }, target.warmup * 1000);
    const stop = setTimeout(() => {
      busyMs = performance.eventLoopUtilization(from).active;
      const cpuTo = mainThreadCpuMs();
      cpuMs = cpuFrom === undefined || cpuTo === undefined ? undefined : cpuTo - cpuFrom;
    }, (target.warmup + target.seconds) * 1000);
    runLoad(target).then((r) => {
      clearTimeout(start);
      clearTimeout(stop);
      resolve({ ...r, busyMs, cpuMs });
    }, reject);
  });
}

/** The server thread's busy time per answer, in milliseconds. */
export const busyPerRequest = (t: LoadResult): number => (t.busyMs ?? 0) / Math.max(1, t.latencies.length);

/** The server thread's CPU time per answer, in milliseconds (undefined without /proc). */
export const cpuPerRequest = (t: LoadResult): number | undefined => (t.cpuMs === undefined ? undefined : t.cpuMs / Math.max(1, t.latencies.length));

/** Requests per second of a result. */
export const rate = (t: LoadResult): number => t.latencies.length / t.seconds;

/** The 99th percentile of a result's latencies, in ms. */
export const p99 = (t: LoadResult): number => [...t.latencies].sort((x, y) => x - y)[Math.floor(0.99 * (t.latencies.length - 1))] ?? NaN;

/** Adds a round's result into a total. */
export function addInto(total: LoadResult, r: LoadResult): void {
  total.latencies.push(...r.latencies);
  total.errors += r.errors;
  total.seconds += r.seconds;
  total.busyMs = (total.busyMs ?? 0) + (r.busyMs ?? 0);
  total.cpuMs = total.cpuMs === undefined || r.cpuMs === undefined ? undefined : total.cpuMs + r.cpuMs;
  for (const [s, n] of Object.entries(r.statuses)) total.statuses[s] = (total.statuses[s] ?? 0) + n;
  for (const [s, n] of Object.entries(r.allStatuses)) total.allStatuses[s] = (total.allStatuses[s] ?? 0) + n;
}

/** An empty total. */
export const emptyLoad = (): LoadResult => ({ latencies: [], errors: 0, statuses: {}, allStatuses: {}, seconds: 0, busyMs: 0, cpuMs: 0 });
