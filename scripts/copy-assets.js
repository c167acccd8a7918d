#!/usr/bin/env node
// Part of `npm run build`: copies the non-TypeScript files the apps read at run
// time (Handlebars templates, message catalogues, static CSS/images) from
// apps/, libs/ and tenants/ into dist/, at the same relative paths.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ASSET = /\.(hbs|css|svg|png|ico|woff2)$|[/\\](i18n|assets)[/\\][^/\\]+\.json$/;
let copied = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full);
    } else if (ASSET.test(full)) {
      const target = path.join(root, 'dist', path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      copied++;
    }
  }
}

for (const top of ['apps', 'libs', 'tenants']) walk(path.join(root, top));
process.stderr.write(`[build] ${copied} asset file(s) copied into dist/\n`);
