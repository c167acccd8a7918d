/**
 * The part of ICU MessageFormat the UI catalogues use: `{name}` placeholders and
 * plural arguments, `{count, plural, =0 {none} one {# request} few {# prašymai} other {# requests}}`,
 * whose branch is picked by an exact `=n` first, then by the language's own plural rules
 * (`Intl.PluralRules`: Lithuanian one/few/many/other, Latvian zero/one/other, ...), `other`
 * last; `#` in a branch is the number. Branches may hold placeholders and further plurals.
 * Anything else in braces is left as written.
 */
export function formatMessage(message: string, lang: string, vars: Record<string, unknown>): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(message, open);
    if (close < 0) break;
    out += message.slice(i, open);
    out += argument(message.slice(open + 1, close), lang, vars) ?? message.slice(open, close + 1);
    i = close + 1;
  }
  return out + message.slice(i);
}

/** The argument names a message uses (placeholders and plural arguments, each once, sorted). */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (m: string) => {
    for (const arg of topLevelArguments(m)) {
      const plural = parsePlural(arg);
      if (plural) {
        names.add(plural.name);
        for (const branch of plural.branches.values()) walk(branch);
      } else if (/^\w+$/.test(arg.trim())) names.add(arg.trim());
    }
  };
  walk(message);
  return [...names].sort();
}

/** The selectors of each plural argument of a message (`count` → ['one', 'other']), nested ones included. */
export function pluralSelectors(message: string): { name: string; selectors: string[] }[] {
  const found: { name: string; selectors: string[] }[] = [];
  const walk = (m: string) => {
    for (const arg of topLevelArguments(m)) {
      const plural = parsePlural(arg);
      if (!plural) continue;
      found.push({ name: plural.name, selectors: [...plural.branches.keys()] });
      for (const branch of plural.branches.values()) walk(branch);
    }
  };
  walk(message);
  return found;
}

function argument(body: string, lang: string, vars: Record<string, unknown>): string | undefined {
  const plural = parsePlural(body);
  if (!plural) {
    const name = body.trim();
    return /^\w+$/.test(name) && name in vars ? String(vars[name] ?? '') : undefined;
  }
  if (!(plural.name in vars)) return undefined;
  const n = Number(vars[plural.name]);
  const branch = plural.branches.get(`=${n}`) ?? plural.branches.get(rules(lang).select(n)) ?? plural.branches.get('other');
  if (branch === undefined) return undefined;
  return formatMessage(replaceHash(branch, String(n)), lang, vars);
}

/** `#` of this branch only: a nested plural's `#` is its own number. */
function replaceHash(branch: string, n: string): string {
  let out = '';
  let depth = 0;
  for (const ch of branch) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    out += ch === '#' && depth === 0 ? n : ch;
  }
  return out;
}

function parsePlural(body: string): { name: string; branches: Map<string, string> } | null {
  const head = /^\s*(\w+)\s*,\s*plural\s*,/.exec(body);
  if (!head) return null;
  const branches = new Map<string, string>();
  let i = head[0].length;
  while (i < body.length) {
    const sel = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!sel) {
      if (body.slice(i).trim() === '') break;
      return null;
    }
    const open = i + sel[0].length - 1;
    const close = matchingBrace(body, open);
    if (close < 0) return null;
    branches.set(sel[1], body.slice(open + 1, close));
    i = close + 1;
  }
  return branches.has('other') ? { name: head[1], branches } : null;
}

function topLevelArguments(message: string): string[] {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    const open = message.indexOf('{', i);
    if (open < 0) return args;
    const close = matchingBrace(message, open);
    if (close < 0) return args;
    args.push(message.slice(open + 1, close));
    i = close + 1;
  }
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function rules(lang: string): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}
