// @ts-check
// One door per lib: from outside a lib, only its index.ts (`@regula/<lib>`);
// inside it, its own files by relative path, never through its own index
// (which re-exports the importing file: a cycle). `@regula/tenants` likewise.
// A lib's fixtures have a second door, `@regula/<lib>/testing` (src/testing.ts),
// open to specs and test/ only.
'use strict';
const { importVisitors } = require('../imports');
const { zoneOf, targetOf, sameZone, describe, isSpec } = require('../zones');

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'a lib (and tenants/) is imported only through its index.ts, and never by itself through it' },
    schema: [],
    messages: {
      deep: "import '{{door}}' (its index.ts), not '{{specifier}}': export what you need from {{zone}}/index.ts (docs/ARCHITECTURE.md, Layers)",
      selfDeep: "'{{specifier}}' is this lib's own file: import it by relative path",
      selfIndex: "'{{specifier}}' is this file's own lib: import the file you need by relative path (the index re-exports this file, a cycle)",
      relative: "'{{specifier}}' reaches into {{zone}} by path: import '{{door}}' (its index.ts)",
      testing: "'{{specifier}}' holds test fixtures: only specs and test/ may import it",
    },
  },
  create(context) {
    const from = zoneOf(context.filename);
    return importVisitors((node, specifier) => {
      const target = targetOf(specifier, context.filename);
      if (!target || (target.kind !== 'lib' && target.kind !== 'tenants')) return;
      const inside = sameZone(from, target);
      const door = target.kind === 'lib' ? `@regula/${target.name}` : '@regula/tenants';
      const data = { specifier, door, zone: target.kind === 'lib' ? describe(target) : 'tenants' };
      if (target.via === 'alias' && target.kind === 'lib' && target.deep === 'testing') {
        if (!(isSpec(context.filename) || from.kind === 'test')) context.report({ node, messageId: 'testing', data });
      } else if (target.via === 'alias') {
        if (inside) context.report({ node, messageId: target.deep ? 'selfDeep' : 'selfIndex', data });
        else if (target.deep) context.report({ node, messageId: 'deep', data });
      } else if (!inside) {
        context.report({ node, messageId: 'relative', data });
      }
    });
  },
};
