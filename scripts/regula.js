#!/usr/bin/env node
// `npm run -s regula -- <command> ...`: runs the CLI (apps/cli) from source.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const r = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(root, 'apps/cli/src/main.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') } },
);
process.exit(r.status === null ? 1 : r.status);
