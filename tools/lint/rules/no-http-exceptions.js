// @ts-check
// Libs raise domain errors (libs/platform/src/errors/domain-errors.ts); only the
// apps speak HTTP (apps/api/src/common/http-error.ts maps the errors to statuses).
// So a lib neither imports Nest's HTTP exceptions nor throws one.
'use strict';
const common = require('@nestjs/common');
const { HttpException } = common;

/** Every HTTP exception class @nestjs/common exports, read from the package (no list to keep up to date). */
const HTTP_EXCEPTIONS = new Set(
  Object.keys(common).filter((name) => {
    const value = /** @type {Record<string, unknown>} */ (common)[name];
    return typeof value === 'function' && (value === HttpException || value.prototype instanceof HttpException);
  }),
);

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: "libs throw domain errors, not Nest's HTTP exceptions" },
    schema: [],
    messages: {
      imported: "'{{name}}' is an HTTP exception: a lib raises a domain error of @regula/platform (NotFoundError, ConflictError, InvalidInputError, ...) and the API maps it to a status",
      thrown: "throwing '{{name}}', an HTTP exception: a lib raises a domain error of @regula/platform (NotFoundError, ConflictError, InvalidInputError, ...)",
    },
  },
  create(context) {
    /** The class name a `new` expression constructs: `X` or `ns.X`. @param {any} callee */
    const nameOf = (callee) => (callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : null);
    return {
      /** @param {any} node */
      ImportDeclaration(node) {
        if (!String(node.source.value).startsWith('@nestjs/common')) return;
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && HTTP_EXCEPTIONS.has(s.imported.name)) {
            context.report({ node: s, messageId: 'imported', data: { name: s.imported.name } });
          }
        }
      },
      /** @param {any} node */
      'ThrowStatement > NewExpression'(node) {
        const name = nameOf(node.callee);
        if (name && HTTP_EXCEPTIONS.has(name)) context.report({ node, messageId: 'thrown', data: { name } });
      },
    };
  },
};

module.exports.HTTP_EXCEPTIONS = HTTP_EXCEPTIONS;
