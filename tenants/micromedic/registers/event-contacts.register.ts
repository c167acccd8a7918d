import { Register } from '@regula/engine';
import { H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** Contacts from exhibitions, conferences and symposia, including lists received from organisers. */
export const eventContacts: Register = {
  id: 'event-contacts',
  name: { en: 'Contacts from exhibitions, conferences and symposia', sv: 'Kontakter från mässor, konferenser och symposier' },
  businessFunction: { en: 'Sales and events', sv: 'Försäljning och evenemang' },
  description: {
    en: 'We keep contact persons\' details when we meet them at exhibitions, conferences and symposia, when organisers of such events pass participants\' details to us, and when someone contacts us to ask about or offer participation in an exhibition, a conference or a similar event.',
    sv: 'Vi sparar kontaktpersoners uppgifter när vi träffar dem på mässor, konferenser och symposier, när arrangörer av sådana evenemang lämnar deltagares uppgifter till oss och när någon kontaktar oss för att fråga om eller erbjuda deltagande i en utställning, en konferens eller liknande.',
  },
  purposes: [
    {
      id: 'event-follow-up',
      name: { en: 'Following up event contacts and participation', sv: 'Uppföljning av kontakter och deltagande vid evenemang' },
      description: {
        en: 'To follow up contacts made at or through exhibitions, conferences and symposia and to handle enquiries and offers about taking part in them.',
        sv: 'Att följa upp kontakter som knutits på eller genom mässor, konferenser och symposier och att hantera förfrågningar och erbjudanden om deltagande i dem.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            en: 'Balancing of interests: our legitimate interest in following up professional contacts from events and in planning our participation in them.',
            sv: 'Intresseavvägning: vårt berättigade intresse av att följa upp yrkesmässiga kontakter från evenemang och att planera vårt deltagande i dem.',
          },
          legitimateInterest: {
            en: 'Following up professional contacts from exhibitions, conferences and symposia and arranging our participation in such events.',
            sv: 'Att följa upp yrkesmässiga kontakter från mässor, konferenser och symposier och att ordna vårt deltagande i sådana evenemang.',
          },
          ref: [
            notice(H.grounds),
            assumed(H.others, 'legal basis mapped by Regula: the notice assumes the organiser had the person\'s consent to pass the data on but states no basis of Micromedic\'s own; legitimate interest chosen'),
          ],
        },
      ],
      categories: ['ev-contact', 'ev-event'],
      ref: [notice(H.personal), notice(H.others)],
    },
  ],
  subjects: [
    {
      id: 'event-participants',
      kind: 'event-participant',
      name: { en: 'Participants in exhibitions, conferences and symposia', sv: 'Deltagare i mässor, konferenser och symposier' },
      mayIncludeChildren: false,
      ref: [notice(H.others)],
    },
    {
      id: 'event-contact-persons',
      kind: 'contact-person',
      name: { en: 'Contact persons of organisers and exhibitors', sv: 'Kontaktpersoner hos arrangörer och utställare' },
      mayIncludeChildren: false,
      ref: [notice(H.personal)],
    },
  ],
  dataCategories: [
    {
      id: 'ev-contact',
      name: { en: 'Contact details', sv: 'Kontaktuppgifter' },
      fields: {
        en: 'Name, organisation, telephone number, e-mail address and work address.',
        sv: 'Namn, organisation, telefonnummer, e-postadress och arbetsadress.',
      },
      required: false,
      providedBySubject: true,
      sources: ['ev-subject', 'ev-organiser', 'ev-public'],
      ref: [notice(H.personal), notice(H.others)],
    },
    {
      id: 'ev-event',
      name: { en: 'Event and interest details', sv: 'Uppgifter om evenemang och intressen' },
      fields: {
        en: 'Which event the contact comes from, the products you showed an interest in, and enquiries or offers about participation.',
        sv: 'Vilket evenemang kontakten kommer från, vilka produkter du visade intresse för samt förfrågningar eller erbjudanden om deltagande.',
      },
      required: false,
      providedBySubject: true,
      sources: ['ev-subject', 'ev-organiser'],
      ref: [notice(H.personal), notice(H.others)],
    },
  ],
  sources: [
    {
      id: 'ev-subject',
      kind: 'data-subject',
      description: {
        en: 'You, when you meet us at an event or contact us about participation in an exhibition or conference.',
        sv: 'Du själv, när du träffar oss vid ett evenemang eller kontaktar oss om deltagande i en utställning eller konferens.',
      },
      ref: [notice(H.personal)],
    },
    {
      id: 'ev-organiser',
      kind: 'third-party',
      description: {
        en: 'Organisers of symposia, exhibitions and fairs who pass participants\' details to us.',
        sv: 'Arrangörer av symposier, utställningar och mässor som lämnar deltagares uppgifter till oss.',
      },
      ref: [notice(H.others)],
    },
    {
      id: 'ev-public',
      kind: 'public-source',
      description: {
        en: 'Public sources of information, used to keep contact details up to date and correct.',
        sv: 'Offentliga informationskällor, som används för att hålla kontaktuppgifterna uppdaterade och korrekta.',
      },
      ref: [notice(H.others)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'ev-after-last-contact',
      kind: 'period',
      categories: ['ev-contact', 'ev-event'],
      anchor: 'last-activity',
      period: { months: 24 },
      action: 'erase',
      description: {
        en: 'Erased 24 months after our last contact with you, unless you have become a customer, in which case the rules for customer data apply.',
        sv: 'Raderas 24 månader efter vår senaste kontakt med dig, om du inte har blivit kund; då gäller reglerna för kunduppgifter.',
      },
      ref: [assumed(H.grounds, PERIOD_ASSUMED)],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.others)],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Professional contact details from events, without special categories or profiling.',
    sv: 'Yrkesmässiga kontaktuppgifter från evenemang, utan särskilda kategorier av personuppgifter eller profilering.',
  }),
  systems: ['customer-database'],
  ref: [notice(H.others), notice(H.personal)],
};
