/**
 * Localised text and source references: the two building blocks of every
 * fact a controller definition states.
 */

/** Languages Regula renders texts in: English plus the controllers' own. */
export const LANGS = ['en', 'et', 'lt', 'sv', 'lv'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A text in several languages. English is always present; the linter checks
 * that every language the controller publishes in is present too.
 */
export type Text = { en: string } & Partial<Record<Lang, string>>;

/**
 * Where a fact comes from, so an auditor can trace it.
 * `source` is the id of one of the controller's `documents` (its privacy notice,
 * another register description it was filled from) or of a law in the engine's
 * law catalogue (`GDPR`, `1182/71`, `EE-ACCOUNTING-ACT`...).
 * `at` names the section, clause or article ("clause 29", "Art. 6(1)(c)").
 * `note` says what was inferred, corrected or chosen by default ("verify").
 */
export interface Ref {
  source: string;
  at?: string;
  note?: string;
}

/** A document a controller's facts are taken from. */
export interface SourceDocument {
  id: string;
  /** Human title, e.g. "Inomedis privacy policy". */
  title: string;
  language: Lang;
  /** Date the document states for itself, ISO date, if any. */
  date?: string;
  /** What this document is used for in the definition. */
  role: 'notice' | 'register-description' | 'other';
}
