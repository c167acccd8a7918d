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

/** A reference to a section of the notice, with an optional note on what was inferred. */
export function notice(at: string, note?: string): Ref {
  return note ? { source: NOTICE, at, note } : { source: NOTICE, at };
}

/** Note on retention rules whose period the notice does not give. */
export const DEFAULT_TO_VERIFY =
  'default-to-verify: the notice promises a table of retention periods that it does not contain; period chosen by Regula, to be confirmed by the controller';
