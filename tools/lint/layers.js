// @ts-check
// The layer table: for each lib, the libs it may import (through their index.ts).
// It is the one statement of which lib sits above which: the `regula/layers` lint
// rule enforces it, `docs/ARCHITECTURE.md` prints it (a spec checks they agree), and
// it is checked for cycles when it is loaded, so an edge that would close a loop is
// refused before any file is linted.
'use strict';

/** @type {Readonly<Record<string, readonly string[]>>} */
const LAYERS = Object.freeze({
  // Ground floor: mechanisms and the pure engine import nothing of Regula.
  platform: [],
  engine: [],
  tenancy: ['platform'],
  audit: ['platform', 'tenancy'],
  mail: ['platform', 'tenancy', 'audit'],
  registers: ['engine', 'platform', 'tenancy', 'audit'],
  auth: ['platform', 'tenancy', 'audit', 'mail'],
  subjects: ['engine', 'platform', 'tenancy', 'audit', 'registers'],
  ingest: ['engine', 'platform', 'tenancy', 'audit', 'registers', 'subjects'],
  requests: ['engine', 'platform', 'tenancy', 'audit', 'mail', 'registers', 'subjects', 'ingest'],
  sla: ['platform', 'tenancy', 'audit', 'mail', 'registers', 'requests'],
  consent: ['engine', 'platform', 'tenancy', 'audit', 'registers', 'subjects', 'ingest'],
  retention: ['engine', 'platform', 'tenancy', 'audit', 'registers', 'subjects', 'ingest'],
  breaches: ['engine', 'platform', 'tenancy', 'audit', 'mail', 'registers'],
  policies: ['engine', 'platform', 'tenancy', 'audit', 'mail', 'registers', 'subjects', 'ingest'],
  exports: ['engine', 'platform', 'tenancy', 'audit', 'breaches', 'policies', 'registers', 'requests', 'retention'],
  onboarding: ['engine', 'platform', 'tenancy', 'audit', 'auth', 'registers'],
});

/** What `tenants/` may import: the definitions are data typed by the engine. */
const TENANTS_MAY_IMPORT = Object.freeze(['engine']);

/**
 * Throws when the table names a lib it does not define or has a cycle, naming
 * the cycle (`a → b → a`). Returns the libs bottom-up (each after all it imports).
 * @param {Readonly<Record<string, readonly string[]>>} table
 * @returns {string[]}
 */
function checkLayers(table) {
  for (const [lib, deps] of Object.entries(table)) {
    for (const dep of deps) {
      if (dep === lib) throw new Error(`layer table: ${lib} lists itself`);
      if (!Object.hasOwn(table, dep)) throw new Error(`layer table: ${lib} may import ${dep}, which has no row of its own`);
    }
  }
  /** @type {Map<string, 'visiting' | 'done'>} */
  const state = new Map();
  /** @type {string[]} */
  const order = [];
  /** @param {string} lib @param {string[]} path */
  const visit = (lib, path) => {
    const s = state.get(lib);
    if (s === 'done') return;
    if (s === 'visiting') {
      const loop = [...path.slice(path.indexOf(lib)), lib];
      throw new Error(`layer table has a cycle: ${loop.join(' → ')}`);
    }
    state.set(lib, 'visiting');
    for (const dep of table[lib]) visit(dep, [...path, lib]);
    state.set(lib, 'done');
    order.push(lib);
  };
  for (const lib of Object.keys(table)) visit(lib, []);
  return order;
}

checkLayers(LAYERS);

module.exports = { LAYERS, TENANTS_MAY_IMPORT, checkLayers };
