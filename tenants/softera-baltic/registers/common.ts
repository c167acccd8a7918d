import { AutomatedDecisions, DataSubjectCategory, Dpia, Recipient, SecurityMeasure, Text, Transfer } from '@regula/engine';
import { assumed, law, notice } from '../refs';

/**
 * Parts shared by several of Softera Baltic's registers. Section 8 of the notice
 * lists its recipients for all processing at once, and sections 3 and 8 state its
 * only security measures, so every register repeats them; sections 2 and 4 name
 * the clients and their contact data once for several registers.
 */

export const IT_PROVIDERS_ID = 'it-service-providers';

/** Section 8, first bullet: processors such as IT service providers, bound by agreements. */
export const itServiceProviders: Recipient = {
  id: IT_PROVIDERS_ID,
  kind: 'processor',
  name: {
    lt: 'IT paslaugų teikėjai ir kiti duomenų tvarkytojai',
    en: 'IT service providers and other processors',
  },
  description: {
    lt: 'Paslaugas bendrovei teikiantys subjektai, kurie asmens duomenis tvarko jos vardu ir tik pagal aiškius jos nurodymus, laikydamiesi su bendrove sudarytose duomenų tvarkymo sutartyse nustatytų organizacinių ir techninių saugumo priemonių.',
    en: 'Service providers that process personal data on the Company’s behalf and only on its explicit instructions, applying the organisational and technical security measures set out in their data processing agreements with the Company.',
  },
  dpa: true,
  country: 'unknown',
  ref: [notice('s8', 'the notice names no processor; it states that processors may be established outside Lithuania and the EU/EEA')],
};

/** Section 8, third bullet: courts, state and municipal institutions. */
export const courtsAndAuthorities: Recipient = {
  id: 'courts-and-authorities',
  kind: 'authority',
  name: {
    lt: 'Teismai, valstybės ir savivaldybių institucijos',
    en: 'Courts, state and municipal institutions',
  },
  description: {
    lt: 'Subjektai, turintys teisę gauti informaciją pagal teisės aktus; duomenys jiems teikiami tik tiek, kiek būtina teisės aktų reikalavimams tinkamai įvykdyti.',
    en: 'Bodies entitled by law to receive information; data are disclosed to them only to the extent needed to comply with the applicable legislation.',
  },
  country: 'LT',
  ref: [notice('s8')],
  fieldRefs: { country: [assumed('s8', 'country inferred: Lithuanian courts and institutions')] },
};

/** Section 8, fourth bullet: other third parties, on another legal ground or with consent. */
export const otherThirdParties: Recipient = {
  id: 'other-third-parties',
  kind: 'controller',
  name: {
    lt: 'Kiti tretieji asmenys, kai yra kitas teisinis pagrindas arba jūsų sutikimas',
    en: 'Other third parties, on another legal ground or with your consent',
  },
  description: {
    lt: 'Kitiems tretiesiems asmenims duomenys teikiami tik turint kitą teisėtą pagrindą arba jūsų sutikimą, kurio prašoma kiekvienu atveju atskirai.',
    en: 'Data are disclosed to other third parties only on another lawful ground or with your consent, asked for case by case.',
  },
  country: 'unknown',
  ref: [notice('s8')],
  fieldRefs: { kind: [assumed('s8', 'role assumed: the notice names neither these third parties nor their role; modelled as independent controllers')] },
};

/**
 * Section 8, last bullet: processors may be established outside Lithuania, the EU
 * or the EEA. The notice names no Chapter V safeguard; the law requires one, so the
 * safeguard is the standard contractual clauses (Art. 46(2)(c)), the usual tool
 * for processors: assumed until the controller confirms it.
 */
export const processorTransfer: Transfer = {
  id: 'processors-outside-eea',
  recipients: [IT_PROVIDERS_ID],
  destination: {
    lt: 'Valstybės už Europos Sąjungos ir Europos ekonominės erdvės ribų',
    en: 'Countries outside the European Union and the European Economic Area',
  },
  safeguard: 'standard-contractual-clauses',
  safeguardDetail: {
    lt: 'Duomenys tokiems duomenų tvarkytojams perduodami tik tada, kai tai leidžia teisės aktai, ir imantis visų priemonių jūsų privatumui apsaugoti: su kiekvienu jų sudaromos Europos Komisijos patvirtintos standartinės sutarčių sąlygos.',
    en: 'Data are transferred to such processors only where the law permits and with every measure needed to protect your privacy: each of them is bound by the standard contractual clauses adopted by the European Commission.',
  },
  ref: [notice('s8', 'data processors may be established outside Lithuania, the EU or the EEA; transferred only where the law permits')],
  fieldRefs: {
    safeguard: [
      assumed('s8', 'the notice names no safeguard (Art. 13(1)(f)); standard contractual clauses assumed, the usual tool for processors'),
      law('GDPR', 'Art. 46(2)(c)'),
    ],
    safeguardDetail: [assumed('s8', 'states the assumed safeguard (standard contractual clauses with each processor)')],
  },
};

/** Security measures the notice states (sections 3 and 8). */
export const noticeSecurity: SecurityMeasure[] = [
  {
    id: 'authorised-staff-only',
    type: 'organisational',
    control: 'access-control',
    description: {
      lt: 'Asmens duomenis tvarko tik tie darbuotojai, kuriems suteikta tokia teisė.',
      en: 'Personal data are processed only by employees who have been granted that right.',
    },
    ref: [notice('s3')],
  },
  {
    id: 'confidentiality',
    type: 'organisational',
    control: 'confidentiality-obligations',
    description: {
      lt: 'Visa informacija apie tvarkomus asmens duomenis laikoma konfidencialia.',
      en: 'All information about the personal data processed is kept confidential.',
    },
    ref: [notice('s3')],
  },
  {
    id: 'processor-agreements',
    type: 'organisational',
    control: 'processor-vetting',
    description: {
      lt: 'Su duomenų tvarkytojais sudaromos duomenų tvarkymo sutartys, kuriose nustatyti jų nurodymai ir privalomos organizacinės bei techninės saugumo priemonės.',
      en: 'Processors work under data processing agreements that set out the Company’s instructions and the organisational and technical security measures they must apply.',
    },
    ref: [notice('s8')],
  },
];

export const noAutomatedDecisions: AutomatedDecisions = {
  profiling: false,
  automatedDecisions: false,
  significantEffects: false,
  ref: [assumed('s9', 'the notice grants the Art. 22 right but states no automated decision-making or profiling for this activity: "none" assumed')],
};

export function dpiaNotRequired(reason: Text): Dpia {
  return {
    required: false,
    status: 'not-required',
    reason,
    ref: [law('GDPR', 'Art. 35'), assumed('s4', 'DPIA screening by Regula from what the notice describes; the controller has not assessed it')],
  };
}

export const location: Text = {
  lt: 'Bendrovės ir jos IT paslaugų teikėjų sistemose; kai kurie tvarkytojai gali būti įsisteigę už Lietuvos, ES ar EEE ribų.',
  en: 'In the systems of the Company and of its IT service providers; some processors may be established outside Lithuania, the EU or the EEA.',
};

/** Section 2: clients, as the registers that only name them state them (accounting, client service). */
export const clientsSubject: DataSubjectCategory = {
  id: 'clients',
  kind: 'client',
  name: { lt: 'Klientai', en: 'Clients' },
  ref: [notice('s2')],
};

/** Section 4: the contact data the notice lists, as the client, marketing, debt and client-service registers hold them. */
export const contactDataFields: Text = {
  lt: 'Vardas, pavardė, telefono numeris, el. pašto adresas.',
  en: 'First name, surname, telephone number, e-mail address.',
};
