'use strict';
// Preloaded (`node -r scripts/lib/transpile-cache.js -r tsconfig-paths/register app.ts`)
// by every process that runs the TypeScript sources without a build: the CLI
// (`scripts/regula.js`, so also `npm test`'s migrations and tenant sync), the
// benchmarks, and the API and worker processes tests start. Each .ts file is compiled
// as ts-node's transpile-only mode compiles it (TypeScript's transpileModule with
// tsconfig.json's options, no type check: `npm test` type-checks) and the output is
// kept in a folder, keyed by the file's path within the checkout, its content, the
// compiler's version and tsconfig.json. So the second process of a run, and a copy
// of the checkout elsewhere, compile nothing: loading the CLI's modules from the
// folder takes about a quarter of the CPU time of compiling them.
//
// The folder: REGULA_TRANSPILE_CACHE, else `regula-transpile-cache-<uid>` in the
// system's temporary folder. It must be this user's own and writable by no one else
// (what is in it is run): otherwise files are compiled and not kept. What has not been
// used for a month is deleted (transpile-cache-prune.js).
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pruneOnceADay, readAndKeep } = require('./transpile-cache-prune');

const root = path.resolve(__dirname, '..', '..');
const uid = typeof process.getuid === 'function' ? process.getuid() : null;
const dir = process.env.REGULA_TRANSPILE_CACHE || path.join(os.tmpdir(), `regula-transpile-cache-${uid ?? 'user'}`);

/** The folder, made if missing; null when it is not safe to run what it holds. */
function usableFolder() {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== null && st.uid !== uid) || (st.mode & 0o022) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}
const folder = usableFolder();
if (folder) {
  try {
    pruneOnceADay(folder);
  } catch {
    // another process is pruning, or the folder went away: compiling still works
  }
}

const tsconfig = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
const compilerVersion = require('typescript/package.json').version;
let ts;
let options;
/** The project's compiler options, read once and only when a file is not in the folder yet. */
function compile(source, filename) {
  if (!ts) {
    ts = require('typescript');
    const config = ts.parseConfigFileTextToJson('tsconfig.json', tsconfig).config;
    options = { ...ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options, sourceMap: false, inlineSourceMap: true, incremental: false, declaration: false };
  }
  return ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
}

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  if (!folder) return module._compile(compile(source, filename), filename);
  // The path within the checkout: a copy of it elsewhere (npm start's test runs one) finds the same files.
  const where = path.relative(root, filename);
  const file = path.join(folder, `${crypto.createHash('sha256').update(`${compilerVersion}\0${tsconfig}\0${where}\0${source}`).digest('hex')}.js`);
  let output;
  try {
    output = readAndKeep(file);
  } catch {
    output = compile(source, filename);
    // Written aside and renamed: another process never reads half a file.
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, output, { mode: 0o600 });
    fs.renameSync(partial, file);
  }
  module._compile(output, filename);
};
