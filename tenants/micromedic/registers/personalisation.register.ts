import { Register } from '@regula/engine';
import { COOKIE_EXPIRY_ASSUMED, H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { AGGREGATED_ANALYSIS, BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** "Personifiering": tailoring the website and recommendations, with our own cookies and systems. */
export const personalisation: Register = {
  id: 'personalisation',
  name: { en: 'Personalisation of content and recommendations', sv: 'Personifiering av innehåll och rekommendationer' },
  businessFunction: { en: 'Digital services and marketing', sv: 'Digitala tjänster och marknadsföring' },
  description: {
    en: 'We use data collected about you and your use of our services to adapt the content of the website when you visit us and to give you recommendations, by e-mail or otherwise, about temporary offers, new products or new research findings. We use our own systems and our own cookies for this.',
    sv: 'Vi använder uppgifter som samlats in om dig och din användning av våra tjänster för att anpassa webbplatsens innehåll när du besöker oss och för att ge dig rekommendationer via e-post eller på annat sätt om tillfälliga erbjudanden, nya produkter eller nya forskningsrön. Vi använder egna system och egna cookies för detta.',
  },
  purposes: [
    {
      id: 'personalise-website',
      name: { en: 'Adapting the website to you', sv: 'Anpassning av webbplatsen efter dig' },
      description: {
        en: 'To adapt what the website shows when you visit us, based on how you have used our services, with the help of our own cookies.',
        sv: 'Att anpassa vad webbplatsen visar när du besöker oss utifrån hur du har använt våra tjänster, med hjälp av våra egna cookies.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            en: 'Your consent to personalisation cookies, which you can withdraw at any time in the cookie settings or by contacting us.',
            sv: 'Ditt samtycke till cookies för personifiering, som du när som helst kan återkalla i cookieinställningarna eller genom att kontakta oss.',
          },
          ref: [
            notice(H.personalisation),
            assumed(H.grounds, 'legal basis mapped by Regula: the notice names consent among its bases without assigning it; consent chosen for cookie-based personalisation'),
            { source: 'SE-LEK', at: '9 kap. 28 §', note: 'cookies that are not strictly necessary require consent' },
          ],
        },
      ],
      categories: ['ps-usage', 'ps-profile'],
      ref: [notice(H.personalisation)],
    },
    {
      id: 'recommendations',
      name: { en: 'Personal recommendations', sv: 'Personliga rekommendationer' },
      description: {
        en: 'To give you recommendations by e-mail or otherwise about temporary offers, new products or new research findings that match your interests.',
        sv: 'Att ge dig rekommendationer via e-post eller på annat sätt om tillfälliga erbjudanden, nya produkter eller nya forskningsrön som motsvarar dina intressen.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            en: 'Balancing of interests: our legitimate interest in giving customers with an active customer relationship relevant offers. You may object at any time, free of charge.',
            sv: 'Intresseavvägning: vårt berättigade intresse av att ge kunder med en aktiv kundrelation relevanta erbjudanden. Du kan när som helst och utan kostnad invända.',
          },
          legitimateInterest: {
            en: 'Direct marketing of relevant offers and services to customers with an active customer relationship.',
            sv: 'Direktmarknadsföring av relevanta erbjudanden och tjänster till kunder med en aktiv kundrelation.',
          },
          ref: [
            notice(H.grounds),
            notice(H.personalisation),
            assumed(H.grounds, 'legal basis mapped by Regula: the notice\'s legitimate interest in direct marketing to active customers applied to personal recommendations, which the notice lists without a basis'),
          ],
        },
      ],
      categories: ['ps-usage', 'ps-profile'],
      directMarketing: true,
      ref: [notice(H.personalisation)],
    },
  ],
  subjects: [
    {
      id: 'visitors-and-customers',
      kind: 'website-visitor',
      name: { en: 'Website visitors and customers who use our digital services', sv: 'Besökare på webbplatsen och kunder som använder våra digitala tjänster' },
      mayIncludeChildren: false,
      ref: [notice(H.personalisation), assumed(H.personalisation, 'mayIncludeChildren: false assumed; the notice says nothing about children and the services address customers in a professional capacity')],
    },
  ],
  dataCategories: [
    {
      id: 'ps-usage',
      name: { en: 'Usage and cookie data', sv: 'Användnings- och cookieuppgifter' },
      fields: {
        en: 'Pages and products you have looked at and data read through our own cookies.',
        sv: 'Sidor och produkter som du har tittat på samt uppgifter som läses in genom våra egna cookies.',
      },
      required: false,
      providedBySubject: true,
      sources: ['ps-device'],
      ref: [notice(H.personalisation), notice(H.digital)],
    },
    {
      id: 'ps-profile',
      name: { en: 'Interest profile', sv: 'Intresseprofil' },
      fields: {
        en: 'The interests and preferences we derive from your use of our services, used to choose content and recommendations.',
        sv: 'De intressen och preferenser som vi härleder från din användning av våra tjänster och som används för att välja innehåll och rekommendationer.',
      },
      required: false,
      providedBySubject: false,
      sources: ['ps-internal'],
      ref: [notice(H.personalisation)],
    },
  ],
  sources: [
    {
      id: 'ps-device',
      kind: 'browser-or-device',
      description: {
        en: 'Your browser or device when you visit the website, through our own cookies.',
        sv: 'Din webbläsare eller enhet när du besöker webbplatsen, genom våra egna cookies.',
      },
      ref: [notice(H.personalisation), notice(H.grounds)],
    },
    {
      id: 'ps-internal',
      kind: 'internal-system',
      description: {
        en: 'Our own personalisation and analysis systems, which derive the interest profile.',
        sv: 'Våra egna system för personifiering och analys, som tar fram intresseprofilen.',
      },
      ref: [notice(H.grounds)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  cookies: [
    {
      name: 'personalisation-cookies',
      label: { en: 'Personalisation cookies', sv: 'Kakor för personifiering' },
      provider: 'Micromedic AB',
      firstParty: true,
      category: 'marketing',
      purpose: {
        en: 'Remember how you use our website and services so that we can adapt the content you see and recommend offers, products and research news that interest you.',
        sv: 'Kommer ihåg hur du använder vår webbplats och våra tjänster så att vi kan anpassa innehållet du ser och rekommendera erbjudanden, produkter och forskningsnyheter som intresserar dig.',
      },
      expiry: { months: 13 },
      basis: 'consent',
      ref: [
        notice(H.personalisation, 'the notice says personalisation also uses cookies and points to separate cookie information on the website; it names no single cookie'),
        notice(H.grounds, 'the cookies are read by Micromedic\'s own systems for personalisation'),
        assumed(H.personalisation, `${COOKIE_EXPIRY_ASSUMED}; first party inferred from "egna system"; category marketing chosen because the personalisation serves offers and recommendations`),
        { source: 'SE-LEK', at: '9 kap. 28 §', note: 'cookies that are not strictly necessary are set only with consent' },
      ],
    },
  ],
  retention: [
    {
      id: 'ps-after-last-activity',
      kind: 'period',
      categories: ['ps-usage', 'ps-profile'],
      anchor: 'last-activity',
      period: { months: 13 },
      action: 'erase',
      description: {
        en: 'Erased 13 months after your last visit or other activity. If you withdraw your consent or object, the data used only for personalisation is erased at once.',
        sv: 'Raderas 13 månader efter ditt senaste besök eller din senaste aktivitet. Om du återkallar ditt samtycke eller invänder raderas de uppgifter som används enbart för personifiering omedelbart.',
      },
      ref: [
        assumed(H.grounds, PERIOD_ASSUMED),
        notice(H.withdrawal, 'on withdrawal the processing covered by the consent stops and the data is erased, as the notice promises'),
      ],
    },
  ],
  security: [...BASE_SECURITY, AGGREGATED_ANALYSIS],
  automatedDecisions: {
    profiling: true,
    automatedDecisions: false,
    significantEffects: false,
    logic: {
      en: 'Your visits and the products you look at are used to estimate which products, offers and research news interest you; this only decides which content and recommendations you see and has no legal or similarly significant effect.',
      sv: 'Dina besök och de produkter du tittar på används för att bedöma vilka produkter, erbjudanden och forskningsnyheter som intresserar dig; det avgör endast vilket innehåll och vilka rekommendationer du ser och har inga rättsliga eller på liknande sätt betydande följder.',
    },
    ref: [notice(H.personalisation), notice(H.objection, 'the notice grants objection "även omfattande profilering"')],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Profiling limited to choosing content and offers, without legal or similarly significant effects, special categories or large-scale systematic monitoring.',
    sv: 'Profilering som endast avgör vilket innehåll och vilka erbjudanden som visas, utan rättsliga eller liknande betydande följder, särskilda kategorier av personuppgifter eller storskalig systematisk övervakning.',
  }),
  systems: ['website', 'customer-database'],
  ref: [notice(H.personalisation)],
};
