import { Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  clientsSubject, contactDataFields, courtsAndAuthorities, dpiaNotRequired, itServiceProviders,
  location, noAutomatedDecisions, noticeSecurity, otherThirdParties, processorTransfer,
} from './common';

/** Client service communications, including recorded telephone calls: sections 4, 5 and 6. */
export const customerServiceRegister: Register = {
  id: 'customer-service',
  name: { lt: 'Klientų aptarnavimas ir komunikacija', en: 'Customer service communications' },
  businessFunction: { lt: 'Klientų aptarnavimas', en: 'Customer service' },
  description: {
    lt: 'Klientų užklausų nagrinėjimas ir atsakymai į jas savitarnoje, el. paštu, telefonu, vaizdo pokalbiais ir kitomis priemonėmis, įskaitant telefoninių pokalbių su bendrovės atstovais įrašus.',
    en: 'Handling and answering client inquiries through self-service, e-mail, telephone, live video chat and other channels, including recordings of telephone calls with the Company’s representatives.',
  },
  purposes: [
    {
      id: 'inquiries',
      name: { lt: 'Užklausų nagrinėjimas ir atsakymai', en: 'Handling and answering inquiries' },
      description: {
        lt: 'Klientų užklausų priėmimas, nagrinėjimas, atsakymai ir susirašinėjimo istorijos tvarkymas.',
        en: 'Receiving, handling and answering client inquiries and keeping the history of the correspondence.',
      },
      legalBases: [
        {
          article: '6(1)(b)',
          description: {
            lt: 'Kai užklausa susijusi su sutartimi ar jos sudarymu, tvarkyti duomenis būtina sutarčiai sudaryti ar vykdyti.',
            en: 'Where the inquiry concerns a contract or its conclusion, processing is necessary to conclude or perform the contract.',
          },
          ref: [notice('s3'), notice('s5', '"servicing Clients and providing information"'), assumed('s5', 'basis mapped by Regula: the notice does not link bases to purposes')],
        },
        {
          article: '6(1)(f)',
          description: {
            lt: 'Kitų užklausų atveju tvarkyti duomenis būtina siekiant teisėto bendrovės intereso.',
            en: 'For other inquiries, processing is necessary for a legitimate interest of the Company.',
          },
          legitimateInterest: {
            lt: 'Atsakyti į asmenų užklausas ir turėti susirašinėjimo su jais istoriją.',
            en: 'Answering people’s inquiries and keeping a record of the correspondence with them.',
          },
          ref: [notice('s3'), assumed('s5', 'basis mapped by Regula, and the legitimate interest written by Regula')],
        },
      ],
      categories: ['contact-details', 'correspondence'],
      ref: [notice('s4'), notice('s5')],
    },
    {
      id: 'call-recording',
      name: { lt: 'Telefoninių pokalbių įrašymas', en: 'Recording telephone calls' },
      description: {
        lt: 'Telefoninių pokalbių su bendrovės atstovais įrašymas aptarnavimo kokybei užtikrinti ir telefonu pateiktiems kliento nurodymams bei susitarimams įrodyti.',
        en: 'Recording telephone calls with the Company’s representatives to ensure service quality and to evidence instructions and agreements given by phone.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės intereso, o pokalbio dalyvio interesai nėra už jį viršesni.',
            en: 'Processing is necessary for a legitimate interest of the Company that is not overridden by the caller’s interests.',
          },
          legitimateInterest: {
            lt: 'Užtikrinti klientų aptarnavimo kokybę ir turėti telefonu pateiktų nurodymų bei susitarimų įrodymus.',
            en: 'Ensuring the quality of client service and keeping evidence of instructions and agreements given by phone.',
          },
          ref: [assumed('s4', 'the notice states that calls are recorded but not why: basis and interest inferred from section 5 ("ensuring quality thereof")')],
        },
      ],
      categories: ['call-recordings'],
      ref: [notice('s4'), assumed('s5', 'purpose inferred: the notice states that calls are recorded, not why')],
    },
  ],
  subjects: [
    clientsSubject,
    {
      id: 'inquirers',
      kind: 'prospect',
      name: { lt: 'Kiti besikreipiantys asmenys', en: 'Other persons contacting the Company' },
      ref: [notice('s2'), notice('s6')],
    },
  ],
  dataCategories: [
    {
      id: 'contact-details',
      name: { lt: 'Kontaktiniai duomenys', en: 'Contact details' },
      fields: contactDataFields,
      required: true,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4')],
      fieldRefs: { required: [assumed('s4', '"required" inferred: an inquiry cannot be answered without contact details')] },
    },
    {
      id: 'correspondence',
      name: { lt: 'Susirašinėjimas ir užklausos', en: 'Correspondence and inquiries' },
      fields: {
        lt: 'Susirašinėjimas su bendrove savitarnoje, el. paštu, per programėles ir kitomis priemonėmis; kliento užklausos ir bendrovės atsakymai; vaizdo pokalbių metu pateikta informacija.',
        en: 'Correspondence with the Company through self-service, e-mail, applications and other channels; the client’s inquiries and the Company’s replies; information given during live video chats.',
      },
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4'), notice('s6')],
    },
    {
      id: 'call-recordings',
      name: { lt: 'Telefoninių pokalbių įrašai', en: 'Call recordings' },
      fields: {
        lt: 'Telefoninių pokalbių su bendrovės atstovais garso įrašai, pokalbio data, trukmė ir telefono numeris.',
        en: 'Audio recordings of telephone calls with the Company’s representatives, with the date, duration and telephone number of the call.',
      },
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4', '"records of telephone conversations"'), assumed('s4', 'call metadata (date, duration, number) added by Regula')],
    },
  ],
  sources: [
    {
      id: 'data-subject',
      kind: 'data-subject',
      description: {
        lt: 'Asmuo pats pateikia duomenis, kai kreipiasi į bendrovę savitarnoje, el. paštu, telefonu, vaizdo pokalbiu ar kitomis ryšio priemonėmis.',
        en: 'The person provides the data when contacting the Company through self-service, e-mail, telephone, live video chat or other means of communication.',
      },
      ref: [notice('s6')],
    },
  ],
  recipients: [itServiceProviders, courtsAndAuthorities, otherThirdParties],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'correspondence-retention',
      kind: 'period',
      categories: ['contact-details', 'correspondence'],
      description: {
        lt: 'Užklausos ir susirašinėjimas saugomi 3 metus nuo paskutinio asmens kontakto su bendrove.',
        en: 'Inquiries and correspondence are kept for 3 years from the person’s last contact with the Company.',
      },
      anchor: 'last-activity',
      period: { years: 3 },
      action: 'erase',
      ref: [
        law('LT-CIVIL-CODE', 'Art. 1.125(8)'),
        assumed('s7', 'the notice sets no period: the 3-year limitation period for damages claims applied by Regula; contract documents themselves are kept under the clients register'),
      ],
    },
    {
      id: 'call-recordings-retention',
      kind: 'period',
      categories: ['call-recordings'],
      description: {
        lt: 'Pokalbių įrašai saugomi 3 mėnesius nuo įrašymo, o vėliau ištrinami.',
        en: 'Call recordings are kept for 3 months from the recording and then erased.',
      },
      anchor: 'recorded',
      period: { months: 3 },
      action: 'erase',
      ref: [assumed('s7', 'the notice sets no period: 3 months, a short default chosen by Regula for quality checks and complaints')],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Pokalbiai įrašomi tik klientų aptarnavimo tikslais ir trumpai saugomi; didelio pavojaus požymių nėra.',
    en: 'Calls are recorded for client service only and kept briefly; no indicator of high risk.',
  }),
  systems: ['crm', 'telephony'],
  ref: [notice('s4'), notice('s5'), notice('s6')],
};
