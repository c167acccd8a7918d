import { Register } from '@regula/engine';
import { H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** "Administration av tjänster": customer contacts, bookings of demonstrations, service and repairs. */
export const serviceAdministration: Register = {
  id: 'service-administration',
  name: { en: 'Administration of services and customer contacts', sv: 'Administration av tjänster och kundkontakter' },
  businessFunction: { en: 'Sales, customer service and technical service', sv: 'Försäljning, kundtjänst och teknisk service' },
  description: {
    en: 'We keep the contact details and case data we need to administer your use of our services: to contact you about our products, servicing and repairs and about what you have bought before, and to handle your errands, such as booking a demonstration, a service or a repair.',
    sv: 'Vi sparar de kontaktuppgifter och ärendeuppgifter som behövs för att administrera din användning av våra tjänster: för att kontakta dig om våra produkter, servicetjänster och reparationer och om det du tidigare har köpt, samt för att hantera dina ärenden, till exempel bokning av en demonstration, service eller reparation.',
  },
  purposes: [
    {
      id: 'administer-services',
      name: { en: 'Administering services, bookings, servicing and repairs', sv: 'Administration av tjänster, bokningar, service och reparationer' },
      description: {
        en: 'To handle your errands and bookings (demonstrations, servicing, repairs) and to contact you about products and services connected with what you have bought from us.',
        sv: 'Att hantera dina ärenden och bokningar (demonstrationer, service, reparationer) och att kontakta dig om produkter och tjänster som hänger samman med det du har köpt av oss.',
      },
      legalBases: [
        {
          article: '6(1)(b)',
          description: {
            en: 'Performance of our contract with you as a customer, or steps you ask us to take before entering into one (such as booking a demonstration).',
            sv: 'Fullgörande av vårt avtal med dig som kund, eller åtgärder som du begär innan ett avtal ingås (till exempel bokning av en demonstration).',
          },
          ref: [notice(H.grounds), assumed(H.grounds, 'legal basis mapped by Regula: the notice names contract as one of its bases without assigning bases to purposes')],
        },
        {
          article: '6(1)(f)',
          description: {
            en: 'Where you are the contact person of a customer organisation, our legitimate interest in administering the customer relationship with that organisation.',
            sv: 'När du är kontaktperson hos en kund som är en organisation: vårt berättigade intresse av att administrera kundförhållandet med den organisationen.',
          },
          legitimateInterest: {
            en: 'Administering orders, bookings, servicing and repairs for customer organisations through their contact persons.',
            sv: 'Att administrera beställningar, bokningar, service och reparationer för kunder som är organisationer genom deras kontaktpersoner.',
          },
          ref: [notice(H.grounds), assumed(H.grounds, 'legal basis mapped by Regula: intresseavvägning is named as a basis; its use for contact persons of customer organisations is inferred from "relaterat till ditt arbete"')],
        },
      ],
      categories: ['sa-contact', 'sa-case'],
      ref: [notice(H.administration), notice(H.personal)],
    },
  ],
  subjects: [
    {
      id: 'customers',
      kind: 'client',
      name: { en: 'Customers and contact persons of customers', sv: 'Kunder och kunders kontaktpersoner' },
      mayIncludeChildren: false,
      ref: [notice(H.administration), notice(H.collected)],
    },
    {
      id: 'demonstration-visitors',
      kind: 'prospect',
      name: { en: 'Persons who book or attend our demonstrations', sv: 'Personer som bokar eller besöker våra demonstrationer' },
      mayIncludeChildren: false,
      ref: [notice(H.personal)],
    },
  ],
  dataCategories: [
    {
      id: 'sa-contact',
      name: { en: 'Contact details', sv: 'Kontaktuppgifter' },
      fields: {
        en: 'Name, telephone number, postal address, e-mail address, workplace and work address.',
        sv: 'Namn, telefonnummer, postadress, e-postadress, arbetsplats och arbetsadress.',
      },
      required: true,
      providedBySubject: true,
      sources: ['sa-subject', 'sa-public'],
      ref: [notice(H.personal), notice(H.collected), assumed(H.personal, 'required flag inferred: the notice does not say which data is needed for the service')],
    },
    {
      id: 'sa-case',
      name: { en: 'Errands, bookings and purchase history', sv: 'Ärenden, bokningar och köphistorik' },
      fields: {
        en: 'Booked demonstrations, servicing and repairs, products bought earlier, correspondence with customer service and data created when you use our services.',
        sv: 'Bokade demonstrationer, service och reparationer, tidigare köpta produkter, korrespondens med kundtjänst och uppgifter som skapas när du använder våra tjänster.',
      },
      required: true,
      providedBySubject: true,
      sources: ['sa-subject', 'sa-internal'],
      ref: [notice(H.personal), notice(H.administration), assumed(H.personal, 'required flag inferred: the notice does not say which data is needed for the service')],
    },
  ],
  sources: [
    {
      id: 'sa-subject',
      kind: 'data-subject',
      description: {
        en: 'You, when you contact our customer service by e-mail or telephone, visit our demonstrations or register on the website.',
        sv: 'Du själv, när du kontaktar vår kundtjänst via e-post eller telefon, besöker våra demonstrationer eller anmäler dig via webbplatsen.',
      },
      ref: [notice(H.personal)],
    },
    {
      id: 'sa-public',
      kind: 'public-source',
      description: {
        en: 'Public sources of information, used to keep your contact details up to date and correct.',
        sv: 'Offentliga informationskällor, som används för att hålla dina kontaktuppgifter uppdaterade och korrekta.',
      },
      ref: [notice(H.others)],
    },
    {
      id: 'sa-internal',
      kind: 'internal-system',
      description: {
        en: 'Our sales system and customer database, where data arises when you use our services.',
        sv: 'Vårt försäljningssystem och vår kunddatabas, där uppgifter uppstår när du använder våra tjänster.',
      },
      ref: [notice(H.personal), notice(H.grounds)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'sa-after-last-contact',
      kind: 'period',
      categories: ['sa-contact', 'sa-case'],
      anchor: 'last-activity',
      period: { months: 36 },
      action: 'erase',
      description: {
        en: 'Erased 36 months after your last purchase, booking or errand with us, when the data is no longer relevant for administering our services. Data in accounting records is kept under the accounting register.',
        sv: 'Raderas 36 månader efter ditt senaste köp, din senaste bokning eller ditt senaste ärende hos oss, när uppgifterna inte längre är relevanta för administrationen av våra tjänster. Uppgifter i räkenskapsinformation sparas enligt registret för bokföring.',
      },
      ref: [
        assumed(H.grounds, `${PERIOD_ASSUMED}; 36 months covers the usual complaint periods for goods and services, while claims can run for ten years (Preskriptionslag 2 §)`),
        { source: 'SE-PRESKRIPTION', at: '2 §' },
      ],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.administration, 'the notice describes no automated decision or profiling for this purpose')],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Ordinary customer administration of contact and case data, without special categories, profiling or large-scale monitoring.',
    sv: 'Sedvanlig kundadministration av kontakt- och ärendeuppgifter, utan särskilda kategorier av personuppgifter, profilering eller storskalig övervakning.',
  }),
  systems: ['sales-system', 'customer-database'],
  ref: [notice(H.administration), notice(H.personal)],
};
