import { Register } from '@regula/engine';
import { H, ORTOMEDIC_COUNTRY_ASSUMED, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, SHARED_CONTACT_FIELDS, cloudProviders, noDpia } from './common';

/** "Samarbeten": contact data shared with the parent company Ortomedic AS. */
export const groupSharing: Register = {
  id: 'group-sharing',
  name: { en: 'Cooperation with our parent company Ortomedic AS', sv: 'Samarbete med moderbolaget Ortomedic AS' },
  businessFunction: { en: 'Group cooperation and sales', sv: 'Samarbete inom koncernen och försäljning' },
  description: {
    en: 'Micromedic AB is a subsidiary of Ortomedic AS. To offer products, services and advantageous offers together, the two companies share the environment in which contact information is stored, and Micromedic AB shares name, telephone number, e-mail address and work address with Ortomedic AS.',
    sv: 'Micromedic AB är dotterbolag till Ortomedic AS. För att gemensamt kunna erbjuda produkter, tjänster och förmånliga erbjudanden delar bolagen den miljö där kontaktinformation sparas, och Micromedic AB delar namn, telefonnummer, e-postadress och arbetsadress med Ortomedic AS.',
  },
  purposes: [
    {
      id: 'group-offers',
      name: { en: 'Joint offers within the group', sv: 'Gemensamma erbjudanden inom koncernen' },
      description: {
        en: 'To offer products, services and advantageous offers together with our parent company, using a contact environment shared within the group.',
        sv: 'Att tillsammans med moderbolaget erbjuda produkter, tjänster och förmånliga erbjudanden med hjälp av en kontaktmiljö som delas inom koncernen.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            en: 'Balancing of interests: the sharing is necessary for the legitimate interests of Micromedic AB and the companies of its group.',
            sv: 'Intresseavvägning: delningen är nödvändig för Micromedic AB:s och koncernbolagens berättigade intressen.',
          },
          legitimateInterest: {
            en: 'Offering products and advantageous offers jointly within the group and keeping contact information in one shared environment.',
            sv: 'Att gemensamt inom koncernen erbjuda produkter och förmånliga erbjudanden och att hålla kontaktinformationen i en gemensam miljö.',
          },
          ref: [notice(H.cooperation)],
        },
      ],
      categories: ['gr-contact'],
      directMarketing: true,
      ref: [notice(H.cooperation), notice(H.controller)],
    },
  ],
  subjects: [
    {
      id: 'customers-and-contacts',
      kind: 'client',
      name: { en: 'Customers, prospective customers and their contact persons', sv: 'Kunder, presumtiva kunder och deras kontaktpersoner' },
      mayIncludeChildren: false,
      ref: [notice(H.cooperation), notice(H.controller)],
    },
  ],
  dataCategories: [
    {
      id: 'gr-contact',
      name: { en: 'Shared contact information', sv: 'Delad kontaktinformation' },
      fields: SHARED_CONTACT_FIELDS,
      required: false,
      providedBySubject: true,
      sources: ['gr-subject', 'gr-internal'],
      ref: [notice(H.controller)],
    },
  ],
  sources: [
    {
      id: 'gr-subject',
      kind: 'data-subject',
      description: { en: 'You, in your contacts with us.', sv: 'Du själv, i dina kontakter med oss.' },
      ref: [notice(H.collected)],
    },
    {
      id: 'gr-internal',
      kind: 'internal-system',
      description: { en: 'Our customer database.', sv: 'Vår kunddatabas.' },
      ref: [notice(H.grounds)],
    },
  ],
  recipients: [
    {
      id: 'ortomedic',
      kind: 'group-company',
      name: { en: 'Ortomedic AS (parent company, Norway)', sv: 'Ortomedic AS (moderbolag, Norge)' },
      description: {
        en: 'Our parent company, with which we share the environment in which contact information is stored.',
        sv: 'Vårt moderbolag, som vi delar den miljö med där kontaktinformationen sparas.',
      },
      country: 'NO',
      categories: ['gr-contact'],
      ref: [notice(H.cooperation), notice(H.controller), assumed(H.controller, ORTOMEDIC_COUNTRY_ASSUMED)],
    },
    cloudProviders(),
  ],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'gr-after-last-activity',
      kind: 'period',
      categories: ['gr-contact'],
      anchor: 'last-activity',
      period: { months: 24 },
      action: 'erase',
      description: {
        en: 'Erased from the shared contact environment 24 months after your last contact with us, or earlier if you object.',
        sv: 'Raderas ur den gemensamma kontaktmiljön 24 månader efter din senaste kontakt med oss, eller tidigare om du invänder.',
      },
      ref: [assumed(H.grounds, PERIOD_ASSUMED)],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.cooperation)],
  },
  location: {
    en: 'A contact environment shared by Micromedic AB and its parent company Ortomedic AS.',
    sv: 'En kontaktmiljö som Micromedic AB och moderbolaget Ortomedic AS delar.',
  },
  dpia: noDpia({
    en: 'Sharing of business contact details within the group, without special categories or profiling.',
    sv: 'Delning av yrkesmässiga kontaktuppgifter inom koncernen, utan särskilda kategorier av personuppgifter eller profilering.',
  }),
  systems: ['shared-group-contact-environment'],
  ref: [notice(H.cooperation), notice(H.controller)],
};
