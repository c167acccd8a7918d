import { Ref } from '@regula/engine';

/** The only source document of this controller: its published privacy policy (English). */
export const NOTICE_ID = 'notice';

/** Section numbers and headings exactly as the notice prints them. */
export const SECTIONS = {
  s1: '1. General Provisions',
  s2: '2. Privacy Policy Terms',
  s3: '3. Personal Data Processing Principles',
  s4: '4. Nature of Collected Information',
  s5: '5. Data Processing Purposes',
  s6: '6. Data Collection Methods',
  s7: '7. Data Processing Duration',
  s8: '8. Data Transfer',
  s9: '9. Your Rights',
  s10: '10. Updating Privacy Policy',
  s11: '11. Other Information',
  s12: '12. Cookie Policy',
  s13: '13. Information about Cookies used on Company’s Website',
} as const;
export type Section = keyof typeof SECTIONS;

/** A reference to a section of the notice, with an optional note on what was inferred. */
export function notice(section: Section, note?: string): Ref {
  return note ? { source: NOTICE_ID, at: SECTIONS[section], note } : { source: NOTICE_ID, at: SECTIONS[section] };
}

/** A reference to a law of the engine's law catalogue. */
export function law(source: string, at?: string, note?: string): Ref {
  const ref: Ref = { source };
  if (at) ref.at = at;
  if (note) ref.note = note;
  return ref;
}

/**
 * A default Regula filled in where the notice (the section named) is silent or
 * vague: a period, a role, a basis mapped to a purpose, a "required" flag. The
 * fact is assumed until a person at the controller confirms it; `note` says
 * what was assumed and why (internal: never published).
 */
export function assumed(section: Section, note: string): Ref {
  return { source: NOTICE_ID, at: SECTIONS[section], provenance: 'assumed', note };
}

/** The notice's statement replaced because the law requires it: `law`/`at` name the rule, `note` the reason. */
export function corrected(source: string, at: string, note: string): Ref {
  return { source, at, provenance: 'corrected', note };
}

/** Nobody stated it (the section named leaves it blank): the value is a placeholder that is never published. */
export function unknown(section: Section, note: string): Ref {
  return { source: NOTICE_ID, at: SECTIONS[section], provenance: 'unknown', note };
}
