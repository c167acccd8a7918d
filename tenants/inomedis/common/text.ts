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
