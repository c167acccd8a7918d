#!/usr/bin/env node
// Runs `npm install` when node_modules is missing or the lockfile changed since
// the last install. Plain Node, no dependencies: it runs before any exist.
// The install takes about a minute and npm prints nothing until it ends: a line
// every 15 s says it is still running.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { npmCommand } = require('./lib/npm');
const { step } = require('./lib/progress');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.regula-deps-stamp');
const log = (line) => process.stderr.write(`[regula] ${line}\n`);

function fingerprint() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(root, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  return h.digest('hex');
}

const wanted = fingerprint();
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (existsSync(path.join(root, 'node_modules')) && have === wanted) process.exit(0);

const install = step(log, 'installing dependencies (npm install)');
// npm ci is not used: it fails against this registry (optional platform
// packages are missing from it), while npm install tolerates that.
const [npm, args] = npmCommand(['install', '--no-audit', '--no-fund']);
const child = spawn(npm, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
child.on('error', (e) => {
  install.stop();
  log(`could not run npm: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== 0) {
    install.stop();
    log(`npm install failed (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    process.exit(code || 1);
  }
  install.done();
  if (existsSync(lock)) writeFileSync(stamp, fingerprint() + '\n');
});
