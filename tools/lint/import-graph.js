// @ts-check
// The repository's file-level import graph, for the `regula/no-cycle` rule: every
// TypeScript file the lint covers (apps, libs, tenants, test, bench), read from the
// disk once per lint run and parsed by the TypeScript compiler (syntax only, no type
// check), with the value imports each makes of another file of the repository.
// Followed: `import ... from`, `export ... from`, `import()` and `import x = require()`.
// Not followed: type-only imports (`import type`, `export type`, and an import whose
// names are all `type`), packages, and plain require() (the tooling's JavaScript).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./zones');

const SCANNED = ['apps', 'libs', 'tenants', 'test', 'bench'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.cache', 'coverage']);

/** @type {typeof import('typescript') | null} */
let ts = null;
const compiler = () => (ts ??= require('typescript'));

/**
 * The file an import specifier of `fromFile` names, if it is a TypeScript file of the
 * repository (`@regula/<lib>[/<path>]` and `@regula/tenants[/<path>]` as tsconfig.json maps them).
 * @param {string} specifier @param {string} fromFile @returns {string | null}
 */
function resolveImport(specifier, fromFile) {
  let base;
  const alias = /^@regula\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (alias) {
    const home = alias[1] === 'tenants' ? path.join(ROOT, 'tenants') : path.join(ROOT, 'libs', alias[1], 'src');
    base = alias[2] ? path.join(home, alias[2]) : path.join(home, 'index');
  } else if (specifier.startsWith('.')) {
    base = path.resolve(path.dirname(fromFile), specifier);
  } else {
    return null;
  }
  let found = resolved.get(base);
  if (found === undefined) {
    found = [base.endsWith('.ts') ? base : null, `${base}.ts`, path.join(base, 'index.ts')].find((c) => c !== null && isFile(c)) ?? null;
    resolved.set(base, found);
  }
  return found;
}

/** @type {Map<string, string | null>} a specifier's path without extension → the file it names */
const resolved = new Map();
/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The value imports a source text makes: each specifier with the position of the statement naming it.
 * @param {string} file @param {string} text
 * @returns {{ specifier: string, pos: number }[]}
 */
function valueImports(file, text) {
  const t = compiler();
  const source = t.createSourceFile(file, text, t.ScriptTarget.ES2022, false, t.ScriptKind.TS);
  /** @type {{ specifier: string, pos: number }[]} */
  const found = [];
  /** @param {import('typescript').Node | undefined} expr @param {import('typescript').Node} at */
  const add = (expr, at) => {
    if (expr && t.isStringLiteral(expr)) found.push({ specifier: expr.text, pos: at.getStart(source) });
  };
  /** @param {import('typescript').Node} node */
  const visit = (node) => {
    if (t.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && t.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) add(node.moduleSpecifier, node);
    } else if (t.isExportDeclaration(node)) {
      const typeOnly = node.isTypeOnly || (!!node.exportClause && t.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node.moduleSpecifier, node);
    } else if (t.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && t.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node);
    } else if (t.isCallExpression(node) && node.expression.kind === t.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], node);
    }
    t.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** @param {string} dir @param {string[]} into */
function listTs(dir, into) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) listTs(path.join(dir, e.name), into);
    } else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
      into.push(path.join(dir, e.name));
    }
  }
  return into;
}

/** @type {Map<string, string[]> | null} file → the files that import it (values), as on disk */
let importers = null;
/** @type {Map<string, { text: string, imports: { specifier: string, pos: number }[] }>} each file as read for the graph */
const onDisk = new Map();

/** The graph as on disk (by importer), built at the first call of a lint run and kept for the rest of it. */
function diskImporters() {
  if (importers) return importers;
  importers = new Map();
  for (const file of SCANNED.flatMap((d) => listTs(path.join(ROOT, d), []))) {
    const text = fs.readFileSync(file, 'utf8');
    const imports = valueImports(file, text);
    onDisk.set(file, { text, imports });
    const targets = new Set(imports.map((i) => resolveImport(i.specifier, file)));
    for (const to of targets) {
      if (to === null) continue;
      const list = importers.get(to);
      if (list) list.push(file);
      else importers.set(to, [file]);
    }
  }
  return importers;
}

/**
 * The value imports of the text being linted: those the graph read when it is the file on disk
 * (as in a lint of the tree), else parsed from it (an editor's unsaved text, a rule's test snippet).
 * @param {string} file @param {string} text
 */
function importsOf(file, text) {
  diskImporters();
  const read = onDisk.get(file);
  return read && read.text === text ? read.imports : valueImports(file, text);
}

/**
 * The files from which `file` can be reached by value imports (as on disk), and for
 * each the next step towards `file`: a cycle runs through every import of `file` that
 * lands in this map.
 * @param {string} file @returns {Map<string, string>}
 */
function reaching(file) {
  const by = diskImporters();
  /** @type {Map<string, string>} a file that reaches `file` → the file it imports on the way */
  const next = new Map();
  const queue = [file];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    for (const from of by.get(at) ?? []) {
      // `file` itself: its edges on disk may be stale (the linted text's are used).
      if (from === file || next.has(from)) continue;
      next.set(from, at);
      queue.push(from);
    }
  }
  return next;
}

module.exports = { importsOf, resolveImport, reaching };
