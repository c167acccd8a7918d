import { Authority, Country } from '../../schema/jurisdiction';
import { Ref, Text } from '../../schema/text';

/**
 * What the engine knows of one EU/EEA country: what a controller established
 * there gets when it is created (its supervisory authority, national act, Art. 8
 * age, time zone and public-holiday calendar). Every fact carries its refs; a
 * fact not checked against its source has an `assumed` ref (see `assumedRef`).
 */
export interface CountryEntry {
  country: Country;
  /** The country's official languages (BCP 47), the most used first. */
  languages: string[];
  /**
   * The supervisory authorities (GDPR Art. 51). One national authority, or, where
   * competence is regional (Germany, Spain), the national one followed by the
   * regional ones (`Authority.region`): a controller there chooses which applies
   * (`needsAuthorityChoice`).
   */
  authorities: Authority[];
  /** The national data-protection act. */
  nationalAct: { name: Text; ref: Ref[] };
  /** Age of digital consent under GDPR Art. 8(1) (13 to 16). */
  art8Age: { age: number; ref: Ref[] };
  /**
   * IANA time zone in which the controller's deadlines are computed. For a
   * country with several, the capital's, and `note` says so.
   */
  timeZone: { zone: string; note?: string; ref: Ref[] };
  /**
   * The country's calendar in the date-holidays package (`code`) and the language
   * of its local holiday names there (`language`, date-holidays' own code).
   */
  holidays: { code: string; language: string; ref: Ref[] };
}

/** The note every unchecked catalogue fact carries. */
export const NOT_CHECKED = 'not checked against its source';

/**
 * A ref for a catalogue fact written from knowledge and not checked against
 * `source` (nothing can be checked from where it was written): an assumed
 * fact, never published until a person confirms it.
 */
export function assumedRef(source: string, at?: string, detail?: string): Ref {
  return { source, ...(at ? { at } : {}), provenance: 'assumed', note: detail ? `${NOT_CHECKED}: ${detail}` : NOT_CHECKED };
}

/** The catalogue's fields of an authority other than its contact details. */
type AuthorityFields = Omit<Authority, 'formerNames' | 'ref'> & Partial<Pick<Authority, 'formerNames'>>;

/** An authority of the catalogue beyond the checked ones: assumed, citing the EDPB members list and its own site. */
export function assumedAuthority(a: AuthorityFields): Authority {
  const where = a.region ? `${a.country}, ${a.region.name}` : a.country;
  return {
    ...a,
    formerNames: a.formerNames ?? [],
    ref: [assumedRef('EDPB-MEMBERS', where, `name and contact details as the authority publishes them at ${a.web}`)],
  };
}

/** The time zone of a country, from the IANA database, assumed. */
export function assumedTimeZone(country: Country, zone: string, note?: string): CountryEntry['timeZone'] {
  return { zone, ...(note ? { note } : {}), ref: [assumedRef('IANA-TZDB', `zone1970.tab: ${country}`)] };
}

/** The public holidays of a country as date-holidays lists them, assumed. */
export function assumedHolidays(code: string, language: string): CountryEntry['holidays'] {
  return { code, language, ref: [assumedRef('HOLIDAY-CALENDARS', code, 'holidays typed public')] };
}

/** The Art. 8 age where the national act sets none: the GDPR's own 16. */
export function gdprDefaultAge(): CountryEntry['art8Age'] {
  return { age: 16, ref: [assumedRef('GDPR', 'Art. 8(1)', 'the national act sets no other age, so the GDPR default of 16 applies')] };
}
