'use strict';
// Preloaded (`node -r`) by the API and worker processes a test or bench starts from
// source: compiles each .ts file as ts-node's transpile-only mode does, and keeps the
// output in the folder REGULA_TRANSPILE_CACHE names, keyed by the file's path and
// content, the compiler's version and tsconfig.json. Five processes of one tree
// compile it once: the first fills the folder, the others read it (loading the API's
// 3,900 modules then takes about a quarter of the CPU time).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const dir = process.env.REGULA_TRANSPILE_CACHE;
if (!dir) throw new Error('transpile-cache: REGULA_TRANSPILE_CACHE names no folder');
fs.mkdirSync(dir, { recursive: true });

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
  const file = path.join(dir, `${crypto.createHash('sha256').update(`${compilerVersion}\0${tsconfig}\0${filename}\0${source}`).digest('hex')}.js`);
  let output;
  try {
    output = fs.readFileSync(file, 'utf8');
  } catch {
    output = compile(source, filename);
    // Written aside and renamed: another process never reads half a file.
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, output);
    fs.renameSync(partial, file);
  }
  module._compile(output, filename);
};
