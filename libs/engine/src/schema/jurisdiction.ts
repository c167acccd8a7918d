import { Lang, Ref, Text } from './text';

/** Countries whose rules the engine knows. */
export const COUNTRIES = ['EE', 'LT', 'LV', 'SE', 'NO'] as const;
export type Country = (typeof COUNTRIES)[number];
/** Countries a controller can be established in (the EU/EEA tenants). */
export type ControllerCountry = 'EE' | 'LT' | 'LV' | 'SE';

export interface Address {
  street: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: Country;
  /** e.g. "c/o ViRedo AB, Box 55642" style lines that precede the street. */
  careOf?: string;
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
  address: Address;
  phone: string;
  email: string;
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
  /** Electronic-communications act governing cookies. */
  eCommunicationsAct: { name: Text; ref: Ref[] };
  /** Age of digital consent under GDPR Art. 8 in this country. */
  art8Age: number;
  authority: Authority;
  /** Languages the controller publishes in; the first is its default. */
  languages: Lang[];
}
