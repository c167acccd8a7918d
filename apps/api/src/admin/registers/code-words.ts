type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The groups of the `codes` namespace of the dashboard's catalogues: each the
 * words of one enumeration of the register schema (libs/engine/src/schema).
 */
export const CODE_GROUPS = [
  'subjectKind', 'sourceKind', 'recipientKind', 'country', 'safeguard', 'securityType', 'securityControl',
  'cookieCategory', 'cookieStorage', 'cookieBasis', 'dpiaStatus', 'severity',
] as const;
export type CodeGroup = (typeof CODE_GROUPS)[number];

/**
 * A code of the schema with its words in the page language. `known` is false
 * when the catalogue has no words for it (a value the schema gained later, a
 * typo in a stored register): the page then shows the code alone.
 */
export interface CodeWords {
  code: string;
  words: string;
  known: boolean;
}

/** What a code may look like to be looked up (no dots: a code cannot reach another key). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9()_-]{0,79}$/;

/** `code` in words (`codes.<group>.<code>`), or the code itself when the catalogue has none; never "undefined". */
export function codeWords(t: T, group: CodeGroup, code: unknown): CodeWords {
  const text = typeof code === 'string' || typeof code === 'number' ? String(code) : '';
  if (!CODE.test(text)) return { code: text, words: text, known: false };
  const key = `codes.${group}.${text}`;
  const words = t(key);
  return typeof words === 'string' && words !== '' && words !== key ? { code: text, words, known: true } : { code: text, words: text, known: false };
}

/** The words alone (the code when unknown), for a text that lists several. */
export function codeText(t: T, group: CodeGroup, code: unknown): string {
  return codeWords(t, group, code).words;
}
