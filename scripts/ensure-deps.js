#!/usr/bin/env node
// Runs `npm install` when node_modules is missing or the lockfile changed since
// the last install. Plain Node, no dependencies: it runs before any exist.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.regula-deps-stamp');

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

process.stderr.write('[regula] installing dependencies (npm install)...\n');
// npm ci is not used: it fails against this registry (optional platform
// packages are missing from it), while npm install tolerates that.
const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (r.status !== 0) {
  process.stderr.write('[regula] npm install failed\n');
  process.exit(r.status || 1);
}
if (!existsSync(lock)) process.exit(0);
writeFileSync(stamp, fingerprint() + '\n');
