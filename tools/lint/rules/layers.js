// @ts-check
// Who may import whom: a lib only the libs its row of the layer table names
// (tools/lint/layers.js), tenants/ only the engine, no lib or tenant an app or
// test/. Specs may also read @regula/tenants as fixtures.
'use strict';
const { importVisitors } = require('../imports');
const { LAYERS, TENANTS_MAY_IMPORT } = require('../layers');
const { zoneOf, targetOf, sameZone, describe, isSpec } = require('../zones');

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'libs import only the libs the layer table allows; tenants only the engine; neither an app nor test/' },
    schema: [],
    messages: {
      edge: "{{from}} may not import '{{specifier}}': the layer table (tools/lint/layers.js) lets {{lib}} import {{allowed}}",
      unknownLib: '{{from}} has no row in the layer table (tools/lint/layers.js): add one naming the libs it may import',
      tenants: "{{from}} may import '@regula/tenants' only in specs (as fixtures): production code gets a tenant's definition from the database",
      tenantsEdge: "tenants/ may import only {{allowed}}, not '{{specifier}}'",
      app: "{{from}} may not import '{{specifier}}': apps compose the libs, never the other way round",
      test: "{{from}} may not import '{{specifier}}' from test/",
    },
  },
  create(context) {
    const from = zoneOf(context.filename);
    if (from.kind !== 'lib' && from.kind !== 'tenants') return {};
    const spec = isSpec(context.filename);
    const list = (/** @type {readonly string[]} */ libs) => (libs.length ? libs.join(', ') : 'nothing of Regula');
    return importVisitors((node, specifier) => {
      const target = targetOf(specifier, context.filename);
      if (!target || sameZone(from, target)) return;
      const data = { from: describe(from), specifier };
      if (target.kind === 'app') return context.report({ node, messageId: 'app', data });
      if (target.kind === 'test') return context.report({ node, messageId: 'test', data });
      if (from.kind === 'tenants') {
        if (target.kind !== 'lib' || !TENANTS_MAY_IMPORT.includes(target.name)) {
          context.report({ node, messageId: 'tenantsEdge', data: { ...data, allowed: list(TENANTS_MAY_IMPORT) } });
        }
        return;
      }
      if (target.kind === 'tenants') {
        if (!spec) context.report({ node, messageId: 'tenants', data });
        return;
      }
      if (target.kind !== 'lib') return;
      const allowed = LAYERS[from.name];
      if (!allowed) return context.report({ node, messageId: 'unknownLib', data });
      if (!allowed.includes(target.name)) context.report({ node, messageId: 'edge', data: { ...data, lib: from.name, allowed: list(allowed) } });
    });
  },
};
