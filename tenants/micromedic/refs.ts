import { Ref } from '@regula/engine';

/** Id of the controller's published privacy notice in `documents`. */
export const NOTICE = 'notice';

/** The headings of the notice ("Micromedic AB personuppgiftspolicy"), as printed. */
export const H = {
  intro: 'Inledning',
  controller: 'Information om personuppgiftsansvarig',
  collected: 'Vilka personuppgifter samlar vi in?',
  digital: 'Uppgifter som samlas in när du använder våra digitala tjänster',
  others: 'Uppgifter som samlas in genom någon annan än dig själv',
  personal: 'Uppgifter som lämnas vid personliga kontakter',
  cooperation: 'Samarbeten',
  purposes: 'Ändamålen för vår behandling',
  administration: 'Administration av tjänster',
  development: 'Utveckla våra tjänster',
  marketing: 'Marknadsföring',
  personalisation: 'Personifiering',
  legalObligation: 'Rättslig förpliktelse',
  grounds: 'Grunder för vår behandling, mottagare av personuppgifter och rensning',
  rights: 'Rättigheter',
  access: 'Din rätt att få information om vad som finns registrerat',
  rectification: 'Rätt till rättelse eller radering',
  withdrawal: 'Återkallelse av samtycke',
  objection: 'Rätt att göra invändningar, bl.a. mot direktmarknadsföring',
  portability: 'Rätt till dataportabilitet',
  complaint: 'Klagomål till tillsynsmyndighet',
  changes: 'Ändringar i personuppgiftspolicyn',
} as const;

/** A reference to a section of the notice, with an optional note on how it was read. */
export function notice(at: string, note?: string): Ref {
  return note ? { source: NOTICE, at, note } : { source: NOTICE, at };
}

/**
 * A value Regula filled in that the notice does not state (a period, "no
 * transfers", a mapped legal basis...): `at` is the heading it was inferred
 * from, `note` what was assumed and why. Never published until a person
 * confirms it.
 */
export function assumed(at: string, note: string): Ref {
  return { source: NOTICE, at, provenance: 'assumed', note };
}

/** The notice's statement replaced because the law requires it: `law` and `at` name the rule, `note` the reason. */
export function corrected(law: string, at: string, note: string): Ref {
  return { source: law, at, provenance: 'corrected', note };
}

/** Nobody stated it and no sensible default exists: the value is a placeholder. */
export function unknown(at: string, note: string): Ref {
  return { source: NOTICE, at, provenance: 'unknown', note };
}

/** Why the retention periods are assumed: the notice promises a table of periods that it does not contain. */
export const PERIOD_ASSUMED =
  'period chosen by Regula: the notice promises a table of retention ("gallring") periods that it does not contain';

/** Why `transfers: 'none'` is assumed in every register. */
export const NO_TRANSFERS_ASSUMED =
  'no transfers assumed: the notice says nothing about transfers outside the EU/EEA and does not say where its cloud providers store the data';

/** The `fieldRefs` of every register: its 'none' for transfers is an assumption. */
export function registerFieldRefs(): { transfers: Ref[] } {
  return { transfers: [assumed(H.grounds, NO_TRANSFERS_ASSUMED)] };
}

/** Why Ortomedic AS is placed in Norway. */
export const ORTOMEDIC_COUNTRY_ASSUMED =
  'country assumed: the notice names the parent Ortomedic AS without its country; Norway (within the EEA) is where the company is registered, to be confirmed';

/** Why the cookies' expiry is assumed. */
export const COOKIE_EXPIRY_ASSUMED =
  'expiry assumed: the notice refers to separate cookie information on the website and gives no expiry; 13 months, as long as the data read through the cookies is kept';
