import { Register } from '@regula/engine';
import { H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** "Marknadsföring": direct marketing to customers with an active customer relationship. */
export const marketing: Register = {
  id: 'marketing',
  name: { en: 'Marketing to customers', sv: 'Marknadsföring till kunder' },
  businessFunction: { en: 'Marketing', sv: 'Marknadsföring' },
  description: {
    en: 'We use customer data to send customers with whom we have an active customer relationship information about offers and services relevant to them.',
    sv: 'Vi använder kunduppgifter för att ge kunder som vi har en aktiv kundrelation med information om erbjudanden och tjänster som är relevanta för dem.',
  },
  purposes: [
    {
      id: 'direct-marketing',
      name: { en: 'Direct marketing to active customers', sv: 'Direktmarknadsföring till aktiva kunder' },
      description: {
        en: 'To inform customers with an active customer relationship about relevant offers and services, by e-mail, telephone or post.',
        sv: 'Att informera kunder med en aktiv kundrelation om relevanta erbjudanden och tjänster via e-post, telefon eller brev.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            en: 'Balancing of interests: our legitimate interest in direct marketing to customers with an active customer relationship. You may object at any time, free of charge.',
            sv: 'Intresseavvägning: vårt berättigade intresse av direktmarknadsföring till kunder som vi har en aktiv kundrelation med. Du kan när som helst och utan kostnad invända mot den.',
          },
          legitimateInterest: {
            en: 'Giving customers with whom we have an active customer relationship information about offers and services relevant to them.',
            sv: 'Att ge kunder som vi har en aktiv kundrelation med information om erbjudanden och tjänster som är relevanta för dem.',
          },
          ref: [notice(H.grounds)],
        },
      ],
      categories: ['mk-contact', 'mk-history'],
      directMarketing: true,
      ref: [notice(H.marketing), notice(H.grounds)],
    },
  ],
  subjects: [
    {
      id: 'active-customers',
      kind: 'client',
      name: { en: 'Customers with an active customer relationship and their contact persons', sv: 'Kunder med en aktiv kundrelation och deras kontaktpersoner' },
      mayIncludeChildren: false,
      ref: [notice(H.grounds)],
    },
  ],
  dataCategories: [
    {
      id: 'mk-contact',
      name: { en: 'Contact details', sv: 'Kontaktuppgifter' },
      fields: {
        en: 'Name, e-mail address, telephone number, workplace and work address.',
        sv: 'Namn, e-postadress, telefonnummer, arbetsplats och arbetsadress.',
      },
      required: false,
      providedBySubject: true,
      sources: ['mk-subject'],
      ref: [notice(H.marketing), notice(H.collected)],
    },
    {
      id: 'mk-history',
      name: { en: 'Purchases and product interests', sv: 'Köp och produktintressen' },
      fields: {
        en: 'Products and services bought earlier and products you have shown an interest in.',
        sv: 'Tidigare köpta produkter och tjänster samt produkter som du har visat intresse för.',
      },
      required: false,
      providedBySubject: true,
      sources: ['mk-subject', 'mk-internal'],
      ref: [notice(H.marketing), notice(H.administration)],
    },
  ],
  sources: [
    {
      id: 'mk-subject',
      kind: 'data-subject',
      description: { en: 'You, in your contacts with us as a customer.', sv: 'Du själv, i dina kontakter med oss som kund.' },
      ref: [notice(H.collected)],
    },
    {
      id: 'mk-internal',
      kind: 'internal-system',
      description: { en: 'Our sales system and customer database.', sv: 'Vårt försäljningssystem och vår kunddatabas.' },
      ref: [notice(H.grounds)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'mk-after-last-activity',
      kind: 'period',
      categories: ['mk-contact', 'mk-history'],
      anchor: 'last-activity',
      period: { months: 24 },
      action: 'erase',
      description: {
        en: 'Used for marketing no longer than 24 months after your last purchase or other activity as a customer, and erased then. If you object to direct marketing, we stop at once and erase the data kept only for marketing.',
        sv: 'Används för marknadsföring högst 24 månader efter ditt senaste köp eller annan aktivitet som kund och raderas därefter. Om du invänder mot direktmarknadsföring upphör vi omedelbart och raderar de uppgifter som sparas enbart för marknadsföring.',
      },
      ref: [
        assumed(H.grounds, `${PERIOD_ASSUMED}; "aktiv kundrelation" read as activity within the last 24 months`),
        { source: 'GDPR', at: 'Art. 21(3)', note: 'processing for direct marketing ends on objection' },
      ],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.marketing, 'selection of relevant offers; tailored recommendations are modelled in the personalisation register')],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Direct marketing to existing customers, without profiling of significant effect or special categories of data.',
    sv: 'Direktmarknadsföring till befintliga kunder, utan profilering med betydande verkan och utan särskilda kategorier av personuppgifter.',
  }),
  systems: ['sales-system', 'customer-database'],
  ref: [notice(H.marketing), notice(H.grounds)],
};
