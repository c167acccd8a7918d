'use strict';
// Redis for the dev/test runners.
//
// REDIS_URL set (or `url` given): used as is, nothing is started.
// Otherwise a private `redis-server` from PATH on a free loopback port, with its
// append-only file, log (redis.log) and pid file in <dataDir>, spawned as a child whose pid
// is kept and stopped by pid. When there is no redis-server and we are root on
// Debian, it is installed with apt-get first.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { freePort, HOST } = require('./ports');
const { isAlive, sleep, within } = require('./processes');

const MISSING =
  'no redis-server found: install it (apt-get install redis-server) or set REDIS_URL, or run `docker compose up redis`';

/** An error whose message is meant for the user as is (no stack trace). */
function userError(message) {
  const e = new Error(message);
  e.userFacing = true;
  return e;
}

function which(cmd) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const d of [...dirs, '/usr/local/bin', '/usr/bin', '/usr/sbin']) {
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Pids of running redis-server processes (from /proc), to tell apart the one we start. */
function redisPids() {
  const out = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // redis rewrites its title to "<path>/redis-server 127.0.0.1:6379"
      const argv0 = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0')[0].split(' ')[0];
      if (path.basename(argv0) === 'redis-server') out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** root on Debian without redis-server: apt-get install it (apt-get update only if needed). */
function installRedis(print) {
  print('[redis] no redis-server on PATH: installing it (apt-get install -y redis-server)...');
  const before = new Set(redisPids());
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  let r = apt(['install', '-y', 'redis-server']);
  if (r.status !== 0) {
    print('[redis] apt-get install failed; running apt-get update and trying again...');
    const u = apt(['update']);
    if (u.status !== 0) throw userError(`apt-get update failed:\n${(u.stdout || '') + (u.stderr || '')}\n${MISSING}`);
    r = apt(['install', '-y', 'redis-server']);
  }
  if (r.status !== 0) throw userError(`apt-get install -y redis-server failed:\n${(r.stdout || '') + (r.stderr || '')}\n${MISSING}`);
  const started = redisPids().filter((p) => !before.has(p));
  if (started.length) {
    // The package's init script started a system-wide server. It is not ours (we
    // did not start it), so it is left alone; Regula uses its own below.
    print(`[redis] note: the redis-server package started a system redis-server (pid ${started.join(', ')}); Regula does not use it`);
  }
  return which('redis-server');
}

function findRedisServer(print) {
  const found = which('redis-server');
  if (found) return found;
  const debian = fs.existsSync('/etc/debian_version') && which('apt-get');
  if (isRoot() && debian) {
    const installed = installRedis(print);
    if (installed) return installed;
  }
  throw userError(MISSING);
}

/** Sends one inline command and resolves with the first RESP reply (string; errors reject). */
function command(port, cmd, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: HOST, port });
    let buf = Buffer.alloc(0);
    const done = (err, val) => {
      sock.destroy();
      if (err) reject(err);
      else resolve(val);
    };
    sock.setTimeout(timeoutMs, () => done(new Error('timeout')));
    sock.once('error', (e) => done(e));
    sock.once('connect', () => sock.write(cmd + '\r\n'));
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const nl = buf.indexOf('\r\n');
      if (nl < 0) return;
      const head = buf.subarray(0, nl).toString();
      if (head[0] === '+' || head[0] === ':') return done(null, head.slice(1));
      if (head[0] === '-') return done(new Error(head.slice(1)));
      if (head[0] === '$') {
        const len = Number(head.slice(1));
        if (len < 0) return done(null, null);
        if (buf.length >= nl + 2 + len) done(null, buf.subarray(nl + 2, nl + 2 + len).toString());
        return;
      }
      done(new Error(`unexpected reply ${head}`));
    });
  });
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts (or reuses) Redis.
 * @param {object} o
 * @param {string} o.dataDir   folder for its append-only file and log
 * @param {number} [o.port]    preferred port (a free one is picked when it is taken)
 * @param {string|null} [o.url] external server; defaults to process.env.REDIS_URL
 * @param {(line: string) => void} [o.print]
 * @returns {Promise<{url: string, stop: () => Promise<void>, pid?: number, exited?: Promise<object>, external: boolean}>}
 */
async function startRedis({ dataDir, port, url = process.env.REDIS_URL, print = (l) => process.stderr.write(l + '\n') }) {
  if (url) {
    print('[redis] using REDIS_URL (no server started)');
    return { url, stop: async () => {}, external: true };
  }
  if (!dataDir) throw new Error('startRedis: dataDir is required');
  const startedAt = Date.now();
  const bin = findRedisServer(print);
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(dataDir, 'redis.log');
  // Two servers on one append-only file would corrupt it: redis.pid marks ours.
  const pidFile = path.join(dataDir, 'redis.pid');
  if (fs.existsSync(pidFile)) {
    const old = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(old) && old > 0 && redisPids().includes(old)) {
      throw userError(
        `redis-server already runs on ${dataDir} (pid ${old}): another run uses this data folder, or a killed ` +
          `run left it behind (then stop it: kill ${old}). Or use another data folder.`,
      );
    }
    fs.rmSync(pidFile, { force: true });
  }

  let chosen = await freePort(port);
  for (let attempt = 1; ; attempt++) {
    const logSize = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const child = spawn(
      bin,
      ['--bind', HOST, '--port', String(chosen), '--dir', dataDir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', logFile, '--pidfile', pidFile],
      // Own process group: a Ctrl-C reaches the runner, which stops us in order.
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Anything printed before the log file is open (bad arguments...) goes to the log too.
    const early = fs.createWriteStream(logFile, { flags: 'a', mode: 0o600 });
    child.stdout.pipe(early, { end: false });
    child.stderr.pipe(early, { end: false });
    let exitInfo = null;
    const exited = new Promise((resolve) => {
      child.once('error', (error) => resolve((exitInfo = exitInfo || { code: 127, signal: null, error })));
      child.once('exit', (code, signal) => resolve((exitInfo = exitInfo || { code, signal })));
    });
    exited.then(() => early.end());
    const pid = child.pid;

    const stop = async () => {
      if (!exitInfo && pid) {
        // SIGTERM: redis flushes the append-only file and exits.
        for (const [sig, ms] of [['SIGTERM', 10000], ['SIGKILL', 3000]]) {
          try {
            process.kill(-pid, sig);
          } catch {
            try {
              process.kill(pid, sig);
            } catch {
              break;
            }
          }
          if (await within(exited, ms)) break;
          print(`[redis] redis-server (pid ${pid}) still running after ${sig}`);
        }
      }
      for (let i = 0; i < 20 && pid && isAlive(-pid); i++) await sleep(100);
    };

    // Wait for PONG (it answers -LOADING while it replays the append-only file).
    const deadline = Date.now() + 30000;
    let ready = false;
    let version = '?';
    while (!exitInfo && Date.now() < deadline) {
      try {
        if ((await command(chosen, 'PING')) === 'PONG') {
          ready = true;
          break;
        }
      } catch {
        /* not yet */
      }
      await sleep(50);
    }
    if (ready) {
      try {
        const info = await command(chosen, 'INFO server');
        version = (/redis_version:(\S+)/.exec(info) || [])[1] || version;
      } catch {
        /* cosmetic */
      }
      print(
        `[redis] Redis ${version} on ${HOST}:${chosen} (pid ${pid}), append-only file in ${dataDir}, log ${logFile} ` +
          `[${((Date.now() - startedAt) / 1000).toFixed(1)}s]`,
      );
      return { name: 'redis', url: `redis://${HOST}:${chosen}`, port: chosen, pid, exited, stop, external: false };
    }
    await stop();
    const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(logSize) : '';
    if (/Address already in use|Could not create server TCP listening socket/i.test(out) && attempt < 4) {
      chosen = await freePort(undefined, { avoid: [chosen] });
      continue;
    }
    if (exitInfo && exitInfo.error) throw new Error(`could not run ${bin}: ${exitInfo.error.message}`);
    throw new Error(`redis-server did not start${exitInfo ? '' : ' within 30 s'}; see ${logFile}:\n${tail(logFile)}`);
  }
}

module.exports = { startRedis, MISSING };
