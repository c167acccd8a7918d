import { LegalBasis, Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, fills, law, notice, seed, tx } from '../refs';
import { FROM_CRM, FROM_SUBJECT, customers, measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['crm-provider', 'email-service', 'hosting-partners'] as const;

const MARKETING_INTEREST: LegalBasis = {
  article: '6(1)(f)',
  description: tx(
    'Our legitimate interest, arising from the customer relationship, in offering our existing customers content and products that suit them.',
    'Meie kliendisuhtest tulenev õigustatud huvi pakkuda olemasolevatele klientidele neile sobivat sisu ja tooteid.',
    'Mūsų teisėtas interesas, kylantis iš santykių su klientu, siūlyti esamiems klientams jiems tinkamą turinį ir produktus.',
  ),
  legitimateInterest: tx(
    'Direct marketing to existing customers and their contact persons (GDPR recital 47), unless they have prohibited it.',
    'Otseturundus olemasolevatele klientidele ja nende kontaktisikutele (IKÜM põhjendus 47), kui nad ei ole seda keelanud.',
    'Tiesioginė rinkodara esamiems klientams ir jų kontaktiniams asmenims (BDAR 47 konstatuojamoji dalis), jei jie to neuždraudė.',
  ),
  ref: [fills('basis', 3, 'legitimate interest based on a customer relationship'), law('GDPR', 'recital 47')],
};

const MARKETING_CONSENT: LegalBasis = {
  article: '6(1)(a)',
  description: tx(
    'Consent, where the person has given it for direct marketing; required for electronic marketing outside an existing customer relationship.',
    'Nõusolek, kui isik on selle otseturunduseks andnud; elektrooniliseks otseturunduseks väljaspool olemasolevat kliendisuhet on see nõutav.',
    'Sutikimas, kai asmuo jį davė tiesioginei rinkodarai; elektroninei rinkodarai už esamų santykių su klientu ribų jis būtinas.',
  ),
  ref: [
    fills('data', 3, 'direct marketing consents are recorded'),
    seed('rights', 'processing based on consent can be withdrawn'),
    law('EE-ESS', '§ 103¹', 'electronic direct marketing needs prior consent except to existing customers'),
  ],
};

/** Direct marketing, personalised offers and campaigns, and the register of consents and prohibitions. */
export const directMarketing: Register = {
  id: 'direct-marketing',
  name: tx('Direct marketing, consents and prohibitions', 'Otseturundus, nõusolekud ja keelud', 'Tiesioginė rinkodara, sutikimai ir draudimai'),
  businessFunction: tx('Marketing', 'Turundus', 'Rinkodara'),
  description: tx(
    'Personalised content and offers, contests, promotions and surveys for our customers, and the record of each person\'s direct-marketing consents and prohibitions that decides who may be contacted.',
    'Isikupärastatud sisu ja pakkumised, võistlused, kampaaniad ja küsitlused meie klientidele ning iga isiku otseturundusnõusolekute ja -keeldude register, mille alusel otsustatakse, kellega võib ühendust võtta.',
    'Suasmenintas turinys ir pasiūlymai, konkursai, akcijos ir apklausos mūsų klientams bei kiekvieno asmens tiesioginės rinkodaros sutikimų ir draudimų registras, pagal kurį sprendžiama, su kuo galima susisiekti.',
  ),
  purposes: [
    {
      id: 'personalised-offers',
      name: tx('Personalised content and offers', 'Isikupärastatud sisu ja pakkumised', 'Suasmenintas turinys ir pasiūlymai'),
      description: tx(
        'Personalising the user\'s experience and presenting the content and product offers that interest them most.',
        'Kasutajakogemuse isikupärastamine ning sisu ja tootepakkumiste esitamine, mis kasutajat kõige rohkem huvitavad.',
        'Naudotojo patirties suasmeninimas ir labiausiai jį dominančio turinio bei produktų pasiūlymų pateikimas.',
      ),
      legalBases: [MARKETING_INTEREST, MARKETING_CONSENT],
      categories: ['marketing-contact', 'marketing-choices', 'interest-profile'],
      directMarketing: true,
      ref: [fills('basis', 3, 'to personalize user\'s experience and to deliver the type of content and product offerings in which you are most interested')],
    },
    {
      id: 'campaigns',
      name: tx('Contests, promotions and surveys', 'Võistlused, kampaaniad ja küsitlused', 'Konkursai, akcijos ir apklausos'),
      description: tx(
        'Running contests, promotions, surveys and similar features of the service.',
        'Võistluste, kampaaniate, küsitluste ja muude sarnaste teenuse funktsioonide korraldamine.',
        'Konkursų, akcijų, apklausų ir panašių paslaugos funkcijų organizavimas.',
      ),
      legalBases: [MARKETING_INTEREST, MARKETING_CONSENT],
      categories: ['marketing-contact', 'marketing-choices', 'campaign-responses'],
      directMarketing: true,
      ref: [fills('basis', 3, 'to administer a contest, promotion, survey or other site feature')],
    },
    {
      id: 'marketing-choices',
      name: tx('Honouring marketing choices', 'Turunduseelistuste järgimine', 'Rinkodaros pasirinkimų paisymas'),
      description: tx(
        'Recording consents and prohibitions and checking them before any marketing message is sent, so that nobody who has refused is contacted.',
        'Nõusolekute ja keeldude registreerimine ning nende kontrollimine enne iga turundussõnumi saatmist, et keeldunud isikutega ühendust ei võetaks.',
        'Sutikimų ir draudimų registravimas ir tikrinimas prieš siunčiant bet kokį rinkodaros pranešimą, kad nebūtų kreipiamasi į atsisakiusius asmenis.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest in respecting each person\'s marketing choices and in being able to show that consent was given.',
            'Meie õigustatud huvi järgida iga isiku turunduseelistusi ja suuta tõendada, et nõusolek on antud.',
            'Mūsų teisėtas interesas paisyti kiekvieno asmens rinkodaros pasirinkimų ir gebėti įrodyti, kad sutikimas buvo duotas.',
          ),
          legitimateInterest: tx(
            'Keeping an accurate suppression list and proof of consent (GDPR Art. 7(1), Art. 21(3)).',
            'Täpse turunduskeeldude nimekirja ja nõusoleku tõendite pidamine (IKÜM art 7 lg 1, art 21 lg 3).',
            'Tikslaus rinkodaros draudimų sąrašo ir sutikimo įrodymų tvarkymas (BDAR 7 straipsnio 1 dalis, 21 straipsnio 3 dalis).',
          ),
          ref: [fills('basis', 3, 'legitimate interest; the register records "possible direct marketing prohibitions and consents"'), law('GDPR', 'Art. 7(1), Art. 21(3)')],
        },
      ],
      categories: ['marketing-contact', 'marketing-choices'],
      ref: [fills('data', 3, 'possible direct marketing prohibitions and consents')],
    },
  ],
  subjects: [
    customers([seed('data'), notice(10, 'B2B service')]),
    {
      id: 'contact-persons',
      kind: 'contact-person',
      name: tx('Contact persons of business customers', 'Äriklientide kontaktisikud', 'Verslo klientų kontaktiniai asmenys'),
      mayIncludeChildren: false,
      ref: [seed('data', 'information regarding the company and its contact persons')],
    },
  ],
  dataCategories: [
    {
      id: 'marketing-contact',
      name: tx('Contact details used for marketing', 'Turunduseks kasutatavad kontaktandmed', 'Rinkodarai naudojami kontaktiniai duomenys'),
      fields: tx(
        'Name, e-mail address, phone number and business address',
        'Nimi, e-posti aadress, telefoninumber ja tööalane aadress',
        'Vardas, pavardė, el. pašto adresas, telefono numeris ir darbo adresas',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject', 'crm'],
      ref: [fills('data', 2, 'contact information, taken from the customer register'), notice(2, 'most fields originate from the CRM')],
    },
    {
      id: 'marketing-choices',
      name: tx('Direct marketing consents and prohibitions', 'Otseturunduse nõusolekud ja keelud', 'Tiesioginės rinkodaros sutikimai ir draudimai'),
      fields: tx(
        'Consents given and withdrawn, prohibitions and objections to direct marketing, with their dates and channels',
        'Antud ja tagasi võetud nõusolekud, otseturunduse keelud ja vastuväited koos kuupäevade ja kanalitega',
        'Duoti ir atšaukti sutikimai, tiesioginės rinkodaros draudimai ir prieštaravimai, nurodant datas ir kanalus',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'possible direct marketing prohibitions and consents')],
    },
    {
      id: 'interest-profile',
      name: tx('Customer profile', 'Kliendiprofiil', 'Kliento profilis'),
      fields: tx(
        'User profile built from the customer relationship: products and content the person is likely to be interested in',
        'Kliendisuhte põhjal koostatud kasutajaprofiil: tooted ja sisu, millest isik tõenäoliselt huvitub',
        'Pagal santykius su klientu sudarytas naudotojo profilis: produktai ir turinys, kurie asmeniui tikėtinai įdomūs',
      ),
      required: false,
      providedBySubject: false,
      sources: ['crm'],
      ref: [fills('data', 2, 'user profile based on customer relationship')],
    },
    {
      id: 'campaign-responses',
      name: tx('Contest, promotion and survey answers', 'Võistluste, kampaaniate ja küsitluste vastused', 'Konkursų, akcijų ir apklausų atsakymai'),
      fields: tx(
        'Entries and answers the person voluntarily gives in contests, promotions and surveys',
        'Osalusavaldused ja vastused, mille isik annab vabatahtlikult võistlustel, kampaaniates ja küsitlustes',
        'Dalyvavimo paraiškos ir atsakymai, kuriuos asmuo savanoriškai pateikia konkursuose, akcijose ir apklausose',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'information voluntarily provided by the customer himself, used for contests, promotions and surveys')],
    },
  ],
  sources: [FROM_SUBJECT, FROM_CRM],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'marketing-data',
      kind: 'conditions',
      categories: ['marketing-contact', 'interest-profile', 'campaign-responses'],
      conditions: [
        {
          id: 'customer-relationship',
          label: tx('the customer relationship continues', 'kliendisuhe kestab', 'santykiai su klientu tęsiasi'),
          endsAt: 'contract-ended',
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}`)],
        },
        {
          id: 'marketing-consent',
          label: tx('marketing consent has not been withdrawn', 'turundusnõusolekut ei ole tagasi võetud', 'sutikimas dėl rinkodaros neatšauktas'),
          endsAt: 'consent-withdrawn',
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}`)],
        },
      ],
      then: { days: 30 },
      action: 'erase',
      description: tx(
        'Marketing data is kept while the customer relationship continues or a marketing consent is in force, and erased 30 days after both have ended.',
        'Turundusandmeid säilitatakse kliendisuhte kestel või seni, kuni turundusnõusolek kehtib, ning need kustutatakse 30 päeva pärast mõlema lõppemist.',
        'Rinkodaros duomenys saugomi, kol tęsiasi santykiai su klientu arba galioja sutikimas dėl rinkodaros, ir ištrinami praėjus 30 dienų po to, kai pasibaigia abu.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: 30 days after the relationship has ended and any consent is withdrawn`)],
    },
    {
      id: 'marketing-choices',
      kind: 'conditions',
      categories: ['marketing-choices'],
      conditions: [
        {
          id: 'contact-data-held',
          label: tx(
            'we still hold the person\'s contact details (three years after the contract ends)',
            'meil on veel isiku kontaktandmed (kolm aastat pärast lepingu lõppemist)',
            'mes dar turime asmens kontaktinius duomenis (trejus metus po sutarties pabaigos)',
          ),
          endsAt: 'contract-ended',
          plus: { years: 3 },
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: a prohibition must outlive the customer contact data it suppresses (three years after the contract, see the customer-relationship register)`)],
        },
        {
          id: 'proof-of-consent',
          label: tx(
            'the consent is in force, and for three years after its withdrawal as proof',
            'nõusolek kehtib, ning tõendina kolm aastat pärast selle tagasivõtmist',
            'sutikimas galioja, ir kaip įrodymas – trejus metus po jo atšaukimo',
          ),
          endsAt: 'consent-withdrawn',
          plus: { years: 3 },
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: proof of consent kept for three years after withdrawal`)],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      description: tx(
        'Consents and prohibitions are kept as long as we hold the person\'s contact details and, as proof, for three years after a consent is withdrawn.',
        'Nõusolekuid ja keelde säilitatakse seni, kuni meil on isiku kontaktandmed, ning tõendina kolm aastat pärast nõusoleku tagasivõtmist.',
        'Sutikimai ir draudimai saugomi tol, kol turime asmens kontaktinius duomenis, o kaip įrodymas – trejus metus po sutikimo atšaukimo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}`)],
    },
  ],
  security: measures('tls', 'limited-access', 'confidentiality', 'personal-accounts', 'processor-selection', 'incident-reports'),
  automatedDecisions: {
    profiling: true,
    automatedDecisions: false,
    significantEffects: false,
    logic: tx(
      'Content and offers are chosen from the person\'s contracts, orders and interests shown in the customer relationship. The profile only decides which offers are shown; it has no legal or similarly significant effect.',
      'Sisu ja pakkumised valitakse isiku lepingute, tellimuste ja kliendisuhtes ilmnenud huvide põhjal. Profiil määrab üksnes, milliseid pakkumisi näidatakse; sellel ei ole õiguslikku ega muud samaväärselt olulist mõju.',
      'Turinys ir pasiūlymai parenkami pagal asmens sutartis, užsakymus ir santykiuose su klientu išryškėjusius interesus. Profilis lemia tik tai, kokie pasiūlymai rodomi; jis nesukelia teisinių ar panašiai reikšmingų pasekmių.',
    ),
    ref: [
      seed('basis', 'personalised content and product offerings'),
      seed('data', 'user profile based on customer relationship'),
      seed('rights', 'right to object to profiling related to direct marketing'),
    ],
  },
  location: tx(
    'Our customer-relationship management system and e-mail service; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Meie kliendihaldussüsteem ja e-posti teenus; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Mūsų klientų santykių valdymo sistema ir el. pašto paslauga; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: tx(
      'Profiling limited to choosing offers for business customers, without legal or similarly significant effects.',
      'Profiilianalüüs piirdub äriklientidele pakkumiste valimisega ning sellel ei ole õiguslikku ega samaväärselt olulist mõju.',
      'Profiliavimas apsiriboja pasiūlymų verslo klientams parinkimu ir nesukelia teisinių ar panašiai reikšmingų pasekmių.',
    ),
    ref: [seed('basis', `the sources mention no DPIA; screening result is a ${DEFAULT_NOTE}`)],
  },
  systems: ['crm'],
  ref: [seed('name', 'Customer and Marketing Register'), fills('data', 2, 'possible direct marketing prohibitions and consents')],
};
