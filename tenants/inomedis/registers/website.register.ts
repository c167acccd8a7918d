import { Register } from '@regula/engine';
import { NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { authorities, processors } from '../common/recipients';
import { securityMeasures } from '../common/security';
import { clause, clauses, t } from '../common/text';

const COOKIES_UNNAMED =
  'the notice names cookie categories only (clause 25), no individual cookie, provider or expiry: this entry stands for the whole category; provider, party and expiry are defaults to verify against the live site';

/**
 * Visitors of inomedis.lv: browsing data and cookies (clauses 2.3, 18, 22-25).
 * The notice names four cookie categories and no individual cookie, so each
 * category is one generic entry. Analytical, advertising and functional
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
          ref: [clause('23', 'the notice states no basis for website data; Art. 6(1)(f) inferred; necessary cookies need no consent (ePrivacy Art. 5(3))')],
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
          ref: [
            clause('22', 'the notice relies on browser settings (clause 24); consent is required in law for cookies that are not strictly necessary'),
            { source: 'LV-ISPL', at: 'Art. 7.1' },
            { source: 'ePrivacy', at: 'Art. 5(3)' },
          ],
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
          ref: [
            clause('23', 'the notice states no basis; consent is required for cookies that are not strictly necessary'),
            { source: 'LV-ISPL', at: 'Art. 7.1' },
            { source: 'ePrivacy', at: 'Art. 5(3)' },
          ],
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
          ref: [
            clause('25', 'the notice only names the category; consent is required'),
            { source: 'LV-ISPL', at: 'Art. 7.1' },
            { source: 'ePrivacy', at: 'Art. 5(3)' },
          ],
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
      ref: clauses('18.1'),
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
      ref: [clause('18.3', 'how the location is obtained is not stated; IP-based approximation assumed')],
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
        'Tīmekļvietnes mitināšanas, analītikas un reklāmas pakalpojumu sniedzēji, kas apstrādā datus Inomedis uzdevumā; paziņojumā tie nav nosaukti.',
        'Hosting, analytics and advertising service providers that process data on Inomedis\'s behalf; the notice names none.',
      ),
    ),
    authorities(),
  ],
  transfers: 'none',
  cookies: [
    {
      name: 'necessary cookies (category; individual cookies not named)',
      label: t('Nepieciešamās sīkdatnes (kategorija; atsevišķas sīkdatnes paziņojumā nav nosauktas)', 'Necessary cookies (a category; the notice names no single cookie)'),
      provider: 'first party (assumed)',
      firstParty: true,
      category: 'strictly-necessary',
      purpose: t(
        'Obligātās sīkdatnes, bez kurām tīmekļvietne nevar darboties.',
        'Necessary cookies without which the website cannot work.',
      ),
      expiry: 'session',
      basis: 'exempt',
      ref: [clause('25', COOKIES_UNNAMED)],
    },
    {
      name: 'functional cookies (category; individual cookies not named)',
      label: t('Funkcionālās sīkdatnes (kategorija; atsevišķas sīkdatnes paziņojumā nav nosauktas)', 'Functional cookies (a category; the notice names no single cookie)'),
      provider: 'first party (assumed)',
      firstParty: true,
      category: 'preferences',
      purpose: t(
        'Funkcionālās sīkdatnes atceras lietotāja izvēles un pamatinformāciju.',
        'Functional cookies remember the user\'s choices and basic information.',
      ),
      expiry: { months: 12 },
      basis: 'consent',
      ref: [clause('22'), clause('25', COOKIES_UNNAMED)],
    },
    {
      name: 'analytical cookies (category; individual cookies not named)',
      label: t('Analītiskās sīkdatnes (kategorija; atsevišķas sīkdatnes paziņojumā nav nosauktas)', 'Analytical cookies (a category; the notice names no single cookie)'),
      provider: 'analytics provider not named in the notice',
      providerLabel: t('analītikas pakalpojumu sniedzējs (paziņojumā nav nosaukts)', 'an analytics provider (not named in the notice)'),
      firstParty: false,
      category: 'statistics',
      purpose: t(
        'Analītiskās sīkdatnes apkopo lietošanas statistiku un palīdz atklāt vietnes darbības problēmas.',
        'Analytical cookies gather usage statistics and help find problems in how the site works.',
      ),
      expiry: { months: 13 },
      basis: 'consent',
      ref: [clause('23'), clause('25', COOKIES_UNNAMED)],
    },
    {
      name: 'advertising cookies (category; individual cookies not named)',
      label: t('Reklāmas sīkdatnes (kategorija; atsevišķas sīkdatnes paziņojumā nav nosauktas)', 'Advertising cookies (a category; the notice names no single cookie)'),
      provider: 'advertising provider not named in the notice',
      providerLabel: t('reklāmas pakalpojumu sniedzējs (paziņojumā nav nosaukts)', 'an advertising provider (not named in the notice)'),
      firstParty: false,
      category: 'marketing',
      purpose: t(
        'Reklāmas sīkdatnes izmanto reklāmas rādīšanai.',
        'Advertising cookies are used to show advertising.',
      ),
      expiry: { months: 13 },
      basis: 'consent',
      ref: [clause('25', COOKIES_UNNAMED)],
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
      ref: [clause('29', 'the notice sets no period for website data; six months is a default to verify')],
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
      ref: [clause('29', 'the notice sets no period; 13 months (the usual ceiling for audience-measurement cookies) is a default to verify')],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [clause('23', 'the notice describes statistics of users\' habits, no individual profiling on the website; advertising cookies may profile at the provider: verify')],
  },
  location: t(
    'Tīmekļvietnes mitināšanas un analītikas pakalpojumu sniedzēju serveri; paziņojumā nav norādīts, kur tie atrodas.',
    'The servers of the website\'s hosting and analytics providers; the notice does not say where they are.',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t(
      'Parasta tīmekļvietnes analītika un reklāma; jāpārvērtē, ja reklāmas sīkdatnes izmanto plašu profilēšanu.',
      'Ordinary website analytics and advertising; to be reassessed if advertising cookies involve extensive profiling.',
    ),
    ref: [{ source: 'GDPR', at: 'Art. 35', note: 'assessment ours' }],
  },
  systems: ['website'],
  ref: clauses('2.3', '18', '22', '23', '24', '25', '26.5'),
};
