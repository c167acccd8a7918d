import { Register } from '@regula/engine';
import { NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { authorities, processors } from '../common/recipients';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, corrected, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/** Why each cookie entry is assumed: the notice names categories only. */
const COOKIE_DETAILS_ASSUMED =
  'provider, first or third party and expiry assumed: the notice names cookie categories only (clause 25), with no single cookie, provider or expiry; this entry stands for the whole category';

/** Why the cookies that are not strictly necessary rest on consent. */
const COOKIE_CONSENT_CORRECTED = corrected(
  'LV-ISPL',
  'Art. 7.1',
  'the notice lets visitors refuse cookies in their browser settings (clause 24); cookies that are not strictly necessary may be stored only with the visitor\'s prior consent (ePrivacy Art. 5(3)), so they are set on consent',
);

/**
 * Visitors of inomedis.lv: browsing data and cookies (clauses 2.3, 18, 22-25).
 * The notice names four cookie categories and no individual cookie, so each
 * category is one entry. Analytical, advertising and functional
 * cookies are on consent (ePrivacy Art. 5(3), Information Society Services
 * Law); only the necessary ones are exempt.
 */
export const websiteRegister: Register = {
  id: 'website',
  name: t('Tīmekļvietnes apmeklētāji un sīkdatnes', 'Website visitors and cookies'),
  businessFunction: t('Tīmekļvietne un digitālais mārketings', 'Website and digital marketing'),
  description: t(
    'Tīmekļvietnes inomedis.lv darbības nodrošināšana, lietošanas statistika, darbības traucējumu diagnosticēšana un reklāma, izmantojot sīkdatnes un pārlūkošanas datus.',
    'Running the website inomedis.lv, usage statistics, diagnosing faults and advertising, using cookies and browsing data.',
  ),
  purposes: [
    {
      id: 'operation',
      name: t('Tīmekļvietnes darbība un drošība', 'Website operation and security'),
      description: t(
        'Tīmekļvietnes satura piegāde, obligāto sīkdatņu izmantošana un darbības traucējumu un nepilnību diagnosticēšana.',
        'Delivering the website, using the necessary cookies, and diagnosing faults and shortcomings in how the site works.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Nodrošināt, lai tīmekļvietne darbotos droši un bez traucējumiem.',
            'Keeping the website working securely and without faults.',
          ),
          ref: [clause('23'), assumed('14', 'legal basis mapped by Regula: the notice ties no basis to website data; legitimate interest chosen; necessary cookies need no consent (ePrivacy Art. 5(3))')],
        },
      ],
      categories: ['ip-address', 'browsing', 'cookie-data'],
      ref: clauses('18', '22', '23', '25'),
    },
    {
      id: 'functionality',
      name: t('Tīmekļvietnes ērta lietošana', 'Website convenience features'),
      description: t(
        'Funkcionālās sīkdatnes atceras lietotāja izvēles un pamatinformāciju, lai tīmekļvietni būtu ērtāk lietot.',
        'Functional cookies remember the user\'s choices and basic information so that the website is easier to use.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: t(
            'Apmeklētāja piekrišana funkcionālo sīkdatņu izmantošanai.',
            'The visitor\'s consent to functional cookies.',
          ),
          ref: [clause('22'), COOKIE_CONSENT_CORRECTED, { source: 'ePrivacy', at: 'Art. 5(3)' }],
        },
      ],
      categories: ['cookie-data'],
      ref: clauses('22', '23', '25'),
    },
    {
      id: 'analytics',
      name: t('Lietošanas statistika', 'Usage statistics'),
      description: t(
        'Analītiskās sīkdatnes apkopo lietotāju paradumus un vietnes lietošanas vēsturi, lai iegūtu statistiku un uzlabotu vietni.',
        'Analytical cookies gather users\' habits and browsing history on the site to produce statistics and improve the site.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: t(
            'Apmeklētāja piekrišana analītisko sīkdatņu izmantošanai.',
            'The visitor\'s consent to analytical cookies.',
          ),
          ref: [clause('23'), COOKIE_CONSENT_CORRECTED, { source: 'ePrivacy', at: 'Art. 5(3)' }],
        },
      ],
      categories: ['cookie-data', 'browsing', 'location'],
      ref: clauses('18', '23', '25'),
    },
    {
      id: 'advertising',
      name: t('Reklāma', 'Advertising'),
      description: t(
        'Reklāmas sīkdatnes izmanto, lai apmeklētājiem rādītu Inomedis reklāmu.',
        'Advertising cookies are used to show visitors Inomedis advertising.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: t(
            'Apmeklētāja piekrišana reklāmas sīkdatņu izmantošanai.',
            'The visitor\'s consent to advertising cookies.',
          ),
          ref: [clause('25'), COOKIE_CONSENT_CORRECTED, { source: 'ePrivacy', at: 'Art. 5(3)' }],
        },
      ],
      categories: ['cookie-data', 'browsing', 'location'],
      directMarketing: true,
      ref: clauses('25'),
    },
  ],
  subjects: [
    {
      id: 'visitors',
      kind: 'website-visitor',
      name: t('Tīmekļvietnes apmeklētāji', 'Website visitors'),
      description: t('Tīmekļvietnes https://inomedis.lv/ apmeklētāji.', 'Visitors to the website https://inomedis.lv/.'),
      ref: clauses('2.3', '26.5'),
    },
  ],
  dataCategories: [
    {
      id: 'ip-address',
      name: t('IP adrese', 'IP address'),
      fields: t('Apmeklētāja ierīces IP adrese.', 'The IP address of the visitor\'s device.'),
      required: true,
      providedBySubject: false,
      sources: ['browser'],
      ref: [clause('18.1'), assumed('18.1', 'required flag inferred: a website cannot be delivered without the visitor\'s IP address; the notice marks no data as required')],
    },
    {
      id: 'cookie-data',
      name: t('Sīkdatņu dati', 'Cookie data'),
      fields: t(
        'Sīkdatnēs saglabātie identifikatori, izvēles un dati par tīmekļvietnes apmeklējumu.',
        'Identifiers, choices and data about the website visit stored in cookies.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: clauses('18.2', '22'),
    },
    {
      id: 'browsing',
      name: t('Pārlūkošanas dati', 'Browsing data'),
      fields: t(
        'Apmeklējuma datums un laiks, pārlūkošanas apjoms un apskatītās lapas.',
        'Date and time of the visit, volume of browsing and the pages viewed.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: clauses('18.3', '23'),
    },
    {
      id: 'location',
      name: t('Atrašanās vieta pārlūkošanas brīdī', 'Location at the time of browsing'),
      fields: t(
        'Aptuvenā atrašanās vieta pārlūkošanas brīdī (parasti noteikta pēc IP adreses).',
        'Approximate location at the time of browsing (usually derived from the IP address).',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: [clause('18.3'), assumed('18.3', 'how the location is obtained is not stated: an approximation from the IP address is assumed')],
    },
  ],
  sources: [
    {
      id: 'browser',
      kind: 'browser-or-device',
      description: t(
        'Apmeklētāja pārlūkprogramma un ierīce, apmeklējot vai pārlūkojot tīmekļvietni.',
        'The visitor\'s browser and device, when visiting or browsing the website.',
      ),
      ref: clauses('26.5', '22'),
    },
  ],
  recipients: [
    processors(
      t(
        'Tīmekļvietnes mitināšanas, analītikas un reklāmas pakalpojumu sniedzēji, kas apstrādā datus Inomedis uzdevumā.',
        'Hosting, analytics and advertising service providers that process data on Inomedis\'s behalf.',
      ),
    ),
    authorities(),
  ],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice names neither the website\'s hosting nor its analytics providers, nor where they are'),
  cookies: [
    {
      name: 'necessary-cookies',
      label: t('Nepieciešamās sīkdatnes', 'Necessary cookies'),
      provider: 'Inomedis',
      firstParty: true,
      category: 'strictly-necessary',
      purpose: t(
        'Obligātās sīkdatnes, bez kurām tīmekļvietne nevar darboties.',
        'Necessary cookies without which the website cannot work.',
      ),
      expiry: 'session',
      basis: 'exempt',
      ref: [clause('25'), assumed('25', COOKIE_DETAILS_ASSUMED)],
    },
    {
      name: 'functional-cookies',
      label: t('Funkcionālās sīkdatnes', 'Functional cookies'),
      provider: 'Inomedis',
      firstParty: true,
      category: 'preferences',
      purpose: t(
        'Funkcionālās sīkdatnes atceras lietotāja izvēles un pamatinformāciju.',
        'Functional cookies remember the user\'s choices and basic information.',
      ),
      expiry: { months: 12 },
      basis: 'consent',
      ref: [clause('22'), clause('25'), assumed('25', COOKIE_DETAILS_ASSUMED), COOKIE_CONSENT_CORRECTED],
    },
    {
      name: 'analytical-cookies',
      label: t('Analītiskās sīkdatnes', 'Analytical cookies'),
      provider: 'analytics service provider',
      providerLabel: t('analītikas pakalpojumu sniedzējs', 'an analytics service provider'),
      firstParty: false,
      category: 'statistics',
      purpose: t(
        'Analītiskās sīkdatnes apkopo lietošanas statistiku un palīdz atklāt vietnes darbības problēmas.',
        'Analytical cookies gather usage statistics and help find problems in how the site works.',
      ),
      expiry: { months: 13 },
      basis: 'consent',
      ref: [clause('23'), clause('25'), assumed('25', COOKIE_DETAILS_ASSUMED), COOKIE_CONSENT_CORRECTED],
    },
    {
      name: 'advertising-cookies',
      label: t('Reklāmas sīkdatnes', 'Advertising cookies'),
      provider: 'advertising service provider',
      providerLabel: t('reklāmas pakalpojumu sniedzējs', 'an advertising service provider'),
      firstParty: false,
      category: 'marketing',
      purpose: t(
        'Reklāmas sīkdatnes izmanto reklāmas rādīšanai.',
        'Advertising cookies are used to show advertising.',
      ),
      expiry: { months: 13 },
      basis: 'consent',
      ref: [clause('25'), assumed('25', COOKIE_DETAILS_ASSUMED), COOKIE_CONSENT_CORRECTED],
    },
  ],
  retention: [
    {
      id: 'technical-data',
      kind: 'period',
      categories: ['ip-address', 'location'],
      anchor: 'collected',
      period: { months: 6 },
      action: 'erase',
      description: t(
        'IP adreses un no tām noteikto atrašanās vietu glabā sešus mēnešus pēc apmeklējuma.',
        'IP addresses and the location derived from them are kept for six months after the visit.',
      ),
      ref: [clause('29'), assumed('29', 'period chosen by Regula: the notice sets no period for website data')],
    },
    {
      id: 'browsing-cookie-data',
      kind: 'period',
      categories: ['cookie-data', 'browsing'],
      anchor: 'collected',
      period: { months: 13 },
      action: 'erase',
      description: t(
        'Sīkdatņu un pārlūkošanas datus glabā ne ilgāk kā 13 mēnešus pēc to iegūšanas.',
        'Cookie and browsing data is kept for no longer than 13 months after it was collected.',
      ),
      ref: [clause('29'), assumed('29', 'period chosen by Regula: the notice sets no period; 13 months is the usual ceiling for audience-measurement cookies')],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [clause('23'), assumed('23', 'no profiling on the website assumed: the notice describes statistics of users\' habits only and does not say whether the advertising cookies\' providers profile visitors')],
  },
  location: t(
    'Tīmekļvietnes mitināšanas un analītikas pakalpojumu sniedzēju serveri.',
    'The servers of the website\'s hosting and analytics providers.',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t(
      'Parasta tīmekļvietnes analītika un reklāma; jāpārvērtē, ja reklāmas sīkdatnes izmanto plašu profilēšanu.',
      'Ordinary website analytics and advertising; to be reassessed if advertising cookies involve extensive profiling.',
    ),
    ref: [assumed('25', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35' }],
  },
  systems: ['website'],
  ref: clauses('2.3', '18', '22', '23', '24', '25', '26.5'),
};
