import { Ref, Text } from '@regula/engine';

/**
 * Inomedis publishes in Latvian (default) and English, so every text of this
 * tenant is built with both: the type makes a missing language a compile error.
 */
export type LvEnText = Text & { lv: string; en: string };

export function t(lv: string, en: string): LvEnText {
  return { lv, en };
}

/** A reference to a numbered clause of the Inomedis privacy policy (document id `notice`). */
export function clause(at: string, note?: string): Ref {
  return note === undefined ? { source: 'notice', at: `clause ${at}` } : { source: 'notice', at: `clause ${at}`, note };
}

/** Several clauses of the notice at once. */
export function clauses(...ats: string[]): Ref[] {
  return ats.map((at) => clause(at));
}

/** A reference to a law of the engine's catalogue (`GDPR`, `LV-GRAMATVEDIBA`...). */
export function law(source: string, at?: string, note?: string): Ref {
  const ref: Ref = { source };
  if (at !== undefined) ref.at = at;
  if (note !== undefined) ref.note = note;
  return ref;
}

/**
 * A value Regula filled in that the notice does not state (a period, "no
 * transfers", a mapped legal basis, a recipient's role...): `at` is the clause
 * it was inferred from, `note` what was assumed and why. Never published until
 * a person confirms it.
 */
export function assumed(at: string, note: string): Ref {
  return { source: 'notice', at: `clause ${at}`, provenance: 'assumed', note };
}

/** The notice's statement replaced because the law requires it: `source` and `at` name the rule, `note` the reason. */
export function corrected(source: string, at: string, note: string): Ref {
  return { source, at, provenance: 'corrected', note };
}

/** Nobody stated it and no sensible default exists: the value is a placeholder. */
export function unknown(at: string, note: string): Ref {
  return { source: 'notice', at: `clause ${at}`, provenance: 'unknown', note };
}

/** Why `transfers: 'none'` is assumed in every register. */
export const NO_TRANSFERS_ASSUMED =
  'no transfers assumed: the notice says nothing about transfers to third countries, and names none of its processors or their countries';

/** The `fieldRefs` of a register: its 'none' for transfers is an assumption; so is `location` where given. */
export function registerFieldRefs(locationNote?: string): { transfers: Ref[]; location?: Ref[] } {
  const out: { transfers: Ref[]; location?: Ref[] } = { transfers: [assumed('34', NO_TRANSFERS_ASSUMED)] };
  if (locationNote !== undefined) out.location = [assumed('33', locationNote)];
  return out;
}

/** Why a register's "no impact assessment needed" is assumed. */
export const NO_DPIA_ASSUMED = 'the notice says nothing about impact assessments: "not required" is Regula\'s assessment against Art. 35';
