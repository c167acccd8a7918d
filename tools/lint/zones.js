// @ts-check
// Where a file lives and where an import points, in the repository's terms:
// a lib (libs/<name>), tenants/, an app (apps/<name>), test/, or a package.
// The import rules compare the two.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * @typedef {{ kind: 'lib', name: string } | { kind: 'tenants' } | { kind: 'app', name: string } | { kind: 'test' } | { kind: 'other' }} Zone
 * @typedef {Zone & { via: 'alias' | 'relative', deep: string | null }} Target
 *   `deep`: the path after `@regula/<name>/` of an alias import (null for the index).
 */

/**
 * The zone of an absolute path.
 * @param {string} file
 * @returns {Zone}
 */
function zoneOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === 'libs' && parts.length > 2) return { kind: 'lib', name: parts[1] };
  if (parts[0] === 'tenants' && parts.length > 1) return { kind: 'tenants' };
  if (parts[0] === 'apps' && parts.length > 2) return { kind: 'app', name: parts[1] };
  if (parts[0] === 'test' && parts.length > 1) return { kind: 'test' };
  return { kind: 'other' };
}

/**
 * Where an import specifier of `fromFile` points; null for a package.
 * @param {string} specifier
 * @param {string} fromFile
 * @returns {Target | null}
 */
function targetOf(specifier, fromFile) {
  const alias = /^@regula\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (alias) {
    const deep = alias[2] ?? null;
    if (alias[1] === 'tenants') return { kind: 'tenants', via: 'alias', deep };
    return { kind: 'lib', name: alias[1], via: 'alias', deep };
  }
  if (specifier.startsWith('.')) {
    return { ...zoneOf(path.resolve(path.dirname(fromFile), specifier)), via: 'relative', deep: null };
  }
  return null;
}

/** @param {Zone} a @param {Zone} b */
function sameZone(a, b) {
  return a.kind === b.kind && ('name' in a ? a.name : '') === ('name' in b ? b.name : '');
}

/** @param {Zone} z */
function describe(z) {
  switch (z.kind) {
    case 'lib':
      return `libs/${z.name}`;
    case 'app':
      return `apps/${z.name}`;
    case 'other':
      return 'a file outside apps, libs, tenants and test';
    default:
      return `${z.kind}/`;
  }
}

/** A spec file (unit specs next to the code, and test/ suites). */
const isSpec = (/** @type {string} */ file) => /\.(e2e-)?spec\.ts$/.test(file);

module.exports = { ROOT, zoneOf, targetOf, sameZone, describe, isSpec };
