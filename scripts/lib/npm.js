'use strict';
const fs = require('node:fs');

/** `npm` as run by npm itself when we run under an npm script, else `npm` from PATH: [command, args]. */
function npmCommand(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli) && fs.existsSync(cli)) return [process.execPath, [cli, ...args]];
  return ['npm', args];
}

module.exports = { npmCommand };
