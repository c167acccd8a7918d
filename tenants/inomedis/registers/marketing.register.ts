import { Register } from '@regula/engine';
import { CLIENT_CONSENT, NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { authorities, processors } from '../common/recipients';
import { consentNotWithdrawn } from '../common/retention';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/**
 * Marketing and profiling: Inomedis's own offers (legitimate interest, clause
 * 14), other companies' products, greetings, gifts, bonuses, surveys and new
 * products (consent, clause 13), and the profiling behind individual offers
 * (clause 19.2: automated decisions for commercial purposes only, no legal
 * effects).
 */
export const marketingRegister: Register = {
  id: 'marketing',
  name: t('Mārketings un profilēšana', 'Marketing and profiling'),
  businessFunction: t('Mārketings', 'Marketing'),
  description: t(
    'Piedāvājumi par Inomedis un citu uzņēmumu produktiem un pakalpojumiem, apsveikumi, dāvanas un bonusi, aptaujas, konkursi un jaunu produktu izstrāde, kā arī profilēšana individuālu piedāvājumu sagatavošanai.',
    'Offers of Inomedis\'s and other companies\' products and services, greetings, gifts and bonuses, surveys, contests and the development of new products, and profiling to prepare individual offers.',
  ),
  purposes: [
    {
      id: 'own-offers',
      name: t('Tiešā tirgvedība: Inomedis piedāvājumi', 'Direct marketing of Inomedis offers'),
      description: t(
        'Jaunu un individuāli pielāgotu Inomedis produktu un pakalpojumu piedāvājumu, arī atlaižu, nosūtīšana Klientiem.',
        'Sending clients new and individually tailored offers of Inomedis products and services, including discounts.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Informēt esošos Klientus par Inomedis jaunajiem un viņiem piemērotiem produktiem un pakalpojumiem (tiešā tirgvedība).',
            'Informing existing clients about new Inomedis products and services suited to them (direct marketing).',
          ),
          ref: [
            clause('14', 'the notice gives direct marketing as its example of Art. 6(1)(f)'),
            { source: 'LV-ISPL', at: 'Art. 9', note: 'commercial communications by e-mail need prior consent unless sent to an existing client about similar own products with an easy opt-out' },
          ],
        },
      ],
      categories: ['contact', 'purchase-history', 'profile'],
      directMarketing: true,
      ref: clauses('10.4', '14', '20'),
    },
    {
      id: 'partner-offers',
      name: t('Informēšana par citu uzņēmumu produktiem', 'Information about other companies\' products'),
      description: t(
        'Klienta informēšana par citu uzņēmumu produktiem un pakalpojumiem.',
        'Informing the client about other companies\' products and services.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: t(
            'Klienta piekrišana saņemt informāciju par citu uzņēmumu piedāvājumiem.',
            'The client\'s consent to receive information about other companies\' offers.',
          ),
          ref: [clause('10.3'), assumed('13', 'legal basis mapped by Regula: the notice ties no basis to offers of other companies\' products; consent chosen (clause 13 lets Inomedis process for "other purposes" with consent), as marketing of third parties\' products cannot rest on the existing-client exception')],
        },
      ],
      categories: ['contact', 'consent-records'],
      directMarketing: true,
      ref: clauses('10.3', '13'),
    },
    {
      id: 'greetings-bonuses',
      name: t('Apsveikumi, dāvanas un bonusi', 'Greetings, gifts and bonuses'),
      description: t(
        'Inomedis tēla popularizēšana, sūtot Klientiem apsveikumus un dāvanas un piešķirot bonusus.',
        'Promoting the Inomedis brand by sending clients greetings and gifts and granting bonuses.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: CLIENT_CONSENT,
          ref: clauses('13'),
        },
      ],
      categories: ['contact', 'purchase-history', 'profile', 'consent-records'],
      directMarketing: true,
      ref: clauses('13', '19.2'),
    },
    {
      id: 'surveys-new-products',
      name: t('Aptaujas, konkursi un jaunu produktu izstrāde', 'Surveys, contests and new products'),
      description: t(
        'Aptauju, konkursu un loteriju rīkošana, lai uzlabotu esošos produktus un pakalpojumus un izstrādātu jaunus, kā arī piedāvājumi par jaunajiem produktiem.',
        'Running surveys, contests and lotteries to improve existing products and services and to develop new ones, and making offers of the new products.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: CLIENT_CONSENT,
          ref: clauses('13', '26.4'),
        },
      ],
      categories: ['contact', 'survey', 'consent-records'],
      ref: clauses('10.4', '13', '26.4'),
    },
    {
      id: 'profiling',
      name: t('Profilēšana individuāliem piedāvājumiem', 'Profiling for individual offers'),
      description: t(
        'Klienta vēlmju un interešu automatizēta izvērtēšana, lai izvēlētos apsveikumus, dāvanas, bonusus un individuālus piedāvājumus. Automatizētie lēmumi tiek pieņemti tikai komerciālos nolūkos un Klientam nerada tiesiskas sekas.',
        'Automated evaluation of the client\'s preferences and interests to choose greetings, gifts, bonuses and individual offers. The automated decisions serve commercial purposes only and have no legal effects for the client.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: t(
            'Apstrāde ir nepieciešama Inomedis leģitīmo interešu īstenošanai; Klients var jebkurā laikā iebilst.',
            'The processing is necessary for Inomedis\'s legitimate interests; the client may object at any time.',
          ),
          legitimateInterest: t(
            'Sagatavot Klientam atbilstošus individuālus piedāvājumus (tiešā tirgvedība).',
            'Preparing individual offers that suit the client (direct marketing).',
          ),
          ref: [clause('19.2'), assumed('14', 'legal basis mapped by Regula: clause 14 gives "direct marketing resulting in individual offers" as its Art. 6(1)(f) example and clause 19.2 ties no basis to profiling; where profiling only serves greetings or bonuses given on consent, consent covers it')],
        },
      ],
      categories: ['purchase-history', 'profile'],
      directMarketing: true,
      ref: clauses('19', '21'),
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: t('Klienti', 'Clients'),
      ref: clauses('2.1', '19.2'),
    },
    {
      id: 'subscribers',
      kind: 'newsletter-subscriber',
      name: t('Jaunumu saņēmēji', 'Newsletter subscribers'),
      description: t(
        'Personas, kas pierakstījušās jaunumu vai citu pakalpojumu saņemšanai no Inomedis.',
        'Persons who signed up for news or other services from Inomedis.',
      ),
      ref: clauses('26.2'),
    },
    {
      id: 'participants',
      kind: 'survey-participant',
      name: t('Aptauju, konkursu un loteriju dalībnieki', 'Survey, contest and lottery participants'),
      ref: clauses('26.4'),
    },
  ],
  dataCategories: [
    {
      id: 'contact',
      name: t('Kontaktinformācija', 'Contact data'),
      fields: t(
        'Vārds, uzvārds, e-pasta adrese, tālruņa numurs un pasta adrese piedāvājumu un apsveikumu nosūtīšanai.',
        'First name, surname, e-mail address, phone number and postal address for sending offers and greetings.',
      ),
      required: false,
      providedBySubject: true,
      sources: ['subject', 'client-register'],
      ref: [clause('26.2'), assumed('18.4', 'fields are Regula\'s: the notice lists none for marketing')],
    },
    {
      id: 'purchase-history',
      name: t('Pirkumu un pakalpojumu vēsture', 'Purchase and service history'),
      fields: t(
        'Iegādātie produkti un izmantotie pakalpojumi, to datumi un apjoms.',
        'Products bought and services used, with their dates and amounts.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['client-register'],
      ref: [clause('8', '"data gathered from providing the services"')],
    },
    {
      id: 'profile',
      name: t('Profilēšanas rezultāti', 'Profiling results'),
      fields: t(
        'No Klienta datiem izsecinātās vēlmes, intereses un klientu segments, bonusu statuss.',
        'Preferences, interests and client segment derived from the client\'s data, and bonus status.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['profiling'],
      ref: clauses('19.1', '19.2'),
    },
    {
      id: 'survey',
      name: t('Aptauju un konkursu dati', 'Survey and contest data'),
      fields: t(
        'Aptauju atbildes, dalība konkursos un loterijās un to rezultāti.',
        'Survey answers, participation in contests and lotteries, and their results.',
      ),
      required: false,
      providedBySubject: true,
      sources: ['subject'],
      ref: clauses('26.4'),
    },
    {
      id: 'consent-records',
      name: t('Piekrišanas un atteikumi', 'Consents and opt-outs'),
      fields: t(
        'Sniegtās un atsauktās piekrišanas, iebildumi un atteikumi no komercpaziņojumiem ar datumu un saziņas kanālu.',
        'Consents given and withdrawn, objections and opt-outs from commercial communications, with date and channel.',
      ),
      required: false,
      providedBySubject: true,
      sources: ['subject'],
      ref: [clause('15'), clause('21'), assumed('15', 'category added by Regula: the notice does not mention records of consents and opt-outs, which the controller needs to demonstrate consent (Art. 7(1))'), { source: 'GDPR', at: 'Art. 7(1)' }],
    },
  ],
  sources: [
    {
      id: 'subject',
      kind: 'data-subject',
      description: t(
        'Klients, kad pierakstās jaunumiem, piedalās aptaujās, konkursos vai loterijās vai sniedz vai atsauc piekrišanu.',
        'The client, when signing up for news, taking part in surveys, contests or lotteries, or giving or withdrawing consent.',
      ),
      ref: clauses('26.2', '26.4', '15'),
    },
    {
      id: 'client-register',
      kind: 'internal-system',
      description: t(
        'Klientu apkalpošanas ieraksti (pirkumi un izmantotie pakalpojumi).',
        'Client-service records (purchases and services used).',
      ),
      ref: clauses('8', '26.1'),
    },
    {
      id: 'profiling',
      kind: 'internal-system',
      description: t('Inomedis veiktās profilēšanas rezultāti.', 'The results of Inomedis\'s own profiling.'),
      ref: clauses('19.2'),
    },
  ],
  recipients: [processors(), authorities()],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where marketing data is held'),
  retention: [
    {
      id: 'marketing-data',
      kind: 'conditions',
      categories: ['contact', 'purchase-history', 'profile', 'survey'],
      description: t(
        'Mārketinga datus apstrādā, kamēr Klients nav atsaucis piekrišanu vai, tiešās tirgvedības gadījumā, kamēr Klients ir aktīvs; pēc iebilduma vai atteikuma no komercpaziņojumiem datus mārketingam vairs neizmanto.',
        'Marketing data is processed until the client withdraws consent or, for direct marketing, while the client remains active; after an objection or opt-out the data is no longer used for marketing.',
      ),
      action: 'erase',
      conditions: [
        consentNotWithdrawn(),
        {
          id: 'active-client',
          label: t(
            'Leģitīmās intereses tiešajā tirgvedībā: divus gadus pēc Klienta pēdējā pirkuma vai saziņas',
            'Legitimate interest in direct marketing: two years after the client\'s last purchase or contact',
          ),
          endsAt: 'last-activity',
          plus: { years: 2 },
          ref: [clause('29.3'), assumed('29.3', 'period chosen by Regula: two years of inactivity ends the client relationship that justifies marketing')],
        },
      ],
      then: { days: 0 },
      ref: [clause('29', 'conditions 29.3 and 29.4, with their periods marked on each condition; an objection (Art. 21(3)) stops marketing use at once through a rights request')],
    },
    {
      id: 'consent-records',
      kind: 'conditions',
      categories: ['consent-records'],
      description: t(
        'Piekrišanu un atteikumu ierakstus glabā, kamēr piekrišana ir spēkā, un vēl trīs gadus pēc tās atsaukšanas, lai varētu pierādīt, ka apstrāde bija likumīga.',
        'Records of consents and opt-outs are kept while the consent stands and for three years after it is withdrawn, to be able to prove that the processing was lawful.',
      ),
      action: 'erase',
      conditions: [
        {
          id: 'proof-of-consent',
          label: t(
            'Piekrišanas pierādīšana: trīs gadi pēc piekrišanas atsaukšanas',
            'Proof of consent: three years after the consent is withdrawn',
          ),
          endsAt: 'consent-withdrawn',
          plus: { years: 3 },
          ref: [assumed('29.3', 'period chosen by Regula: three years, a typical claims period, to prove that consent was given'), { source: 'GDPR', at: 'Art. 7(1)' }],
        },
      ],
      then: { days: 0 },
      ref: [clause('29.3', 'keeping proof of consent is a legitimate interest'), assumed('29.3', 'rule and period added by Regula: the notice sets no period for records of consent')],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: true,
    automatedDecisions: true,
    significantEffects: false,
    logic: t(
      'Inomedis automatizēti izvērtē Klienta personiskās vēlmes un intereses, lai izvēlētos, kādus apsveikumus, dāvanas, bonusus un individuālus piedāvājumus viņam sūtīt. Lēmumi tiek pieņemti tikai komerciālos nolūkos, un tiem nav tiesisku seku.',
      'Inomedis evaluates the client\'s preferences and interests automatically to choose which greetings, gifts, bonuses and individual offers to send. The decisions serve commercial purposes only and have no legal effects.',
    ),
    ref: clauses('19.1', '19.2'),
  },
  location: t('Inomedis klientu un mārketinga sistēmas.', 'Inomedis\'s client and marketing systems.'),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t(
      'Profilēšana tikai komerciāliem piedāvājumiem bez tiesiskām vai līdzīgi būtiskām sekām un bez īpašu kategoriju datiem; jāpārvērtē, ja tā kļūst plaša vai izmanto atrašanās vietas datus.',
      'Profiling only for commercial offers, with no legal or similarly significant effects and no special categories; to be reassessed if it becomes large-scale or uses location data.',
    ),
    ref: [assumed('19.2', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35(3)(a)' }],
  },
  systems: ['crm', 'newsletter'],
  ref: clauses('10.3', '10.4', '13', '14', '19', '20', '21'),
};
