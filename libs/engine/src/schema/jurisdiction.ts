import { Lang, Ref, Text } from './text';

/**
 * The EU/EEA countries (ISO 3166-1 alpha-2): the 27 Member States, then Iceland,
 * Liechtenstein and Norway. Each has an entry in the country catalogue
 * (`catalog/countries/`): its authority, national act, Art. 8 age, time zone and
 * holiday calendar.
 */
export const COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
  'IS', 'LI', 'NO',
] as const;
export type Country = (typeof COUNTRIES)[number];
/** Countries a controller can be established in: every catalogue country. */
export type ControllerCountry = Country;

export function isCountry(value: unknown): value is Country {
  return typeof value === 'string' && (COUNTRIES as readonly string[]).includes(value);
}

export interface Address {
  street: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: Country;
  /** e.g. "c/o ViRedo AB, Box 55642" style lines that precede the street. */
  careOf?: string;
}

/** A part of a country with an authority of its own (a German Land, a Spanish autonomous community). */
export interface Region {
  /** ISO 3166-2 code, e.g. 'DE-BY', 'ES-CT'. */
  code: string;
  /** Name in the national language, e.g. 'Bayern', 'Catalunya'. */
  name: string;
}

/** A supervisory authority (GDPR Art. 51) with full contact details. */
export interface Authority {
  country: Country;
  /** Name in the national language. */
  name: string;
  /** English name. */
  nameEn: string;
  abbreviation: string;
  /** Names the authority had before, with the date they stopped being used. */
  formerNames: { name: string; until: string }[];
  /**
   * Set on an authority competent only in one region (a German Land's
   * authority, APDCAT in Catalonia); absent on a national one.
   */
  region?: Region;
  address: Address;
  /** Absent where the catalogue does not know it (an assumed entry leaves out what it is unsure of). */
  phone?: string;
  /** Absent where the authority takes messages only through a form on its web site, or the catalogue does not know it. */
  email?: string;
  /** Other official e-mail addresses. */
  otherEmails?: string[];
  web: string;
  ref: Ref[];
}

/** The national law a controller works under. */
export interface Jurisdiction {
  country: ControllerCountry;
  /** IANA time zone in which legal deadlines are computed. */
  timeZone: string;
  /** The national data-protection act. */
  nationalAct: { name: Text; ref: Ref[] };
  /**
   * Electronic-communications act governing cookies; absent for a country whose
   * act the engine does not know (only the checked countries' are catalogued).
   */
  eCommunicationsAct?: { name: Text; ref: Ref[] };
  /** Age of digital consent under GDPR Art. 8 in this country. */
  art8Age: number;
  authority: Authority;
  /** Languages the controller publishes in; the first is its default. */
  languages: Lang[];
}
