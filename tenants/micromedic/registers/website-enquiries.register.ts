import { Register } from '@regula/engine';
import { H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** Interest forms on the website: "anmäler ditt intresse för en produkt och du önskar att vi kontaktar dig". */
export const websiteEnquiries: Register = {
  id: 'website-enquiries',
  name: { en: 'Product enquiries through the website', sv: 'Intresseanmälningar via webbplatsen' },
  businessFunction: { en: 'Sales', sv: 'Försäljning' },
  description: {
    en: 'When you register your interest in a product on our website and ask us to contact you, we collect the data we need to handle your enquiry and to get in touch with you.',
    sv: 'När du på vår webbplats anmäler intresse för en produkt och vill att vi kontaktar dig samlar vi in de uppgifter vi behöver för att hantera din förfrågan och ta kontakt med dig.',
  },
  purposes: [
    {
      id: 'handle-enquiry',
      name: { en: 'Handling your product enquiry', sv: 'Hantering av din intresseanmälan' },
      description: {
        en: 'To answer your enquiry about a product and contact you as you have asked.',
        sv: 'Att besvara din förfrågan om en produkt och kontakta dig så som du har bett om.',
      },
      legalBases: [
        {
          article: '6(1)(b)',
          description: {
            en: 'Steps you ask us to take before a possible contract.',
            sv: 'Åtgärder som du begär innan ett eventuellt avtal ingås.',
          },
          ref: [notice(H.digital), assumed(H.digital, 'legal basis mapped by Regula: the notice states no basis per purpose; pre-contract steps inferred from the request to be contacted')],
        },
        {
          article: '6(1)(f)',
          description: {
            en: 'Where you enquire on behalf of an organisation, our legitimate interest in answering the enquiry you made.',
            sv: 'När du gör förfrågan för en organisations räkning: vårt berättigade intresse av att besvara den förfrågan du har gjort.',
          },
          legitimateInterest: {
            en: 'Answering enquiries from prospective customers who have asked to be contacted.',
            sv: 'Att besvara förfrågningar från presumtiva kunder som har bett att bli kontaktade.',
          },
          ref: [notice(H.digital), assumed(H.digital, 'legal basis mapped by Regula: the notice states no basis per purpose; legitimate interest chosen for enquiries made in a professional capacity')],
        },
      ],
      categories: ['wf-enquiry'],
      ref: [notice(H.digital), notice(H.personal)],
    },
  ],
  subjects: [
    {
      id: 'enquirers',
      kind: 'prospect',
      name: { en: 'Persons who register an interest on the website', sv: 'Personer som gör en intresseanmälan på webbplatsen' },
      mayIncludeChildren: false,
      ref: [notice(H.digital), assumed(H.digital, 'mayIncludeChildren: false assumed; the notice says nothing about children and the services address customers in a professional capacity')],
    },
  ],
  dataCategories: [
    {
      id: 'wf-enquiry',
      name: { en: 'Enquiry and contact details', sv: 'Förfrågan och kontaktuppgifter' },
      fields: {
        en: 'Name, telephone number, e-mail address, workplace, the product you are interested in and your message.',
        sv: 'Namn, telefonnummer, e-postadress, arbetsplats, den produkt du är intresserad av och ditt meddelande.',
      },
      required: true,
      providedBySubject: true,
      sources: ['wf-form'],
      ref: [notice(H.digital), notice(H.personal), assumed(H.digital, 'required flag inferred: without contact details the enquiry cannot be answered; the notice marks no data as required')],
    },
  ],
  sources: [
    {
      id: 'wf-form',
      kind: 'data-subject',
      description: {
        en: 'You, through the interest form on our website.',
        sv: 'Du själv, genom intresseformuläret på vår webbplats.',
      },
      ref: [notice(H.digital)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  retention: [
    {
      id: 'wf-after-last-contact',
      kind: 'period',
      categories: ['wf-enquiry'],
      anchor: 'last-activity',
      period: { months: 12 },
      action: 'erase',
      description: {
        en: 'Erased 12 months after the enquiry was last dealt with, unless you have become a customer, in which case the rules for customer data apply.',
        sv: 'Raderas 12 månader efter att förfrågan senast hanterades, om du inte har blivit kund; då gäller reglerna för kunduppgifter.',
      },
      ref: [assumed(H.grounds, PERIOD_ASSUMED)],
    },
  ],
  security: BASE_SECURITY,
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.digital)],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Contact details given by the person to be contacted about a product.',
    sv: 'Kontaktuppgifter som personen själv lämnar för att bli kontaktad om en produkt.',
  }),
  systems: ['website', 'customer-database'],
  ref: [notice(H.digital)],
};
