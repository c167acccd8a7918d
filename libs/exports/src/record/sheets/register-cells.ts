import { LANGS, Lang } from '@regula/engine';

/**
 * A register in three kinds of cells, so a spreadsheet carries it whole and
 * an import rebuilds it exactly: `facts` (every value that is not a text nor
 * a provenance: ids, codes, yes/no, numbers, links, empty lists), `texts` (one
 * cell per language: every text of the register in that language) and
 * `provenance` (every `ref` and `fieldRefs`: where each fact comes from, and
 * whether it was assumed, corrected or unknown). Each cell is lines of
 * `path = JSON` (`purposes[0].name = "Customer service"`), so an edit is a line
 * and a line names what it changes. The paths are sorted: the same register
 * gives the same cells whatever order its stored JSON has.
 */
export interface RegisterCells {
  facts: string;
  texts: Partial<Record<Lang, string>>;
  provenance: string;
}

/** A problem with one line of one of a register's cells. */
export interface CellProblem {
  cell: 'facts' | 'provenance' | { text: Lang };
  line: number;
  code: 'line' | 'json' | 'path' | 'twice' | 'text-not-string' | 'text-without-english' | 'gap' | 'id';
  detail: string;
}

const PROVENANCE_KEYS = new Set(['ref', 'fieldRefs']);
const KEY = /^[A-Za-z_$][\w$-]*$/;

/** A text in languages (`{ en, lv }`): English and only languages' strings. */
export function isText(v: unknown): v is Record<Lang, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.en === 'string' && Object.entries(o).every(([k, x]) => (LANGS as readonly string[]).includes(k) && typeof x === 'string');
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
const line = (path: string, value: unknown) => `${path} = ${JSON.stringify(value)}`;

/** The languages the texts of `registers` are written in, in the engine's order. */
export function textLanguages(registers: readonly unknown[]): Lang[] {
  const found = new Set<Lang>();
  const visit = (v: unknown): void => {
    if (isText(v)) Object.keys(v).forEach((k) => found.add(k as Lang));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  registers.forEach(visit);
  return LANGS.filter((l) => found.has(l));
}

/** The cells of one register. A key no path can name is refused (the schema has none). */
export function registerCells(register: object): RegisterCells {
  const facts: string[] = [];
  const provenance: string[] = [];
  const texts: Partial<Record<Lang, string[]>> = {};
  const walk = (node: unknown, path: string): void => {
    if (isText(node)) {
      for (const l of LANGS) if (node[l] !== undefined) (texts[l] ??= []).push(line(path, node[l]));
    } else if (Array.isArray(node)) {
      if (!node.length) facts.push(line(path, []));
      node.forEach((v, i) => walk(v, join(path, i)));
    } else if (node && typeof node === 'object') {
      const keys = Object.keys(node).sort();
      if (!keys.length) facts.push(line(path, {}));
      for (const k of keys) {
        if (!KEY.test(k)) throw new RangeError(`the key ${JSON.stringify(k)} at ${path || 'the register'} cannot be written as a path`);
        const v = (node as Record<string, unknown>)[k];
        if (v === undefined) continue;
        if (PROVENANCE_KEYS.has(k)) provenance.push(line(join(path, k), v));
        else walk(v, join(path, k));
      }
    } else {
      facts.push(line(path, node));
    }
  };
  walk(register, '');
  return {
    facts: facts.join('\n'),
    provenance: provenance.join('\n'),
    texts: Object.fromEntries(Object.entries(texts).map(([l, ls]) => [l, ls.join('\n')])),
  };
}

type Segment = string | number;

function parsePath(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d{1,6})\]|(\.)/y;
  let expectKey = true;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length && (m = re.exec(path))) {
    if (m[1] !== undefined) {
      if (!expectKey) return undefined;
      out.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey && out.length) return undefined;
      out.push(Number(m[2]));
      expectKey = false;
    } else {
      if (expectKey) return undefined;
      expectKey = true;
    }
  }
  return re.lastIndex === path.length && !expectKey && typeof out[0] === 'string' ? out : undefined;
}

interface Line {
  path: Segment[];
  value: unknown;
  line: number;
}

function readLines(text: string, cell: CellProblem['cell'], problems: CellProblem[]): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const at = raw.indexOf(' = ');
    if (at < 0) return void problems.push({ cell, line: i + 1, code: 'line', detail: raw.slice(0, 80) });
    const path = parsePath(raw.slice(0, at).trim());
    if (!path) return void problems.push({ cell, line: i + 1, code: 'path', detail: raw.slice(0, at).trim().slice(0, 80) });
    try {
      out.push({ path, value: JSON.parse(raw.slice(at + 3)), line: i + 1 });
    } catch {
      problems.push({ cell, line: i + 1, code: 'json', detail: raw.slice(at + 3, at + 83) });
    }
  });
  return out;
}

/**
 * The register the cells describe, or the problems that keep it from being
 * read (each naming its cell and line). Nothing but the lines is read: the
 * readable columns beside them are rebuilt from the register.
 */
export function registerFromCells(cells: RegisterCells): { register: Record<string, unknown> } | { problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const root: Record<string, unknown> = {};
  const place = (l: Line, value: unknown, cell: CellProblem['cell']) => {
    let node: Record<string | number, unknown> = root;
    for (let i = 0; i < l.path.length - 1; i++) {
      const seg = l.path[i];
      const next = l.path[i + 1];
      let child = node[seg];
      if (child === undefined) node[seg] = child = typeof next === 'number' ? [] : {};
      const fits = typeof next === 'number' ? Array.isArray(child) : !!child && typeof child === 'object' && !Array.isArray(child) && !isText(child);
      if (!fits) return void problems.push({ cell, line: l.line, code: 'twice', detail: pathText(l.path) });
      node = child as Record<string | number, unknown>;
    }
    const last = l.path[l.path.length - 1];
    if (node[last] !== undefined) return void problems.push({ cell, line: l.line, code: 'twice', detail: pathText(l.path) });
    node[last] = value;
  };
  for (const l of readLines(cells.facts, 'facts', problems)) place(l, l.value, 'facts');
  for (const l of readLines(cells.provenance, 'provenance', problems)) place(l, l.value, 'provenance');
  const texts = new Map<string, { path: Segment[]; text: Partial<Record<Lang, string>>; line: number; cell: CellProblem['cell'] }>();
  for (const lang of LANGS) {
    const text = cells.texts[lang];
    if (!text) continue;
    const cell = { text: lang };
    for (const l of readLines(text, cell, problems)) {
      if (typeof l.value !== 'string') {
        problems.push({ cell, line: l.line, code: 'text-not-string', detail: pathText(l.path) });
        continue;
      }
      const key = pathText(l.path);
      const entry = texts.get(key) ?? { path: l.path, text: {}, line: l.line, cell };
      if (entry.text[lang] !== undefined) problems.push({ cell, line: l.line, code: 'twice', detail: key });
      entry.text[lang] = l.value;
      texts.set(key, entry);
    }
  }
  for (const [key, t] of texts) {
    if (t.text.en === undefined) {
      problems.push({ cell: t.cell, line: t.line, code: 'text-without-english', detail: key });
      continue;
    }
    place({ path: t.path, value: undefined, line: t.line }, Object.fromEntries(LANGS.filter((l) => t.text[l] !== undefined).map((l) => [l, t.text[l]])), t.cell);
  }
  const gap = findGap(root, '');
  if (gap) problems.push({ cell: 'facts', line: 0, code: 'gap', detail: gap });
  if (typeof root.id !== 'string') problems.push({ cell: 'facts', line: 0, code: 'id', detail: 'id' });
  return problems.length ? { problems } : { register: root };
}

const pathText = (path: Segment[]) => path.reduce<string>((p, s) => join(p, s), '');

/** The path of a list with a missing item (`[0]` and `[2]` but no `[1]`). */
function findGap(node: unknown, path: string): string | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      if (!(i in node)) return join(path, i);
      const g = findGap(node[i], join(path, i));
      if (g) return g;
    }
  } else if (node && typeof node === 'object' && !isText(node)) {
    for (const [k, v] of Object.entries(node)) {
      const g = findGap(v, join(path, k));
      if (g) return g;
    }
  }
  return undefined;
}
