import { Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location, noAutomatedDecisions,
  noticeSecurity, processorTransfer,
} from './common';

/**
 * Handling data subjects' requests (section 9). The notice does not list it as a
 * purpose, but it describes the procedure, and the requests filed through Regula
 * are personal data the controller must keep for a defined time.
 */
export const dataSubjectRequestsRegister: Register = {
  id: 'data-subject-requests',
  name: { lt: 'Duomenų subjektų prašymų nagrinėjimas', en: 'Handling data subject requests' },
  businessFunction: { lt: 'Duomenų apsauga', en: 'Data protection' },
  description: {
    lt: 'Prašymų įgyvendinti duomenų subjekto teises priėmimas, tapatybės patvirtinimas, nagrinėjimas, atsakymai ir įrodymų, kad prašymai išnagrinėti laiku, saugojimas.',
    en: 'Receiving requests to exercise data subject rights, confirming identity, handling and answering them, and keeping evidence that they were handled on time.',
  },
  purposes: [
    {
      id: 'rights-requests',
      name: { lt: 'Duomenų subjekto teisių įgyvendinimas', en: 'Giving effect to data subject rights' },
      description: {
        lt: 'Prašymų dėl susipažinimo, ištaisymo, ištrynimo, apribojimo, perkeliamumo, nesutikimo ir sutikimo atšaukimo nagrinėjimas ir atsakymai į juos per teisės aktuose nustatytus terminus.',
        en: 'Handling and answering requests for access, rectification, erasure, restriction, portability, objection and withdrawal of consent within the statutory time limits.',
      },
      legalBases: [
        {
          article: '6(1)(c)',
          description: {
            lt: 'Tvarkyti duomenis būtina, kad bendrovė įvykdytų BDAR ir kitų teisės aktų nustatytą prievolę nagrinėti duomenų subjektų prašymus.',
            en: 'Processing is necessary for the Company to comply with its legal obligation under the GDPR to handle data subject requests.',
          },
          legalObligation: {
            law: {
              lt: 'Bendrojo duomenų apsaugos reglamento 12–22 straipsniai.',
              en: 'GDPR Articles 12 to 22.',
            },
            ref: [law('GDPR', 'Arts. 12-22')],
          },
          ref: [notice('s9'), law('GDPR', 'Art. 12(3)')],
        },
      ],
      categories: ['requester-identity', 'request-case'],
      ref: [notice('s9', 'not listed as a purpose in section 5; follows from the procedure of section 9 and the law (GDPR Art. 12)')],
    },
  ],
  subjects: [
    {
      id: 'requesters',
      kind: 'other',
      name: { lt: 'Prašymus pateikę asmenys', en: 'Persons who file requests' },
      description: {
        lt: 'Klientai ir kiti asmenys, kurių duomenis tvarko bendrovė, taip pat jų atstovai.',
        en: 'Clients and other persons whose data the Company processes, and their representatives.',
      },
      ref: [notice('s9')],
    },
  ],
  dataCategories: [
    {
      id: 'requester-identity',
      name: { lt: 'Prašymo teikėjo duomenys', en: 'Requester data' },
      fields: {
        lt: 'Vardas, pavardė, kontaktiniai duomenys ir tapatybei patvirtinti pateikta informacija.',
        en: 'Name, surname, contact details and the information given to confirm identity.',
      },
      required: true,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s9'), law('GDPR', 'Art. 12(6)')],
      fieldRefs: { required: [assumed('s9', '"required" inferred: a request cannot be handled without knowing who made it')] },
    },
    {
      id: 'request-case',
      name: { lt: 'Prašymo byla', en: 'Request case' },
      fields: {
        lt: 'Prašymo turinys, gavimo data, susirašinėjimas, priimti sprendimai, atsakymas ir jo pateikimo data.',
        en: 'Content of the request, date of receipt, correspondence, decisions taken, the reply and when it was given.',
      },
      required: true,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s9')],
      fieldRefs: { required: [assumed('s9', '"required" inferred: a request cannot be handled without its content')] },
    },
  ],
  sources: [
    {
      id: 'data-subject',
      kind: 'data-subject',
      description: {
        lt: 'Prašymą pateikęs asmuo arba jo atstovas.',
        en: 'The person who files the request, or their representative.',
      },
      ref: [notice('s9')],
    },
  ],
  recipients: [itServiceProviders, courtsAndAuthorities],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'request-evidence',
      kind: 'period',
      categories: ['requester-identity', 'request-case'],
      description: {
        lt: 'Prašymų bylos saugomos 3 metus nuo prašymo išnagrinėjimo, kad bendrovė galėtų įrodyti, jog prašymas išnagrinėtas tinkamai.',
        en: 'Request cases are kept for 3 years after the request is closed, so that the Company can show it was handled properly.',
      },
      anchor: 'request-closed',
      period: { years: 3 },
      action: 'erase',
      ref: [
        law('GDPR', 'Art. 5(2)', 'accountability'),
        law('LT-CIVIL-CODE', 'Art. 1.125(8)'),
        assumed('s9', 'the notice sets no period: the 3-year limitation period for damages claims applied by Regula'),
      ],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Teisės aktų reikalaujamas prašymų nagrinėjimas; didelio pavojaus požymių nėra.',
    en: 'Statutory handling of requests; no indicator of high risk.',
  }),
  systems: ['request-pages'],
  ref: [notice('s9')],
};
