import { Register } from '@regula/engine';
import { COOKIE_EXPIRY_ASSUMED, H, PERIOD_ASSUMED, assumed, notice, registerFieldRefs } from '../refs';
import { AGGREGATED_ANALYSIS, BASE_SECURITY, LOCATION, cloudProviders, noDpia } from './common';

/** "Utveckla våra tjänster": analysis of user behaviour in the digital services. */
export const serviceDevelopment: Register = {
  id: 'service-development',
  name: { en: 'Development of our services', sv: 'Utveckling av våra tjänster' },
  businessFunction: { en: 'Digital services', sv: 'Digitala tjänster' },
  description: {
    en: 'We analyse how users navigate our digital services and which products they look at, so that we can develop and improve our offers, our functions and the way they are presented and make them easier to use.',
    sv: 'Vi analyserar hur användare navigerar i våra digitala tjänster och vilka produkter de intresserar sig för, så att vi kan utveckla och förbättra våra erbjudanden, våra funktioner och presentationen av dem och göra dem mer användarvänliga.',
  },
  purposes: [
    {
      id: 'analyse-usage',
      name: { en: 'Analysis of user behaviour to improve our digital services', sv: 'Analys av användarbeteende för att förbättra våra digitala tjänster' },
      description: {
        en: 'To analyse, mainly at an aggregated level, how the digital services are used, in order to improve their functions, presentation and usability.',
        sv: 'Att, huvudsakligen på aggregerad nivå, analysera hur de digitala tjänsterna används för att förbättra deras funktioner, presentation och användarvänlighet.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            en: 'Our legitimate interest in developing and improving our services. Cookies that are not strictly necessary are only set with your consent under the Swedish Electronic Communications Act.',
            sv: 'Vårt berättigade intresse av att utveckla och förbättra våra tjänster. Cookies som inte är nödvändiga sätts endast med ditt samtycke enligt lagen om elektronisk kommunikation.',
          },
          legitimateInterest: {
            en: 'Developing and improving our offers and digital services and making them more user-friendly.',
            sv: 'Att utveckla och förbättra våra erbjudanden och digitala tjänster och göra dem mer användarvänliga.',
          },
          ref: [
            notice(H.development),
            assumed(H.development, 'legal basis mapped by Regula: the notice states no basis per purpose (the promised table is missing); legitimate interest chosen'),
            { source: 'SE-LEK', at: '9 kap. 28 §', note: 'consent to store or read non-essential cookies is required independently of the Art. 6 basis' },
          ],
        },
      ],
      categories: ['dev-usage'],
      ref: [notice(H.development), notice(H.purposes)],
    },
  ],
  subjects: [
    {
      id: 'digital-service-users',
      kind: 'website-visitor',
      name: { en: 'Users of our website and digital services', sv: 'Användare av vår webbplats och våra digitala tjänster' },
      mayIncludeChildren: false,
      ref: [notice(H.digital), assumed(H.digital, 'mayIncludeChildren: false assumed; the notice says nothing about children and the services address customers in a professional capacity')],
    },
  ],
  dataCategories: [
    {
      id: 'dev-usage',
      name: { en: 'Usage data from the digital services', sv: 'Användningsuppgifter från de digitala tjänsterna' },
      fields: {
        en: 'How you navigate in the service, which products you are interested in, and data read through our own cookies.',
        sv: 'Hur du navigerar i tjänsten, vilka produkter du är intresserad av och uppgifter som läses in genom våra egna cookies.',
      },
      required: false,
      providedBySubject: true,
      sources: ['dev-device'],
      ref: [notice(H.digital), notice(H.grounds)],
    },
  ],
  sources: [
    {
      id: 'dev-device',
      kind: 'browser-or-device',
      description: {
        en: 'Your browser or device, when you use our digital services, including our own cookies.',
        sv: 'Din webbläsare eller enhet när du använder våra digitala tjänster, bland annat genom våra egna cookies.',
      },
      ref: [notice(H.digital), notice(H.grounds)],
    },
  ],
  recipients: [cloudProviders()],
  transfers: 'none',
  fieldRefs: registerFieldRefs(),
  cookies: [
    {
      name: 'analysis-cookies',
      label: { en: 'Analysis cookies', sv: 'Kakor för analys' },
      provider: 'Micromedic AB',
      firstParty: true,
      category: 'statistics',
      purpose: {
        en: 'Record how visitors navigate our digital services and which products they look at, analysed mainly at an aggregated level to improve our services and make them easier to use.',
        sv: 'Registrerar hur besökare navigerar i våra digitala tjänster och vilka produkter de tittar på; uppgifterna analyseras huvudsakligen på aggregerad nivå för att förbättra tjänsterna och göra dem mer användarvänliga.',
      },
      expiry: { months: 13 },
      basis: 'consent',
      ref: [
        notice(H.grounds, 'the notice says its own systems analyse user behaviour mainly from data gathered through cookies, handled anonymously at an aggregated level; it names no single cookie'),
        notice(H.development),
        assumed(H.grounds, `${COOKIE_EXPIRY_ASSUMED}; first party inferred from "egna system"`),
        { source: 'SE-LEK', at: '9 kap. 28 §', note: 'cookies that are not strictly necessary are set only with consent' },
      ],
    },
  ],
  retention: [
    {
      id: 'dev-anonymise',
      kind: 'period',
      categories: ['dev-usage'],
      anchor: 'collected',
      period: { months: 13 },
      action: 'anonymise',
      description: {
        en: 'Usage data linked to a browser or person is anonymised 13 months after it was collected; only aggregated statistics are kept after that.',
        sv: 'Användningsuppgifter som kan kopplas till en webbläsare eller person anonymiseras 13 månader efter insamlingen; därefter sparas endast aggregerad statistik.',
      },
      ref: [notice(H.grounds, 'the notice says data is "gallras eller anonymiseras"'), assumed(H.grounds, PERIOD_ASSUMED)],
    },
  ],
  security: [...BASE_SECURITY, AGGREGATED_ANALYSIS],
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [notice(H.development, 'analysis of use at an aggregated level, not of individuals')],
  },
  location: LOCATION,
  dpia: noDpia({
    en: 'Aggregated analysis of how the website is used, without evaluation of individuals or special categories of data.',
    sv: 'Aggregerad analys av hur webbplatsen används, utan bedömning av enskilda personer och utan särskilda kategorier av personuppgifter.',
  }),
  systems: ['website'],
  ref: [notice(H.development), notice(H.digital)],
};
