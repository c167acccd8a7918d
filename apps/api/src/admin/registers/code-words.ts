import { codeWord, CODE_GROUPS, CodeGroup } from '@regula/engine';

/**
 * The groups of the register schema's codes with words: those of the engine's
 * one catalogue (libs/engine/src/catalog/code-words.ts), which the exports and
 * the privacy policies read too.
 */
export { CODE_GROUPS };
export type { CodeGroup };

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

/** `code` in words in `lang`, or the code itself when the catalogue has none; never "undefined". */
export function codeWords(lang: string, group: CodeGroup, code: unknown): CodeWords {
  const text = typeof code === 'string' || typeof code === 'number' ? String(code) : '';
  const words = text === '' ? undefined : codeWord(group, text, lang);
  return words ? { code: text, words, known: true } : { code: text, words: text, known: false };
}

/** The words alone (the code when unknown), for a text that lists several. */
export function codeText(lang: string, group: CodeGroup, code: unknown): string {
  return codeWords(lang, group, code).words;
}
