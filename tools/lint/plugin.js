// @ts-check
// Regula's own lint rules: the structure docs/ARCHITECTURE.md describes ("Layers").
'use strict';

/** @type {import('eslint').ESLint.Plugin} */
module.exports = {
  meta: { name: 'regula' },
  rules: {
    'one-door': require('./rules/one-door'),
    layers: require('./rules/layers'),
    'no-http-exceptions': require('./rules/no-http-exceptions'),
    'no-cycle': require('./rules/no-cycle'),
  },
};
