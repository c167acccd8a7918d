import { NATIONAL_RULES, Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  clientsSubject, courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location,
  noAutomatedDecisions, noticeSecurity, processorTransfer,
} from './common';

const LT_ACCOUNTING = NATIONAL_RULES.LT.accounting;

/** Accounting: section 5 names the purpose; sections 7 and 8 the storage and the recipients. */
export const accountingRegister: Register = {
  id: 'accounting',
  name: { lt: 'Buhalterinė apskaita', en: 'Accounting' },
  businessFunction: { lt: 'Finansai ir buhalterija', en: 'Finance and accounting' },
  description: {
    lt: 'Sąskaitų faktūrų išrašymas, mokėjimų apskaita ir buhalterinės apskaitos dokumentų saugojimas, kaip reikalauja teisės aktai.',
    en: 'Issuing invoices, recording payments and keeping accounting documents as the law requires.',
  },
  purposes: [
    {
      id: 'accounting',
      name: { lt: 'Buhalterinė apskaita', en: 'Accounting' },
      description: {
        lt: 'Ūkinių operacijų su klientais apskaita, sąskaitų faktūrų ir mokėjimo dokumentų rengimas ir saugojimas.',
        en: 'Recording transactions with clients, preparing and keeping invoices and payment documents.',
      },
      legalBases: [
        {
          article: '6(1)(c)',
          description: {
            lt: 'Tvarkyti duomenis būtina, kad bendrovė įvykdytų teisės aktuose nustatytas buhalterinės apskaitos ir dokumentų saugojimo prievoles.',
            en: 'Processing is necessary for the Company to comply with its statutory accounting and document-retention obligations.',
          },
          legalObligation: {
            law: {
              lt: 'Lietuvos Respublikos buhalterinės apskaitos įstatymas ir Bendrųjų dokumentų saugojimo terminų rodyklė.',
              en: 'Law on Accounting of the Republic of Lithuania and the General Index of Document Retention Periods.',
            },
            ref: [law('LT-ARCHIVES-INDEX', undefined, 'the notice names no act: the acts that impose the duty are named from the law')],
          },
          ref: [notice('s3'), assumed('s5', 'basis mapped by Regula: accounting is a statutory duty')],
        },
      ],
      categories: ['accounting-records'],
      ref: [notice('s5')],
    },
  ],
  subjects: [
    clientsSubject,
  ],
  dataCategories: [
    {
      id: 'accounting-records',
      name: { lt: 'Apskaitos duomenys', en: 'Accounting data' },
      fields: {
        lt: 'Kliento vardas, pavardė ir kontaktiniai duomenys, nurodyti sąskaitose faktūrose, mokėjimo ir kituose apskaitos dokumentuose; mokėjimų sumos ir datos.',
        en: 'The client’s name, surname and contact details as shown on invoices, payment and other accounting documents; amounts and dates of payments.',
      },
      required: true,
      providedBySubject: false,
      sources: ['contract-records'],
      ref: [assumed('s5', 'fields and "required" inferred: the notice names accounting only as a purpose')],
    },
  ],
  sources: [
    {
      id: 'contract-records',
      kind: 'internal-system',
      description: {
        lt: 'Bendrovės sutarčių ir klientų duomenys (registras „Klientai ir paslaugų teikimas“).',
        en: 'The Company’s contract and client records (register "Clients and service provision").',
      },
      ref: [notice('s6', 'the data derive from what the client submitted for the contract')],
    },
  ],
  recipients: [itServiceProviders, courtsAndAuthorities],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'accounting-documents',
      kind: 'period',
      categories: ['accounting-records'],
      description: {
        lt: 'Apskaitos dokumentai saugomi 10 metų nuo finansinių metų, kuriais jie surašyti, pabaigos.',
        en: 'Accounting documents are kept for 10 years from the end of the financial year in which they were drawn up.',
      },
      anchor: LT_ACCOUNTING.anchor,
      period: LT_ACCOUNTING.period,
      action: 'erase',
      ref: [
        notice('s7', '"mandatory document storage period"'),
        ...LT_ACCOUNTING.ref,
        assumed('s7', 'the notice names no period: the statutory accounting period applied by Regula to these documents'),
      ],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Įstatymo nustatyta buhalterinė apskaita; didelio pavojaus požymių nėra.',
    en: 'Statutory accounting; no indicator of high risk.',
  }),
  systems: ['accounting-system'],
  ref: [notice('s5'), notice('s7')],
};
