#!/usr/bin/env node
// `npm run bench [-- <name>]`: runs each bench/*.bench.ts (or those whose name
// contains <name>) against throw-away services, like `npm test`: PostgreSQL and
// Redis in a fresh temporary folder, migrated and synced, stopped by pid and
// deleted at the end. Benchmarks run from source (scripts/lib/transpile-cache.js, no
// type check) with tsconfig-paths, one after another, each in its own process.
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
const DB = 'regula_bench';
const sup = new Supervisor({ name: 'bench' }).installHandlers();

async function main() {
  let filter = process.argv.slice(2).filter((a) => a !== '--')[0] || '';
  const benches = fs
    .readdirSync(path.join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  if (!benches.length) {
    sup.log(`no bench/*.bench.ts${filter ? ` matching "${filter}"` : ''}`);
    return sup.shutdown(1);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regula-bench-'));
  fs.chmodSync(tmp, 0o711); // when root, postgres runs as the `postgres` user and must enter it
  sup.add({ name: 'temp folder', stop: async () => fs.rmSync(tmp, { recursive: true, force: true }) });

  const [pg, redis] = await Promise.all([
    sup.track(startPostgres({ dataDir: path.join(tmp, 'postgres'), database: DB, url: process.env.BENCH_DATABASE_URL || null }).then((r) => sup.add({ ...r, name: 'postgres', critical: !r.external }))),
    sup.track(startRedis({ dataDir: path.join(tmp, 'redis'), url: process.env.BENCH_REDIS_URL || null }).then((r) => sup.add({ ...r, name: 'redis', critical: !r.external }))),
  ]);
  const env = { ...process.env, ...randomSecrets(), NODE_ENV: 'test', DATABASE_URL: pg.url, REDIS_URL: redis.url, HOST, PORT: String(await freePort()) };
  delete env.DATABASE_APP_URL;
  for (const cmd of [['db', 'migrate'], ['tenants', 'sync']]) {
    if (sup.stopping) return;
    const r = await sup.run(cmd.join(' '), process.execPath, [path.join(__dirname, 'regula.js'), ...cmd], { cwd: root, env });
    if (r.code !== 0) {
      sup.log(`regula ${cmd.join(' ')} failed (exit code ${r.code === null ? r.signal : r.code})`);
      return sup.shutdown(1);
    }
  }

  let code = 0;
  for (const file of benches) {
    if (sup.stopping) return;
    sup.log(`${file}`);
    const args = ['--enable-source-maps', '-r', path.join(__dirname, 'lib', 'transpile-cache.js'), '-r', 'tsconfig-paths/register', path.join('bench', file)];
    const r = await sup.run(file, process.execPath, args, { cwd: root, env: { ...env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') }, output: 'inherit' });
    if (r.code !== 0) code = r.code || 1;
  }
  if (sup.stopping) return;
  await sup.stopAll();
  process.exit(code);
}

main().catch((e) => {
  sup.log(`error: ${e && e.stack ? e.stack : e}`);
  sup.shutdown(1);
});
