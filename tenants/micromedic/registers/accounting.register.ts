import { NATIONAL_RULES, Register } from '@regula/engine';
import { H, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

const SE_ACCOUNTING = NATIONAL_RULES.SE.accounting;

/** "Rättslig förpliktelse": bookkeeping under the Swedish Accounting Act. */
export const accounting: Register = {
  id: 'accounting',
  name: { en: 'Bookkeeping and accounting', sv: 'Bokföring och redovisning' },
  businessFunction: { en: 'Finance', sv: 'Ekonomi' },
  description: {
    en: 'We process personal data that appears in our accounting records, such as invoices and payments, to meet our legal obligations as regards bookkeeping and accounting.',
    sv: 'Vi behandlar personuppgifter som förekommer i vår räkenskapsinformation, till exempel fakturor och betalningar, för att uppfylla våra rättsliga förpliktelser i fråga om bokföring och redovisning.',
  },
  purposes: [
    {
      id: 'bookkeeping',
      name: { en: 'Meeting our bookkeeping obligations', sv: 'Fullgörande av våra skyldigheter att bokföra' },
      description: {
        en: 'To record business transactions and keep the accounting records as the Swedish Accounting Act requires.',
        sv: 'Att bokföra affärshändelser och bevara räkenskapsinformationen så som bokföringslagen kräver.',
      },
      legalBases: [
        {
          article: '6(1)(c)',
          description: {
            en: 'Compliance with our legal obligation to keep accounts.',
            sv: 'Fullgörande av vår rättsliga förpliktelse att föra bok.',
          },
          legalObligation: {
            law: { en: 'Swedish Accounting Act (1999:1078)', sv: 'Bokföringslagen (1999:1078)' },
            ref: [{ source: 'SE-BFL', at: '7 kap. 2 §' }],
          },
          ref: [notice(H.legalObligation)],
        },
      ],
      categories: ['ac-records'],
      ref: [notice(H.legalObligation)],
    },
  ],
  subjects: [
    {
      id: 'customers',
      kind: 'client',
      name: { en: 'Customers and contact persons of customers', sv: 'Kunder och kunders kontaktpersoner' },
      mayIncludeChildren: false,
      ref: [notice(H.legalObligation)],
    },
  ],
  dataCategories: [
    {
      id: 'ac-records',
      name: { en: 'Accounting records', sv: 'Räkenskapsinformation' },
      fields: {
        en: 'Name, address and contact person on orders, invoices and payments; the goods and services bought; amounts and dates.',
        sv: 'Namn, adress och kontaktperson på order, fakturor och betalningar; köpta varor och tjänster; belopp och datum.',
      },
      required: true,
      providedBySubject: true,
      sources: ['ac-subject', 'ac-internal'],
      ref: [
        notice(H.legalObligation),
        assumed(H.legalObligation, 'fields and the required flag inferred from the bookkeeping purpose: the notice lists no fields and marks none as required'),
      ],
    },
  ],
  sources: [
    {
      id: 'ac-subject',
      kind: 'data-subject',
      description: { en: 'You, when you buy from us.', sv: 'Du själv, när du köper av oss.' },
      ref: [notice(H.collected)],
    },
    {
      id: 'ac-internal',
      kind: 'internal-system',
      description: { en: 'Our sales system.', sv: 'Vårt försäljningssystem.' },
      ref: [notice(H.grounds)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'ac-statutory',
      kind: 'period',
      categories: ['ac-records'],
      anchor: SE_ACCOUNTING.anchor,
      period: SE_ACCOUNTING.period,
      action: 'erase',
      description: {
        en: 'Kept until the end of the seventh year after the end of the calendar year in which the financial year ended, as the Swedish Accounting Act requires, and erased then.',
        sv: 'Bevaras till och med det sjunde året efter utgången av det kalenderår då räkenskapsåret avslutades, så som bokföringslagen kräver, och raderas därefter.',
      },
      ref: [
        { source: 'SE-BFL', at: '7 kap. 2 §' },
        notice(H.legalObligation),
        assumed(H.legalObligation, 'statutory period applied by Regula: the notice names bookkeeping as a legal obligation but gives no period; the Accounting Act\'s seven years (7 kap. 2 §) is applied to its accounting records'),
      ],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.legalObligation)],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Statutory bookkeeping of ordinary business transactions.',
    sv: 'Lagstadgad bokföring av sedvanliga affärshändelser.',
  }),
  systems: ['sales-system'],
  ref: [notice(H.legalObligation)],
};
