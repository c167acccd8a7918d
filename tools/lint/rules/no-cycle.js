// @ts-check
// No import cycles between files (within a lib or an app, or through a lib's
// index.ts): between libs the layer table already rules them out. A file's value
// imports are read from the text being linted; the rest of the repository's graph
// from the disk, once per lint run (tools/lint/import-graph.js says what is followed).
'use strict';
const path = require('node:path');
const { ROOT } = require('../zones');
const { importsOf, reaching, resolveImport } = require('../import-graph');

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'no file imports (values, not types) a file that leads back to it' },
    schema: [],
    messages: {
      cycle: "'{{specifier}}' leads back to this file: {{path}} (break the cycle: move what both need into a file of its own, or import only types with `import type`)",
    },
  },
  create(context) {
    const file = context.filename;
    if (!path.isAbsolute(file) || !file.endsWith('.ts')) return {};
    return {
      Program() {
        const source = context.sourceCode;
        /** @type {Map<string, string> | null} */
        let back = null;
        for (const { specifier, pos } of importsOf(file, source.text)) {
          const target = resolveImport(specifier, file);
          if (!target) continue;
          back ??= reaching(file);
          if (target !== file && !back.has(target)) continue;
          const steps = [file, target];
          for (let at = target; at !== file; ) {
            at = /** @type {string} */ (back.get(at));
            steps.push(at);
          }
          const loc = source.getLocFromIndex(pos);
          context.report({ loc: { start: loc, end: loc }, messageId: 'cycle', data: { specifier, path: steps.map((f) => path.relative(ROOT, f)).join(' → ') } });
        }
      },
    };
  },
};
