import { Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, fills, notice, seed, tx } from '../refs';
import { FROM_SUBJECT, measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['hosting-partners', 'authorities'] as const;

/** Recordings and messages users keep in the portal's cloud service (seed 001's starred "information stored in our cloud service"). */
export const cloudService: Register = {
  id: 'cloud-service',
  name: tx('Recordings and messages in the cloud service', 'Salvestised ja sõnumid pilveteenuses', 'Įrašai ir žinutės debesijos paslaugoje'),
  businessFunction: tx('Client portal operations', 'Kliendiportaali haldamine', 'Klientų portalo administravimas'),
  description: tx(
    'The online service in which portal users upload, manage and share their recordings and exchange messages with their patients and colleagues.',
    'E-teenus, milles portaali kasutajad laadivad üles, haldavad ja jagavad oma salvestisi ning vahetavad sõnumeid oma patsientide ja kolleegidega.',
    'Internetinė paslauga, kurioje portalo naudotojai įkelia, tvarko ir bendrina savo įrašus bei keičiasi žinutėmis su savo pacientais ir kolegomis.',
  ),
  purposes: [
    {
      id: 'online-service',
      name: tx('Providing the cloud service', 'Pilveteenuse osutamine', 'Debesijos paslaugos teikimas'),
      description: tx(
        'Storing the recordings users upload, letting them manage and share them, and delivering their messages to patients and colleagues.',
        'Kasutajate üleslaaditud salvestiste hoidmine, nende haldamise ja jagamise võimaldamine ning kasutajate sõnumite edastamine patsientidele ja kolleegidele.',
        'Naudotojų įkeltų įrašų saugojimas, galimybė juos tvarkyti ir bendrinti bei naudotojų žinučių pristatymas pacientams ir kolegoms.',
      ),
      legalBases: [
        {
          article: '6(1)(b)',
          description: tx(
            'Performance of the contract under which the customer uses the cloud service.',
            'Lepingu täitmine, mille alusel klient pilveteenust kasutab.',
            'Sutarties, pagal kurią klientas naudojasi debesijos paslauga, vykdymas.',
          ),
          ref: [fills('basis', 3, 'the performance of a contract; the stored information is a prerequisite of the contract (*)')],
        },
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest, arising from the customer relationship, in providing the service to the customer\'s users and to the patients and colleagues they communicate with.',
            'Meie kliendisuhtest tulenev õigustatud huvi osutada teenust kliendi kasutajatele ning patsientidele ja kolleegidele, kellega nad suhtlevad.',
            'Mūsų teisėtas interesas, kylantis iš santykių su klientu, teikti paslaugą kliento naudotojams ir pacientams bei kolegoms, su kuriais jie bendrauja.',
          ),
          legitimateInterest: tx(
            'Operating the communication and storage service the customer has contracted for.',
            'Kliendi tellitud suhtlus- ja salvestusteenuse osutamine.',
            'Kliento užsakytos bendravimo ir duomenų saugojimo paslaugos teikimas.',
          ),
          ref: [fills('basis', 3, 'legitimate interest based on a customer relationship and/or other connection')],
        },
      ],
      categories: ['cloud-content'],
      ref: [fills('basis', 3, 'to provide you with an online service where you can upload and manage your recordings, communicate with patients and colleagues')],
    },
  ],
  subjects: [
    {
      id: 'portal-users',
      kind: 'portal-user',
      name: tx('Portal users', 'Portaali kasutajad', 'Portalo naudotojai'),
      description: tx(
        'Authorised employees of our customers who upload recordings and send messages, and the colleagues they share them with.',
        'Meie klientide volitatud töötajad, kes laadivad üles salvestisi ja saadavad sõnumeid, ning kolleegid, kellega nad neid jagavad.',
        'Mūsų klientų įgalioti darbuotojai, įkeliantys įrašus ir siunčiantys žinutes, bei kolegos, su kuriais jie jais dalijasi.',
      ),
      mayIncludeChildren: false,
      ref: [seed('basis'), notice(10)],
    },
    {
      id: 'patients',
      kind: 'patient',
      name: tx('Patients of our customers', 'Meie klientide patsiendid', 'Mūsų klientų pacientai'),
      description: tx(
        'Patients with whom portal users communicate through the cloud service, and who may appear in uploaded recordings.',
        'Patsiendid, kellega portaali kasutajad pilveteenuse kaudu suhtlevad ja kes võivad olla üleslaaditud salvestistel.',
        'Pacientai, su kuriais portalo naudotojai bendrauja per debesijos paslaugą ir kurie gali būti įkeltuose įrašuose.',
      ),
      ref: [fills('basis', 3, 'communicate with patients; whether patients include minors is not stated, see the notice remarks')],
    },
  ],
  dataCategories: [
    {
      id: 'cloud-content',
      name: tx('Information stored in the cloud service', 'Pilveteenusesse salvestatud teave', 'Debesijos paslaugoje saugoma informacija'),
      fields: tx(
        'Recordings the user has chosen to upload or share, and messages to colleagues and clients',
        'Salvestised, mille kasutaja on otsustanud üles laadida või jagada, ning sõnumid kolleegidele ja klientidele',
        'Įrašai, kuriuos naudotojas nusprendė įkelti ar bendrinti, ir žinutės kolegoms bei klientams',
      ),
      required: true,
      providedBySubject: true,
      sources: ['data-subject', 'other-users'],
      ref: [fills('data', 2, 'information stored in our cloud service is marked * (required for the contract)')],
    },
  ],
  sources: [
    FROM_SUBJECT,
    {
      id: 'other-users',
      kind: 'third-party',
      description: tx(
        'Other portal users and patients who share recordings or send messages to the data subject.',
        'Teised portaali kasutajad ja patsiendid, kes jagavad andmesubjektiga salvestisi või saadavad talle sõnumeid.',
        'Kiti portalo naudotojai ir pacientai, kurie bendrina įrašus su duomenų subjektu ar siunčia jam žinutes.',
      ),
      ref: [seed('basis', 'inferred from "communicate with patients and colleagues": a message about one person is written by another')],
    },
  ],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'cloud-content',
      kind: 'conditions',
      categories: ['cloud-content'],
      conditions: [
        {
          id: 'account-open',
          label: tx('the uploading user\'s account is open', 'üleslaadinud kasutaja konto on avatud', 'įkėlusio naudotojo paskyra yra aktyvi'),
          endsAt: 'account-closed',
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}`)],
        },
        {
          id: 'customer-contract',
          label: tx('the customer\'s contract is in force', 'kliendi leping kehtib', 'kliento sutartis galioja'),
          endsAt: 'contract-ended',
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: shared content stays available to colleagues while the customer's contract runs`)],
        },
      ],
      then: { days: 30 },
      action: 'erase',
      description: tx(
        'Recordings and messages are kept while the user\'s account is open or the customer\'s contract is in force, and erased 30 days after both have ended.',
        'Salvestisi ja sõnumeid säilitatakse seni, kuni kasutaja konto on avatud või kliendi leping kehtib, ning need kustutatakse 30 päeva pärast mõlema lõppemist.',
        'Įrašai ir žinutės saugomi, kol naudotojo paskyra aktyvi arba galioja kliento sutartis, ir ištrinami praėjus 30 dienų po to, kai pasibaigia abu.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: 30 days after the account is closed and the contract has ended`)],
    },
  ],
  security: measures(
    'tls', 'rbac', 'feature-gates', 'server-validation', 'upload-checks', 'html-sanitiser',
    'secured-networks', 'processor-selection', 'incident-reports',
  ),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [seed('rights', 'the sources describe no automated decisions')],
  },
  location: tx(
    'Cloud storage of our hosting partners; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Meie majutuspartnerite pilvesalvestus; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Mūsų prieglobos partnerių saugykla debesijoje; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: true,
    status: 'planned',
    reason: tx(
      'Messages with patients and uploaded recordings may reveal health data (GDPR Art. 9), so a data protection impact assessment is planned.',
      'Sõnumid patsientidega ja üleslaaditud salvestised võivad sisaldada terviseandmeid (IKÜM art 9), seetõttu on kavandatud andmekaitsealane mõjuhinnang.',
      'Žinutėse su pacientais ir įkeltuose įrašuose gali būti sveikatos duomenų (BDAR 9 straipsnis), todėl planuojama atlikti poveikio duomenų apsaugai vertinimą.',
    ),
    ref: [fills('basis', 3, `the sources mention no DPIA; recommended because of patient communications; ${DEFAULT_NOTE}`)],
  },
  systems: ['client-portal'],
  ref: [fills('data', 2, 'information stored in our cloud service'), seed('basis')],
};
