// @ts-check
// Every way a file names another module: import/export ... from, import(),
// `import x = require()` and require(). The import rules share these visitors.
'use strict';

/**
 * ESLint visitors calling `check(node, specifier)` for each module specifier
 * written as a string literal (a computed import() is not followed).
 * @param {(node: any, specifier: string) => void} check
 */
function importVisitors(check) {
  /** @param {any} node @param {any} source */
  const literal = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') check(node, source.value);
  };
  return {
    /** @param {any} node */
    ImportDeclaration: (node) => literal(node, node.source),
    /** @param {any} node */
    ExportNamedDeclaration: (node) => literal(node, node.source),
    /** @param {any} node */
    ExportAllDeclaration: (node) => literal(node, node.source),
    /** @param {any} node */
    ImportExpression: (node) => literal(node, node.source),
    /** @param {any} node */
    TSExternalModuleReference: (node) => literal(node, node.expression),
    /** @param {any} node */
    'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) => literal(node, node.arguments[0]),
  };
}

module.exports = { importVisitors };
