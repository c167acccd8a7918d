import { Register } from '@regula/engine';
import { assumed, corrected, law, notice } from '../refs';
import {
  contactDataFields, courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location,
  noAutomatedDecisions, noticeSecurity, processorTransfer,
} from './common';

/** Debt management and recovery: sections 5 and 8. */
export const debtRecoveryRegister: Register = {
  id: 'debt-recovery',
  name: { lt: 'Skolų administravimas ir išieškojimas', en: 'Debt management and recovery' },
  businessFunction: { lt: 'Finansai ir buhalterija', en: 'Finance and accounting' },
  description: {
    lt: 'Klientų įsiskolinimų administravimas, priminimai apie skolas, skolų išieškojimas ir duomenų apie skolininkus teikimas skolų išieškojimo bendrovėms ir skolininkų duomenų bazių tvarkytojams teisės aktų leidžiama apimtimi.',
    en: 'Managing clients’ arrears, sending reminders, recovering debts and, to the extent the law permits, disclosing debtor data to debt collectors and debtor-database administrators.',
  },
  purposes: [
    {
      id: 'debt-recovery',
      name: { lt: 'Skolų administravimas ir išieškojimas', en: 'Debt management and recovery' },
      description: {
        lt: 'Įsiskolinimų stebėjimas, priminimų siuntimas, skolų išieškojimas ne teismo ir teismo tvarka.',
        en: 'Monitoring arrears, sending reminders, recovering debts out of court and through the courts.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės intereso atgauti jai priklausančias sumas.',
            en: 'Processing is necessary for the Company’s legitimate interest in recovering the amounts owed to it.',
          },
          legitimateInterest: {
            lt: 'Atgauti pagal sutartis priklausančias sumas ir pareikšti, vykdyti bei ginti su jomis susijusius teisinius reikalavimus.',
            en: 'Recovering amounts due under contracts and establishing, exercising and defending the related legal claims.',
          },
          citedInNotice: 'legal obligation, i.e. Art. 6(1)(c) (section 5: "performance of legal obligations, for example, debt management and recovery")',
          ref: [
            notice('s5'),
            corrected('GDPR', 'Art. 6(1)(f)', 'the notice presents debt recovery as a legal obligation; no law obliges the Company to recover its debts, so the basis is its legitimate interest; the interest is worded by Regula'),
          ],
        },
      ],
      categories: ['debtor-identity', 'debt-data'],
      ref: [notice('s5')],
    },
  ],
  subjects: [
    {
      id: 'debtors',
      kind: 'debtor',
      name: { lt: 'Įsiskolinę klientai', en: 'Clients in arrears' },
      ref: [notice('s5'), notice('s8')],
    },
  ],
  dataCategories: [
    {
      id: 'debtor-identity',
      name: { lt: 'Skolininko duomenys', en: 'Debtor data' },
      fields: contactDataFields,
      required: true,
      providedBySubject: false,
      sources: ['client-records'],
      ref: [notice('s4')],
      fieldRefs: { required: [assumed('s5', '"required" inferred: debts cannot be managed without the debtor’s identity')] },
    },
    {
      id: 'debt-data',
      name: { lt: 'Skolos duomenys', en: 'Debt data' },
      fields: {
        lt: 'Skolos suma, atsiradimo ir mokėjimo terminai, susijusi sutartis ir sąskaitos, mokėjimų istorija, susirašinėjimas dėl skolos.',
        en: 'Amount of the debt, when it arose and fell due, the related contract and invoices, payment history, correspondence about the debt.',
      },
      required: true,
      providedBySubject: false,
      sources: ['client-records'],
      ref: [assumed('s5', 'fields and "required" inferred: the notice names debt management only as a purpose')],
    },
  ],
  sources: [
    {
      id: 'client-records',
      kind: 'internal-system',
      description: {
        lt: 'Bendrovės sutarčių, klientų ir apskaitos duomenys.',
        en: 'The Company’s contract, client and accounting records.',
      },
      ref: [notice('s6', 'the data derive from the client relationship')],
    },
  ],
  recipients: [
    itServiceProviders,
    {
      id: 'debt-administrators',
      kind: 'controller',
      name: {
        lt: 'Skolų išieškojimo bendrovės ir skolininkų duomenų bazių tvarkytojai',
        en: 'Debt collection companies and debtor-database administrators',
      },
      description: {
        lt: 'Skolų ir skolininkų duomenų bazių administravimo veikla užsiimantys subjektai; duomenys jiems teikiami tik teisės aktų leidžiama apimtimi ir sąlygomis.',
        en: 'Entities engaged in debt and debtor-database administration; data are disclosed to them only to the extent and on the conditions the law permits.',
      },
      country: 'unknown',
      ref: [notice('s8')],
      fieldRefs: { kind: [assumed('s8', 'role not stated: modelled as independent controllers; a collector acting on the Company’s mandate would be a processor')] },
    },
    courtsAndAuthorities,
  ],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'debt-limitation',
      kind: 'period',
      categories: ['debtor-identity', 'debt-data'],
      description: {
        lt: 'Skolos duomenys saugomi 10 metų po sutarties pabaigos – bendrąjį ieškinio senaties terminą.',
        en: 'Debt data are kept for 10 years after the contract ends, the general limitation period for claims.',
      },
      anchor: 'contract-ended',
      period: { years: 10 },
      action: 'erase',
      ref: [
        notice('s7', '"limitation period of a lawsuit"'),
        law('LT-CIVIL-CODE', 'Art. 1.125(1)'),
        assumed('s7', 'the notice names no period: the general 10-year limitation period applied by Regula; shorter periods apply to some claims (e.g. 5 years for periodic payments, Art. 1.125(2))'),
      ],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Skolų administravimas be automatizuotų sprendimų; didelio pavojaus požymių nėra. Duomenų teikimas skolininkų duomenų bazėms vertinamas atskirai.',
    en: 'Debt management without automated decisions; no indicator of high risk. Disclosure to debtor databases is assessed separately.',
  }),
  systems: ['accounting-system'],
  ref: [notice('s5'), notice('s8')],
};
