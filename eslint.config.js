// @ts-check
// `npm run lint` (also run by `npm test`, which lints what `eslint` with no
// arguments lints: the files this configuration names). The TypeScript of apps,
// libs, tenants, test and bench gets the structure rules of docs/ARCHITECTURE.md
// ("Layers": one door per lib, the layer table, no HTTP exceptions in libs),
// file-level import cycles and a few correctness rules; the tooling's JavaScript
// the correctness rules. Style is not linted here.
'use strict';
const path = require('node:path');
const tseslint = require('typescript-eslint');
const regula = require('./tools/lint/plugin');

/** Mistakes no style guide is needed to call mistakes; the tree has none of them. */
const CORE_CORRECTNESS = {
  'no-async-promise-executor': 'error',
  'no-compare-neg-zero': 'error',
  'no-cond-assign': 'error',
  'no-constant-binary-expression': 'error',
  'no-debugger': 'error',
  'no-dupe-else-if': 'error',
  'no-duplicate-case': 'error',
  'no-loss-of-precision': 'error',
  'no-self-assign': 'error',
  'no-self-compare': 'error',
  'no-unsafe-finally': 'error',
  'no-unsafe-negation': 'error',
  'no-unsafe-optional-chaining': 'error',
  'no-unused-private-class-members': 'error',
  'use-isnan': 'error',
  'valid-typeof': 'error',
};
const TS_CORRECTNESS = {
  ...CORE_CORRECTNESS,
  '@typescript-eslint/ban-ts-comment': 'error',
  '@typescript-eslint/no-non-null-asserted-optional-chain': 'error',
  // A focused or skipped test passes a run that did not test everything.
  'no-restricted-properties': ['error', ...['describe', 'it', 'test'].flatMap((object) => ['only', 'skip'].map((property) => ({ object, property, message: 'a focused or skipped test hides the others: run a subset with npm test -- <path>, and fix or delete a test rather than skip it' })))],
};

/** @type {import('eslint').Linter.Config[]} */
module.exports = [
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  {
    files: ['{apps,libs,tenants,test,bench}/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regula, '@typescript-eslint': tseslint.plugin },
    rules: {
      ...TS_CORRECTNESS,
      'regula/one-door': 'error',
      'regula/layers': 'error',
      // Between libs the layer table already rules cycles out; this finds them
      // between files (within a lib or an app, or through a lib's index.ts).
      // Type-only imports (`import type`) are not followed (tools/lint/import-graph.js).
      'regula/no-cycle': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'regula/no-http-exceptions': 'error' },
  },
  {
    files: ['*.js', '{scripts,tools}/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' },
    rules: CORE_CORRECTNESS,
  },
];
