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
  /**
   * Set when the fact this ref supports is not simply what `source` states
   * (see `provenance/`): 'assumed' (a default Regula filled in: `note` says
   * which and why), 'corrected' (the controller's statement replaced because the
   * law requires it: `source`/`at` name the rule, `note` the reason) or 'unknown'
   * (nobody stated it: the value is a placeholder that is never published).
   */
  provenance?: 'assumed' | 'corrected' | 'unknown';
}

/**
 * Provenance of single fields of a fact, where they differ from the fact's own
 * `ref` (e.g. `{ email: [unknown ref] }` on the contact, `{ transfers: [assumed
 * ref] }` on a register whose 'none' nobody stated).
 */
export type FieldRefs = Partial<Record<string, Ref[]>>;

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
