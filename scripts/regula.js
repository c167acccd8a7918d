#!/usr/bin/env node
// `npm run -s regula -- <command> ...`: runs the CLI (apps/cli) from source, compiled through
// the shared transpile cache (scripts/lib/transpile-cache.js).
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const r = spawnSync(
  process.execPath,
  ['--enable-source-maps', '-r', path.join(__dirname, 'lib', 'transpile-cache.js'), '-r', 'tsconfig-paths/register', path.join(root, 'apps/cli/src/main.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') } },
);
process.exit(r.status === null ? 1 : r.status);
