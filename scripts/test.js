#!/usr/bin/env node
// `npm test [-- <jest args>]`: type check and lint, then Jest against throw-away services.
//
// PostgreSQL and Redis are started in a fresh temporary folder, used by this run
// only, stopped by pid and deleted at the end, also on failure or Ctrl-C. The
// database regula_test is migrated and synced (`regula db migrate`, `regula
// tenants sync`) and handed to the suites as their template
// (REGULA_TEST_TEMPLATE_DB); DATABASE_URL is its superuser URL. DATABASE_URL / REDIS_URL from the environment are NOT used
// (tests must never touch a developer's database); to test against servers of
// your own, set TEST_DATABASE_URL / TEST_REDIS_URL.
// Exit code: the type checker's or the linter's when one fails, else Jest's (130 after Ctrl-C).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Supervisor } = require('./lib/processes');
const { startPostgres } = require('./lib/postgres');
const { startRedis } = require('./lib/redis');
const { freePort, HOST } = require('./lib/ports');
const { randomSecrets } = require('./lib/secrets');

const root = path.resolve(__dirname, '..');
const TEMPLATE_DB = 'regula_test';
const sup = new Supervisor({ name: 'test' }).installHandlers(); // 130 after Ctrl-C, 143 after SIGTERM

// The run's cluster is deleted at the end, so nothing is gained by forcing each commit to the disk:
// without fsync a commit still reaches the operating system (it survives a killed PostgreSQL, which
// is all a test can do to it) but does not wait for the disk, which here takes about 6 ms a flush and
// left the suites waiting on it. `npm start` and `npm run bench` keep PostgreSQL's durable defaults.
const THROWAWAY_CLUSTER = { fsync: 'off', full_page_writes: 'off' };

/** Absolute path of the JS file behind a package's bin entry (run with `node`, no npx/sh in between). */
function binOf(pkg, name) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] }));
  const bin = require(path.join(dir, 'package.json')).bin;
  return path.join(dir, typeof bin === 'string' ? bin : bin[name]);
}

function userError(message) {
  const e = new Error(message);
  e.userFacing = true;
  return e;
}

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const timings = [];
function phase(name, startedAt) {
  if (sup.stopping) return;
  const ms = Date.now() - startedAt;
  timings.push(`${name} ${secs(ms)}`);
  sup.log(`${name}: ${secs(ms)}`);
}

async function main() {
  const t0 = Date.now();
  let jestArgs = process.argv.slice(2);
  if (jestArgs[0] === '--') jestArgs = jestArgs.slice(1);
  const workersGiven = jestArgs.some((a) => /^(-w|--maxWorkers|-i|--runInBand)(=|$)/.test(a));
  if (!workersGiven) jestArgs.unshift('--maxWorkers=2');

  // The temp folder is registered first, so it is removed last (after the servers stopped).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regula-test-'));
  fs.chmodSync(tmp, 0o711); // when root, postgres runs as the `postgres` user and must enter it
  sup.add({ name: 'temp folder', stop: async () => fs.rmSync(tmp, { recursive: true, force: true }) });

  // The type check and the lint (`npm run lint`: eslint.config.js, the structure rules of
  // docs/ARCHITECTURE.md) run in parallel with the services: when either fails, Jest is not run.
  // REGULA_SKIP_TYPECHECK=1 skips both for a quick subset run while another change is half-written
  // (ts-jest compiles without type checking); `npm test` and CI always type-check and lint.
  const skipTypecheck = process.env.REGULA_SKIP_TYPECHECK === '1';
  sup.log(skipTypecheck ? 'services, migrations (type check and lint skipped: REGULA_SKIP_TYPECHECK=1)...' : 'type check (tsc -p tsconfig.json --noEmit), lint (eslint), services, migrations...');
  /** Runs a checking tool unless skipped; resolves to its exit status. */
  const check = (name, label, args) => {
    if (skipTypecheck) return Promise.resolve({ code: 0 });
    const startedAt = Date.now();
    return sup.run(name, process.execPath, args, { cwd: root, output: 'inherit' }).then((r) => {
      phase(r.code === 0 ? label : `${label} (failed)`, startedAt);
      return r;
    });
  };
  const checks = Promise.all([
    check('tsc', 'type check', [binOf('typescript', 'tsc'), '-p', 'tsconfig.json', '--noEmit']),
    check('eslint', 'lint', [binOf('eslint', 'eslint')]),
  ]);

  // Services, then the migrations and the tenant sync into the template database
  // (each suite copies it: CREATE DATABASE ... TEMPLATE regula_test).
  const prep = (async () => {
    const svcStart = Date.now();
    const [pg, redis] = await Promise.all([
      sup.track(
        startPostgres({ dataDir: path.join(tmp, 'postgres'), database: TEMPLATE_DB, url: process.env.TEST_DATABASE_URL || null, settings: THROWAWAY_CLUSTER }).then((r) =>
          sup.add({ ...r, name: 'postgres', critical: !r.external }),
        ),
      ),
      sup.track(
        startRedis({ dataDir: path.join(tmp, 'redis'), url: process.env.TEST_REDIS_URL || null }).then((r) =>
          sup.add({ ...r, name: 'redis', critical: !r.external }),
        ),
      ),
    ]);
    phase('services', svcStart);
    const env = {
      ...process.env,
      ...randomSecrets(),
      NODE_ENV: 'test',
      DATABASE_URL: pg.url,
      REGULA_TEST_TEMPLATE_DB: TEMPLATE_DB,
      REDIS_URL: redis.url,
      // Signed audit checkpoints of processes that do not choose their own folder (suites give each database its own).
      AUDIT_CHECKPOINT_DIR: path.join(tmp, 'audit-checkpoints'),
      // The run's folder: what suites share within a run (the API's OpenAPI document, test/support/api-harness.ts).
      REGULA_TEST_RUN_DIR: tmp,
      HOST,
      PORT: String(await freePort()),
    };
    delete env.DATABASE_APP_URL; // derived from DATABASE_URL + DATABASE_APP_PASSWORD
    const dbStart = Date.now();
    for (const cmd of [['db', 'migrate'], ['tenants', 'sync']]) {
      if (sup.stopping) return null;
      const r = await sup.run(cmd.join(' '), process.execPath, [path.join(__dirname, 'regula.js'), ...cmd], { cwd: root, env });
      if (sup.stopping) return null;
      if (r.code !== 0) throw userError(`regula ${cmd.join(' ')} failed (exit code ${r.code === null ? r.signal : r.code})`);
    }
    phase('db migrate + tenants sync', dbStart);
    return env;
  })();
  prep.catch(() => {}); // handled below, after the type check and the lint

  const [tc, lint] = await checks;
  if (sup.stopping) return;
  const failed = [tc.code !== 0 && 'type check', lint.code !== 0 && 'lint'].filter(Boolean);
  if (failed.length) {
    sup.log(`${failed.join(' and ')} failed: not running Jest`);
    return sup.shutdown((tc.code !== 0 ? tc.code : lint.code) || 1);
  }
  let env;
  try {
    env = await prep;
  } catch (e) {
    sup.log(e && e.userFacing ? e.message : `could not prepare the test services: ${e && e.message ? e.message : e}`);
    return sup.shutdown(1);
  }
  if (!env || sup.stopping) return;

  const jestStart = Date.now();
  sup.log(`jest ${jestArgs.join(' ')}`);
  const results = path.join(tmp, 'jest-results.json');
  const jest = await sup.run('jest', process.execPath, [binOf('jest', 'jest'), ...jestArgs, '--json', `--outputFile=${results}`], { cwd: root, env, output: 'inherit' });
  if (sup.stopping) return;
  phase('jest', jestStart);
  const code = jest.code === null ? 1 : jest.code;
  const counts = readCounts(results); // before stopAll, which deletes the temp folder
  const stopStart = Date.now();
  await sup.stopAll();
  timings.push(`stop ${secs(Date.now() - stopStart)}`, `total ${secs(Date.now() - t0)}`);
  sup.log(`${code === 0 ? 'passed' : `failed (jest exit code ${code})`} [${timings.join(', ')}]`);
  // The plain closing line CI reads (synchronous: stdout to a pipe is asynchronous).
  if (counts) fs.writeSync(1, `\ntests: ${counts}\n`);
  process.exit(code);
}

/** "N passed, N failed, N skipped" from Jest's JSON results, or null if it wrote none. */
function readCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`;
  } catch {
    return null;
  }
}

main().catch((e) => {
  sup.log(e && e.userFacing ? e.message : `error: ${e && e.stack ? e.stack : e}`);
  sup.shutdown(1);
});
