import { ART6_BASES, ART9_CONDITIONS } from '../schema/legal-basis';
import { RIGHTS } from '../schema/controller';
import { ANCHOR_EVENTS } from '../schema/retention';
import { CODE_GROUPS, CODE_WORDS } from './code-words';

/**
 * A scanner for text a reader gets in a language other than English: it finds
 * the words of Regula's English catalogues and the codes of the register schema
 * ("6(1)(b)", "P5Y", "not-required", "unknown") that leaked into it. Pure; the
 * callers bring the English catalogue (every English text Regula writes), the
 * words that are also good words of the target language, and the proper names
 * the text may carry.
 */

export interface LanguageFinding {
  kind: 'english' | 'code';
  /** The word or code as found. */
  match: string;
  /** Up to 40 characters either side. */
  context: string;
}

export interface ScanOptions {
  /** Lower-case English words (`englishVocabulary`). */
  english: ReadonlySet<string>;
  /** Lower-case words that are also words of the target language, or names ("regula", "no" in Latvian). */
  allow?: Iterable<string>;
  /** Phrases removed before scanning (proper names, the controller's own identifiers); matched case-insensitively. */
  names?: Iterable<string>;
  /** Codes looked for as whole tokens; default `schemaCodes()`. */
  codes?: readonly string[];
}

/** The letters-only words of a text (Unicode letters), in order. */
export function wordsOf(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

/**
 * The English vocabulary of catalogue texts: every word of `minLength` letters
 * or more, lower-cased, written in ASCII letters only (a word with "ā" or "ö"
 * is not English). Placeholders (`{name}`, `{{helper x}}`), tags and addresses
 * are left out.
 */
export function englishVocabulary(texts: Iterable<string>, minLength = 2): Set<string> {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = stripNoise(raw.replace(/\{\{[^}]*\}\}|\{[^}\s]*\}/g, ' ').replace(/<[^>]*>/g, ' '));
    for (const w of wordsOf(text)) if (w.length >= minLength && /^[A-Za-z]+$/.test(w)) out.add(w.toLowerCase());
  }
  return out;
}

/**
 * The codes of the register schema that must never reach a reader as they are:
 * every hyphenated code of the engine's code lists (`not-required`,
 * `strictly-necessary`, `contract-ended`...), the right codes (`A15`,
 * `A21-2`), and `unknown`. Codes that are plain English words (`processor`,
 * `done`) are found as English words; two-letter country codes are left out
 * (they are also postal prefixes, "LV-1050").
 */
export function schemaCodes(): string[] {
  const codes = new Set<string>(['unknown', ...ANCHOR_EVENTS, ...RIGHTS]);
  for (const group of CODE_GROUPS) for (const code of Object.keys(CODE_WORDS.en[group])) codes.add(code);
  return [...codes].filter((c) => c === 'unknown' || /[-\d]/.test(c)).filter((c) => !/^[69]\(/.test(c));
}

/**
 * The words of the code lists that are plain English words (`processor`,
 * `planned`): part of the English catalogue. Two-letter country codes are not
 * words ("DE", "IT", "NO" would make the Swedish "de" and the Norwegian "no"
 * English); their English names are.
 */
export function codeVocabulary(): string[] {
  const out: string[] = [];
  for (const group of CODE_GROUPS) {
    out.push(...Object.keys(CODE_WORDS.en[group]).filter((code) => !/^[A-Z]{2}$/.test(code)), ...Object.values(CODE_WORDS.en[group] as Record<string, string>));
  }
  return out;
}

const ART_CODES = [...ART6_BASES, ...ART9_CONDITIONS];
/** "6(1)(b)", "9(2)(h)": an Art. 6/9 code; allowed only right after an article word ("Art. 6(1)(b)"), the form of a citation. */
const ART_CODE = /\b([69])\((\d)\)\(([a-j])\)/g;
/** ISO 8601 durations: P5Y, P1Y6M, P30D, PT2H. */
const ISO_DURATION = /\bP(?:\d+[YMWD])+(?:T(?:\d+[HMS])+)?\b|\bPT(?:\d+[HMS])+\b/g;

/** URLs, e-mail addresses, domain names and postal codes ("LV-1050"): names of places, not words. */
function stripNoise(text: string): string {
  return text
    .replace(/\bhttps?:\/\/[^\s<>"')]+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/\b(?:www\.)?(?:[a-z0-9-]+\.)+(?:ee|lt|lv|se|eu|com|org|net|gov|group|io|test)\b/gi, ' ')
    .replace(/\b[A-Z]{2}-\d{3,5}\b/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, ' ').trim();
}

/** Every English word and schema code in `text`, in order of kind (codes first). */
export function scanText(text: string, opts: ScanOptions): LanguageFinding[] {
  let clean = stripNoise(text);
  const names = [...(opts.names ?? [])].filter((n) => n.trim().length > 0).sort((a, b) => b.length - a.length);
  for (const n of names) clean = clean.replace(new RegExp(escapeRegExp(n), 'gi'), ' ');
  const findings: LanguageFinding[] = [];

  for (const m of clean.matchAll(ART_CODE)) {
    const before = clean.slice(Math.max(0, m.index! - 12), m.index!);
    if (/(?:^|[^\p{L}])(?:Art\.|art\.|Article|artikel)\s*$/u.test(before)) continue;
    if (ART_CODES.includes(m[0] as (typeof ART_CODES)[number])) findings.push({ kind: 'code', match: m[0], context: around(clean, m.index!, m[0].length) });
  }
  for (const m of clean.matchAll(ISO_DURATION)) findings.push({ kind: 'code', match: m[0], context: around(clean, m.index!, m[0].length) });
  const codes = opts.codes ?? schemaCodes();
  for (const code of codes) {
    const re = new RegExp(`(?<![\\p{L}\\d-])${escapeRegExp(code)}(?![\\p{L}\\d-])`, 'gu');
    for (const m of clean.matchAll(re)) findings.push({ kind: 'code', match: m[0], context: around(clean, m.index!, m[0].length) });
  }

  const allow = new Set([...(opts.allow ?? [])].map((w) => w.toLowerCase()));
  // a word glued to digits is an identifier ("EE101798101", "v1"), not a word
  for (const m of clean.matchAll(/(?<![\p{L}\d])\p{L}+(?![\p{L}\d])/gu)) {
    const w = m[0].toLowerCase();
    if (w.length < 2 || allow.has(w) || !opts.english.has(w)) continue;
    findings.push({ kind: 'english', match: m[0], context: around(clean, m.index!, m[0].length) });
  }
  return findings;
}
