import { Register, Transfer } from '@regula/engine';
import { assumed, corrected, law, notice } from '../refs';
import { SOFTERA_COOKIES } from './cookies';
import { dpiaNotRequired, itServiceProviders, location, noticeSecurity, processorTransfer } from './common';

const providerTransfer: Transfer = {
  id: 'cookie-providers-us',
  recipients: ['google', 'facebook'],
  destination: {
    lt: 'Jungtinės Amerikos Valstijos (slapukų teikėjų patronuojančiosios bendrovės)',
    en: 'United States (the cookie providers’ parent companies)',
  },
  safeguard: 'adequacy-decision',
  safeguardDetail: {
    lt: 'Sertifikuotiems JAV gavėjams taikomas ES ir JAV duomenų privatumo sistemos sprendimas dėl tinkamumo (Komisijos įgyvendinimo sprendimas (ES) 2023/1795), kitais atvejais – teikėjų sąlygose numatytos standartinės sutarčių sąlygos.',
    en: 'For certified US recipients the EU–US Data Privacy Framework adequacy decision (Commission Implementing Decision (EU) 2023/1795) applies, otherwise the standard contractual clauses in the providers’ terms.',
  },
  ref: [
    notice('s13'),
    assumed('s13', 'the notice states neither this transfer nor a safeguard: modelled because Google and Facebook are US groups; the DPF certification of each recipient is assumed'),
    law('GDPR', 'Art. 45(3)'),
  ],
};

/** Cookies and similar technologies: sections 6, 12 and 13. */
export const cookiesRegister: Register = {
  id: 'cookies',
  name: { lt: 'Slapukai', en: 'Cookies' },
  businessFunction: { lt: 'Svetainė ir rinkodara', en: 'Website and marketing' },
  description: {
    lt: 'Slapukų ir panašių technologijų naudojimas svetainės veikimui užtikrinti, lankytojo nustatymams įsiminti, svetainei tobulinti, rinkodaros turiniui pritaikyti ir trečiųjų šalių turiniui rodyti.',
    en: 'Using cookies and similar technologies to make the website work, remember visitors’ settings, improve the website, personalise marketing content and show third-party content.',
  },
  purposes: [
    {
      id: 'functionality',
      name: { lt: 'Svetainės veikimo užtikrinimas', en: 'Making the website work' },
      description: {
        lt: 'Būtinieji slapukai, leidžiantys naršyti svetainėje, saugiai prisijungti ir patekti į apsaugotas jos dalis.',
        en: 'Strictly necessary cookies that allow browsing, secure login and access to protected areas of the website.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės intereso teikti veikiančią ir saugią svetainę; būtiniesiems slapukams sutikimo nereikia.',
            en: 'Processing is necessary for the Company’s legitimate interest in offering a working and secure website; strictly necessary cookies need no consent.',
          },
          legitimateInterest: {
            lt: 'Užtikrinti pagrindines svetainės funkcijas ir saugų naudotojų prisijungimą.',
            en: 'Providing the website’s core functions and secure user login.',
          },
          ref: [notice('s12'), law('ePrivacy', 'Art. 5(3)', 'exemption for strictly necessary cookies'), assumed('s12', 'basis mapped by Regula, and the legitimate interest written by Regula: the notice says only that strictly necessary cookies need no consent')],
        },
      ],
      categories: ['cookie-identifiers'],
      ref: [notice('s12')],
    },
    {
      id: 'preferences',
      name: { lt: 'Nustatymų įsiminimas', en: 'Remembering settings' },
      description: {
        lt: 'Nuostatų slapukai, įsimenantys kalbą, nustatymus ir svetainės pritaikymą.',
        en: 'Preference cookies that remember language, settings and customisation of the website.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Lankytojas davė sutikimą naudoti nuostatų slapukus.',
            en: 'The visitor consented to preference cookies.',
          },
          ref: [notice('s12', 'consent for all but strictly necessary cookies')],
        },
      ],
      categories: ['cookie-preferences'],
      ref: [notice('s12'), notice('s13')],
    },
    {
      id: 'statistics',
      name: { lt: 'Svetainės tobulinimas ir statistika', en: 'Improving the website and statistics' },
      description: {
        lt: 'Statistiniai slapukai, padedantys suprasti, kaip lankytojai naudojasi svetaine, ir ją tobulinti.',
        en: 'Statistics cookies that help understand how visitors use the website and improve it.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Lankytojas davė sutikimą naudoti statistinius slapukus.',
            en: 'The visitor consented to statistics cookies.',
          },
          ref: [notice('s12')],
        },
      ],
      categories: ['cookie-identifiers', 'browsing-data'],
      ref: [notice('s12')],
    },
    {
      id: 'marketing',
      name: { lt: 'Rinkodaros turinio pritaikymas', en: 'Personalising marketing content' },
      description: {
        lt: 'Rinkodaros slapukai, kuriais stebimas lankytojų naršymas, kad jiems būtų rodoma pritaikyta reklama, ir analizuojami lankytojų srautai.',
        en: 'Marketing cookies that follow visitors’ browsing to show them tailored advertising, and traffic-flow analysis.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Lankytojas davė sutikimą naudoti rinkodaros slapukus.',
            en: 'The visitor consented to marketing cookies.',
          },
          ref: [notice('s12')],
        },
      ],
      categories: ['cookie-identifiers', 'browsing-data'],
      directMarketing: true,
      ref: [notice('s12'), notice('s13')],
    },
    {
      id: 'third-party-content',
      name: { lt: 'Trečiųjų šalių turinio rodymas', en: 'Showing third-party content' },
      description: {
        lt: 'Trečiųjų šalių slapukai, reikalingi, kad turiniu būtų galima dalytis socialiniuose tinkluose ir rengti lankomumo statistiką.',
        en: 'Third-party cookies needed to share content on social networks and to produce access statistics.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Lankytojas davė sutikimą naudoti trečiųjų šalių slapukus.',
            en: 'The visitor consented to third-party cookies.',
          },
          ref: [notice('s12')],
        },
      ],
      categories: ['cookie-identifiers', 'browsing-data'],
      ref: [notice('s12')],
    },
    {
      id: 'consent-records',
      name: { lt: 'Sutikimų su slapukais apskaita', en: 'Keeping records of cookie consent' },
      description: {
        lt: 'Lankytojo pasirinkimų dėl slapukų įrašymas, kad būtų paisoma jo valios ir būtų galima įrodyti sutikimą.',
        en: 'Recording the visitor’s cookie choices so that they are respected and the consent can be proven.',
      },
      legalBases: [
        {
          article: '6(1)(c)',
          description: {
            lt: 'Tvarkyti duomenis būtina, kad bendrovė įvykdytų teisės aktuose nustatytą prievolę gebėti įrodyti lankytojo sutikimą.',
            en: 'Processing is necessary for the Company’s legal obligation to be able to demonstrate the visitor’s consent.',
          },
          legalObligation: {
            law: {
              lt: 'Bendrojo duomenų apsaugos reglamento 7 straipsnio 1 dalis; Lietuvos Respublikos elektroninių ryšių įstatymas.',
              en: 'GDPR Art. 7(1); Law on Electronic Communications of the Republic of Lithuania.',
            },
            ref: [law('GDPR', 'Art. 7(1)'), law('LT-ERI')],
          },
          ref: [notice('s6', 'cookies are set "depending on your acceptance/refusal"'), assumed('s12', 'basis mapped by Regula')],
        },
      ],
      categories: ['cookie-consent'],
      ref: [notice('s6'), assumed('s12', 'purpose added by Regula: cookies are set "depending on your acceptance/refusal", so the choices are recorded')],
    },
  ],
  subjects: [
    {
      id: 'website-visitors',
      kind: 'website-visitor',
      name: { lt: 'Svetainės lankytojai', en: 'Website visitors' },
      mayIncludeChildren: true,
      ref: [notice('s12')],
      fieldRefs: { mayIncludeChildren: [assumed('s12', 'the website is public, so visitors may include children')] },
    },
  ],
  dataCategories: [
    {
      id: 'cookie-identifiers',
      name: { lt: 'Slapukų identifikatoriai', en: 'Cookie identifiers' },
      fields: {
        lt: 'Slapukuose saugomi unikalūs naudotojo ir seanso identifikatoriai (pvz., _ga, _gid, _fbp, _hjSessionUser_2892099, fcsft).',
        en: 'Unique user and session identifiers stored in cookies (e.g. _ga, _gid, _fbp, _hjSessionUser_2892099, fcsft).',
      },
      required: false,
      providedBySubject: false,
      sources: ['visitor-device'],
      ref: [notice('s13')],
    },
    {
      id: 'browsing-data',
      name: { lt: 'Naršymo duomenys', en: 'Browsing data' },
      fields: {
        lt: 'Naršyklės tipas, IP adresas, apsilankymų svetainėje skaičius, peržiūrėti puslapiai, apsilankymo trukmė, demografiniai duomenys, puslapio, iš kurio atėjote, URL adresas.',
        en: 'Browser type, IP address, number of visits to the website, pages viewed, visit duration, demographic data, URL of the page you came from.',
      },
      required: false,
      providedBySubject: false,
      sources: ['visitor-device', 'cookie-providers'],
      ref: [notice('s12')],
    },
    {
      id: 'cookie-preferences',
      name: { lt: 'Svetainės nustatymai', en: 'Website settings' },
      fields: {
        lt: 'Pasirinkta kalba, naudotojo nustatymai ir svetainės pritaikymo parinktys (slapukai ln_or, mcsft, ccsft).',
        en: 'Chosen language, user settings and website customisation choices (cookies ln_or, mcsft, ccsft).',
      },
      required: false,
      providedBySubject: true,
      sources: ['visitor-device'],
      ref: [notice('s13')],
    },
    {
      id: 'cookie-consent',
      name: { lt: 'Sutikimai su slapukais', en: 'Cookie consents' },
      fields: {
        lt: 'Lankytojo sutikimas ar atsisakymas dėl kiekvienos slapukų kategorijos, pasirinkimo ir jo pakeitimo laikas.',
        en: 'The visitor’s acceptance or refusal of each cookie category, and when it was given or changed.',
      },
      required: false,
      providedBySubject: true,
      sources: ['visitor-device'],
      ref: [notice('s6'), law('GDPR', 'Art. 7(1)'), assumed('s12', 'category and fields added by Regula to demonstrate consent')],
    },
  ],
  sources: [
    {
      id: 'visitor-device',
      kind: 'browser-or-device',
      description: {
        lt: 'Slapukai ir panašios technologijos lankytojo naršyklėje ir įrenginyje.',
        en: 'Cookies and similar technologies in the visitor’s browser and device.',
      },
      ref: [notice('s6'), notice('s12')],
    },
    {
      id: 'cookie-providers',
      kind: 'third-party',
      description: {
        lt: 'Analitikos ir reklamos paslaugų teikėjai, pateikiantys apibendrintus duomenis, pvz., demografinius.',
        en: 'Analytics and advertising providers that supply aggregated data such as demographics.',
      },
      ref: [assumed('s12', 'source inferred: "demographic data" can only come from the providers')],
    },
  ],
  recipients: [
    itServiceProviders,
    {
      id: 'google',
      kind: 'controller',
      name: { lt: 'Google (Google Analytics, Google AdSense)', en: 'Google (Google Analytics, Google AdSense)' },
      description: {
        lt: 'Svetainėje naudojamų Google Analytics statistinių slapukų ir Google AdSense rinkodaros slapukų teikėjas.',
        en: 'Provider of the Google Analytics statistics cookies and the Google AdSense marketing cookies used on the website.',
      },
      country: 'unknown',
      ref: [notice('s13')],
      fieldRefs: { kind: [assumed('s12', 'role not stated: Google Analytics usually acts as a processor, while for its advertising services Google is a separate controller; modelled as a controller')] },
    },
    {
      id: 'facebook',
      kind: 'joint-controller',
      name: { lt: 'Facebook (Meta)', en: 'Facebook (Meta)' },
      description: {
        lt: 'Rinkodaros slapuko _fbp teikėjas. Renkant duomenis svetainėje per Facebook priemones bendrovė ir Facebook yra bendri duomenų valdytojai (ESTT byla C-40/17, Fashion ID).',
        en: 'Provider of the marketing cookie _fbp. When data are collected on the website through Facebook tools, the Company and Facebook are joint controllers for that collection (CJEU case C-40/17, Fashion ID).',
      },
      country: 'unknown',
      ref: [notice('s13')],
      fieldRefs: { kind: [corrected('GDPR', 'Art. 26', 'the notice says the Company does not control third-party cookies; for data collected through Facebook tools on its website the Company is a joint controller with Facebook (CJEU C-40/17, Fashion ID)')] },
    },
    {
      id: 'hotjar',
      kind: 'processor',
      name: { lt: 'Hotjar', en: 'Hotjar' },
      description: {
        lt: 'Svetainės naudojimo analizės priemonė, nustatanti _hj slapukus.',
        en: 'Website usage analytics tool that sets the _hj cookies.',
      },
      dpa: true,
      country: 'unknown',
      ref: [notice('s13'), assumed('s13', 'provider inferred from the _hj prefix (the notice does not name Hotjar); role and agreement assumed: section 8 says processors work under agreements')],
    },
  ],
  transfers: [processorTransfer, providerTransfer],
  retention: [
    {
      id: 'tracking-data',
      kind: 'period',
      categories: ['cookie-identifiers', 'browsing-data'],
      description: {
        lt: 'Slapukų identifikatoriai ir naršymo duomenys saugomi ne ilgiau kaip 2 metus nuo surinkimo – tiek, kiek galioja ilgiausiai saugomas slapukas.',
        en: 'Cookie identifiers and browsing data are kept for no more than 2 years from collection, the lifetime of the longest-lived cookie.',
      },
      anchor: 'collected',
      period: { years: 2 },
      action: 'erase',
      ref: [notice('s13'), assumed('s7', 'the notice sets no period: the longest cookie expiry in the table (_ga, _ga_FPS8P4DFJJ: 2 years) applied by Regula')],
    },
    {
      id: 'settings',
      kind: 'period',
      categories: ['cookie-preferences'],
      description: {
        lt: 'Svetainės nustatymai saugomi 1 metus nuo jų įrašymo – tiek, kiek galioja nuostatų slapukai.',
        en: 'Website settings are kept for 1 year from when they are stored, the lifetime of the preference cookies.',
      },
      anchor: 'collected',
      period: { years: 1 },
      action: 'erase',
      ref: [notice('s13', 'ln_or, mcsft, ccsft expire after 1 year')],
    },
    {
      id: 'cookie-consent-evidence',
      kind: 'period',
      categories: ['cookie-consent'],
      description: {
        lt: 'Sutikimų su slapukais įrašai saugomi 3 metus nuo pasirinkimo, kad sutikimą būtų galima įrodyti.',
        en: 'Records of cookie consent are kept for 3 years from the choice, so that the consent can be proven.',
      },
      anchor: 'collected',
      period: { years: 3 },
      action: 'erase',
      ref: [
        law('LT-CIVIL-CODE', 'Art. 1.125(8)'),
        assumed('s7', 'the notice sets no period: the 3-year limitation period for damages claims applied by Regula'),
      ],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: {
    profiling: true,
    automatedDecisions: false,
    significantEffects: false,
    logic: {
      lt: 'Rinkodaros slapukai (_fbp, _gcl_au, scsft) leidžia pagal naršymo elgseną parinkti lankytojui rodomą reklamą ir turinį. Sprendimai, dėl kurių lankytojui kiltų teisinės pasekmės ar panašiai didelis poveikis, nepriimami.',
      en: 'Marketing cookies (_fbp, _gcl_au, scsft) let the advertising and content shown to a visitor be chosen from their browsing behaviour. No decision with legal or similarly significant effects is made.',
    },
    ref: [notice('s12', '"display only customized advertisements"'), notice('s13')],
  },
  cookies: SOFTERA_COOKIES,
  location,
  dpia: dpiaNotRequired({
    lt: 'Sutikimu pagrįsti analitikos ir reklamos slapukai vienoje svetainėje; rinkodaros slapukai apima profiliavimą, tačiau tik reklamai parinkti, be teisinių ar panašiai reikšmingų pasekmių.',
    en: 'Consent-based analytics and advertising cookies on one website; marketing cookies involve profiling, but only to choose advertising, without legal or similarly significant effects.',
  }),
  systems: ['website', 'consent-manager'],
  ref: [notice('s6'), notice('s12'), notice('s13')],
};
