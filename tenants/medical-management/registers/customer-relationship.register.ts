import { DataSource, LegalBasis, Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, assumed, fills, law, notice, seed, tx } from '../refs';
import { FROM_SUBJECT, customers, measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['crm-provider', 'hosting-partners', 'email-service', 'payment-gateway', 'authorities'] as const;

const LEGITIMATE_INTEREST: LegalBasis = {
  article: '6(1)(f)',
  description: tx(
    'Our legitimate interest arising from the customer relationship or another connection with the data subject.',
    'Meie õigustatud huvi, mis tuleneb kliendisuhtest või muust seosest andmesubjektiga.',
    'Mūsų teisėtas interesas, kylantis iš santykių su klientu ar kito ryšio su duomenų subjektu.',
  ),
  legitimateInterest: tx(
    'Managing the business relationship with our customers and their contact persons.',
    'Ärisuhte korraldamine meie klientide ja nende kontaktisikutega.',
    'Verslo santykių su mūsų klientais ir jų kontaktiniais asmenimis palaikymas.',
  ),
  ref: [fills('basis', 3, 'legitimate interest of the company based on a customer relationship and/or other connection')],
};

const CONTRACT: LegalBasis = {
  article: '6(1)(b)',
  description: tx(
    'Performance of a contract to which the data subject is a party, or steps taken at their request before entering into it.',
    'Andmesubjekti osalusel sõlmitud lepingu täitmine või lepingu sõlmimisele eelnevate meetmete võtmine andmesubjekti taotlusel.',
    'Sutarties, kurios šalis yra duomenų subjektas, vykdymas arba veiksmai jo prašymu prieš sudarant sutartį.',
  ),
  ref: [fills('basis', 3, 'the performance of a contract')],
};

const ACCOUNTING_OBLIGATION: LegalBasis = {
  article: '6(1)(c)',
  description: tx(
    'Legal obligation to keep accounting source documents.',
    'Juriidiline kohustus säilitada raamatupidamise algdokumente.',
    'Teisinė prievolė saugoti apskaitos pirminius dokumentus.',
  ),
  legalObligation: {
    law: tx(
      'Estonian Accounting Act, § 12 (retention of accounting source documents)',
      'Raamatupidamise seadus, § 12 (raamatupidamise algdokumentide säilitamine)',
      'Estijos apskaitos įstatymas, 12 straipsnis (apskaitos pirminių dokumentų saugojimas)',
    ),
    ref: [law('EE-ACCOUNTING-ACT', '§ 12')],
  },
  ref: [law('EE-ACCOUNTING-ACT', '§ 12'), assumed(3, 'basis inferred by Regula: orders and transactions are accounting source documents; the sources name only legitimate interest and contract')],
};

const PUBLIC_SOURCES: DataSource = {
  id: 'public-sources',
  kind: 'public-source',
  description: tx(
    'Publicly available sources, used to collect and update data within the limits of the law, manually or by automated means.',
    'Avalikult kättesaadavad allikad, mille abil andmeid seaduse piires käsitsi või automaatselt kogutakse ja ajakohastatakse.',
    'Viešai prieinami šaltiniai, iš kurių duomenys įstatymų nustatytose ribose renkami ir atnaujinami rankiniu ar automatizuotu būdu.',
  ),
  ref: [seed('sources')],
};

const AUTHORITIES_SOURCE: DataSource = {
  id: 'authorities',
  kind: 'authority',
  description: tx(
    'Information received from authorities within the limits of the law.',
    'Ametiasutustelt seaduse piires saadud teave.',
    'Iš valdžios institucijų pagal įstatymus gauta informacija.',
  ),
  ref: [seed('sources')],
};

const THIRD_PARTIES: DataSource = {
  id: 'third-parties',
  kind: 'third-party',
  description: tx(
    'Information received from other third parties within the limits of the law.',
    'Muudelt kolmandatelt isikutelt seaduse piires saadud teave.',
    'Iš kitų trečiųjų asmenų pagal įstatymus gauta informacija.',
  ),
  ref: [seed('sources')],
};

const ALL_CATEGORIES = [
  'crm-name', 'crm-basic-details', 'contact-details', 'company-details', 'contract-history',
  'call-recordings', 'correspondence', 'voluntary-information',
];

/** The customer-relationship management system: the customer register proper. */
export const customerRelationship: Register = {
  id: 'customer-relationship',
  name: tx('Customer relationship management', 'Kliendisuhete haldus', 'Klientų santykių valdymas'),
  businessFunction: tx('Sales and customer service', 'Müük ja klienditeenindus', 'Pardavimai ir klientų aptarnavimas'),
  description: tx(
    'The customer register kept in our customer-relationship management system: customers, their contact persons, contracts, orders and correspondence. Most fields shown in the client portal originate here.',
    'Kliendihaldussüsteemis peetav kliendiregister: kliendid, nende kontaktisikud, lepingud, tellimused ja kirjavahetus. Sellest pärineb enamik kliendiportaalis kuvatavatest andmetest.',
    'Klientų santykių valdymo sistemoje tvarkomas klientų registras: klientai, jų kontaktiniai asmenys, sutartys, užsakymai ir susirašinėjimas. Iš jo gaunama dauguma klientų portale rodomų duomenų.',
  ),
  purposes: [
    {
      id: 'customer-service',
      name: tx('Customer service', 'Klienditeenindus', 'Klientų aptarnavimas'),
      description: tx(
        'Answering customers\' service requests and serving them better.',
        'Klientide teeninduspäringutele vastamine ja nende parem teenindamine.',
        'Atsakymas į klientų aptarnavimo užklausas ir geresnis jų aptarnavimas.',
      ),
      legalBases: [LEGITIMATE_INTEREST, CONTRACT],
      categories: ['crm-name', 'contact-details', 'company-details', 'contract-history', 'call-recordings', 'correspondence', 'voluntary-information'],
      ref: [fills('basis', 3, 'to better service you in responding to your customer service requests')],
    },
    {
      id: 'transactions',
      name: tx('Orders and transactions', 'Tellimused ja tehingud', 'Užsakymai ir operacijos'),
      description: tx(
        'Processing orders and other transactions promptly, and keeping the accounting records they produce.',
        'Tellimuste ja muude tehingute kiire töötlemine ning nendega kaasnevate raamatupidamisdokumentide säilitamine.',
        'Greitas užsakymų ir kitų operacijų vykdymas bei dėl jų atsirandančių apskaitos dokumentų saugojimas.',
      ),
      legalBases: [CONTRACT, LEGITIMATE_INTEREST, ACCOUNTING_OBLIGATION],
      categories: ['crm-name', 'crm-basic-details', 'contact-details', 'company-details', 'contract-history'],
      ref: [fills('basis', 3, 'to quickly process your transactions')],
    },
    {
      id: 'service-improvement',
      name: tx('Improving our service', 'Teenuse parendamine', 'Paslaugos tobulinimas'),
      description: tx(
        'Improving our products and service on the basis of the customer relationship and customer feedback.',
        'Toodete ja teenuse parendamine kliendisuhte ja klientide tagasiside põhjal.',
        'Produktų ir paslaugos tobulinimas remiantis santykiais su klientais ir jų atsiliepimais.',
      ),
      legalBases: [LEGITIMATE_INTEREST],
      categories: ['contract-history', 'correspondence', 'voluntary-information'],
      ref: [fills('basis', 3, 'to improve our service in order to better serve you')],
    },
    {
      id: 'legal-compliance',
      name: tx('Legal compliance and protection of rights', 'Seaduste täitmine ja õiguste kaitse', 'Teisės aktų laikymasis ir teisių gynimas'),
      description: tx(
        'Complying with the law, enforcing the terms of the service and protecting our rights, property or safety and those of others, including the establishment and defence of legal claims.',
        'Seaduste täitmine, teenuse tingimuste jõustamine ning meie ja teiste isikute õiguste, vara või turvalisuse kaitsmine, sealhulgas õigusnõuete koostamine ja kaitsmine.',
        'Teisės aktų laikymasis, paslaugos sąlygų užtikrinimas ir mūsų bei kitų asmenų teisių, turto ar saugumo apsauga, įskaitant teisinių reikalavimų pareiškimą ir gynimą.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest in enforcing our terms and protecting our rights and those of others.',
            'Meie õigustatud huvi jõustada oma tingimusi ning kaitsta enda ja teiste õigusi.',
            'Mūsų teisėtas interesas užtikrinti savo sąlygų laikymąsi ir ginti savo bei kitų asmenų teises.',
          ),
          legitimateInterest: tx(
            'Establishing, exercising or defending legal claims and protecting rights, property and safety.',
            'Õigusnõuete koostamine, esitamine või kaitsmine ning õiguste, vara ja turvalisuse kaitse.',
            'Teisinių reikalavimų pareiškimas, vykdymas ar gynimas ir teisių, turto bei saugumo apsauga.',
          ),
          ref: [seed('disclosures', 'we may release information to comply with the law, enforce our site policies, or protect rights, property or safety')],
        },
      ],
      categories: ALL_CATEGORIES,
      ref: [seed('disclosures')],
    },
  ],
  subjects: [
    customers([seed('data', 'the customer or other data subject'), notice(10, 'B2B service')]),
    {
      id: 'contact-persons',
      kind: 'contact-person',
      name: tx('Contact persons of business customers', 'Äriklientide kontaktisikud', 'Verslo klientų kontaktiniai asmenys'),
      description: tx(
        'People named by a business customer as its contacts.',
        'Isikud, kelle äriklient on määranud oma kontaktisikuteks.',
        'Asmenys, kuriuos verslo klientas nurodė kaip savo kontaktinius asmenis.',
      ),
      mayIncludeChildren: false,
      ref: [seed('data', 'information regarding the company and its contact persons')],
    },
  ],
  dataCategories: [
    {
      id: 'crm-name',
      name: tx('Name', 'Nimi', 'Vardas ir pavardė'),
      fields: tx('First name and surname of the customer or contact person', 'Kliendi või kontaktisiku ees- ja perekonnanimi', 'Kliento ar kontaktinio asmens vardas ir pavardė'),
      required: true,
      providedBySubject: true,
      sources: ['data-subject', 'public-sources', 'third-parties'],
      ref: [fills('data', 2, 'name is marked * (required for the contract)')],
    },
    {
      id: 'crm-basic-details',
      name: tx('Other basic information', 'Muud põhiandmed', 'Kiti pagrindiniai duomenys'),
      fields: tx('Date of birth, customer number, gender', 'Sünniaeg, kliendinumber, sugu', 'Gimimo data, kliento numeris, lytis'),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'basic information: birth date, customer number, gender')],
    },
    {
      id: 'contact-details',
      name: tx('Contact information', 'Kontaktandmed', 'Kontaktiniai duomenys'),
      fields: tx('E-mail address, phone number, business address', 'E-posti aadress, telefoninumber, tööalane aadress', 'El. pašto adresas, telefono numeris, darbo adresas'),
      required: false,
      providedBySubject: true,
      sources: ['data-subject', 'public-sources', 'authorities', 'third-parties'],
      ref: [fills('data', 2, 'contact information'), seed('sources', 'data may be updated from public sources, authorities or other third parties')],
    },
    {
      id: 'company-details',
      name: tx('Company and contact persons', 'Ettevõtte ja kontaktisikute andmed', 'Įmonės ir kontaktinių asmenų duomenys'),
      fields: tx(
        'Business ID of the customer company; names and contact details of its contact persons',
        'Kliendiks oleva ettevõtte registrikood; selle kontaktisikute nimed ja kontaktandmed',
        'Kliento įmonės kodas; jos kontaktinių asmenų vardai, pavardės ir kontaktiniai duomenys',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject', 'public-sources', 'authorities'],
      ref: [fills('data', 2, 'information regarding the company and its contact persons')],
    },
    {
      id: 'contract-history',
      name: tx('Contracts, orders and transactions', 'Lepingud, tellimused ja tehingud', 'Sutartys, užsakymai ir operacijos'),
      fields: tx(
        'Past and current contracts and orders and other transactions',
        'Varasemad ja kehtivad lepingud ja tellimused ning muud tehingud',
        'Ankstesnės ir galiojančios sutartys, užsakymai ir kitos operacijos',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'information of past and existing contracts and orders, other transactions')],
    },
    {
      id: 'call-recordings',
      name: tx('Call recordings', 'Kõnesalvestised', 'Pokalbių įrašai'),
      fields: tx('Recordings of telephone calls with the customer', 'Kliendiga peetud telefonikõnede salvestised', 'Telefoninių pokalbių su klientu įrašai'),
      required: false,
      providedBySubject: false,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'call recordings')],
    },
    {
      id: 'correspondence',
      name: tx('Correspondence', 'Kirjavahetus', 'Susirašinėjimas'),
      fields: tx(
        'Correspondence with the customer or data subject and with other contacts',
        'Kirjavahetus kliendi või andmesubjekti ja muude kontaktidega',
        'Susirašinėjimas su klientu ar duomenų subjektu ir kitais kontaktais',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'correspondence with the customer/data subject and other contacts')],
    },
    {
      id: 'voluntary-information',
      name: tx('Information provided voluntarily', 'Vabatahtlikult esitatud teave', 'Savanoriškai pateikta informacija'),
      fields: tx(
        'Any other information the customer chooses to enter into our systems',
        'Muu teave, mille klient otsustab meie süsteemidesse sisestada',
        'Kita informacija, kurią klientas nusprendžia įvesti į mūsų sistemas',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'information voluntarily provided by the customer himself to the company system')],
    },
  ],
  sources: [FROM_SUBJECT, PUBLIC_SOURCES, AUTHORITIES_SOURCE, THIRD_PARTIES],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'accounting-source-documents',
      kind: 'conditions',
      categories: ['contract-history'],
      conditions: [
        {
          id: 'customer-relationship',
          label: tx(
            'the contract is in force, and for three years after it ends',
            'leping kehtib, ning kolm aastat pärast selle lõppemist',
            'sutartis galioja, ir trejus metus po jos pasibaigimo',
          ),
          endsAt: 'contract-ended',
          plus: { years: 3 },
          ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: three years after the contract ends, in line with the general three-year limitation period for contractual claims`)],
        },
        {
          id: 'accounting-act',
          label: tx(
            'the statutory retention period of accounting source documents runs: seven years from the end of the financial year',
            'kestab raamatupidamise algdokumentide seadusjärgne säilitamistähtaeg: seitse aastat majandusaasta lõpust',
            'nesibaigęs įstatymu nustatytas apskaitos pirminių dokumentų saugojimo terminas: septyneri metai nuo finansinių metų pabaigos',
          ),
          endsAt: 'financial-year-end',
          plus: { years: 7 },
          ref: [law('EE-ACCOUNTING-ACT', '§ 12'), assumed(6, 'the statutory period of the Accounting Act applied by Regula to these records; the sources only say "as long as necessary"')],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      description: tx(
        'Contracts, orders and transactions are kept while the contract is in force and for three years after, and in any case for seven years from the end of the financial year in which they were recorded, as the Accounting Act requires.',
        'Lepinguid, tellimusi ja tehinguid säilitatakse lepingu kehtivuse ajal ja kolm aastat pärast selle lõppemist ning igal juhul seitse aastat selle majandusaasta lõpust, mil need registreeriti, nagu nõuab raamatupidamise seadus.',
        'Sutartys, užsakymai ir operacijos saugomi, kol galioja sutartis, ir trejus metus po jos pasibaigimo, o bet kuriuo atveju – septynerius metus nuo finansinių metų, kuriais jie buvo užregistruoti, pabaigos, kaip reikalauja Estijos apskaitos įstatymas.',
      ),
      ref: [
        fills('protection', 6, 'the register description only says "as long as necessary"; statutory period of the Accounting Act combined with a default'),
        law('EE-ACCOUNTING-ACT', '§ 12'),
      ],
    },
    {
      id: 'customer-master-data',
      kind: 'period',
      categories: ['crm-name', 'crm-basic-details', 'contact-details', 'company-details', 'correspondence', 'voluntary-information'],
      anchor: 'contract-ended',
      period: { years: 3 },
      action: 'erase',
      description: tx(
        'Customer details and correspondence are kept for three years after the customer relationship ends.',
        'Kliendiandmeid ja kirjavahetust säilitatakse kolm aastat pärast kliendisuhte lõppemist.',
        'Kliento duomenys ir susirašinėjimas saugomi trejus metus po santykių su klientu pabaigos.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: three years after the contract ends, in line with the general three-year limitation period for contractual claims`)],
    },
    {
      id: 'call-recordings',
      kind: 'period',
      categories: ['call-recordings'],
      anchor: 'recorded',
      period: { years: 1 },
      action: 'erase',
      description: tx(
        'Call recordings are erased one year after the call.',
        'Kõnesalvestised kustutatakse üks aasta pärast kõnet.',
        'Pokalbių įrašai ištrinami praėjus vieneriems metams po pokalbio.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: one year from the recording`)],
    },
  ],
  security: measures('tls', 'secured-networks', 'limited-access', 'confidentiality', 'personal-accounts', 'processor-selection', 'incident-reports'),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [seed('rights', 'the sources describe no automated decisions; profiling is mentioned only for direct marketing, modelled in the direct-marketing register')],
  },
  location: tx(
    'Customer-relationship management system of our CRM provider; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Meie kliendihaldussüsteemi pakkuja süsteem; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Mūsų klientų santykių valdymo sistemos teikėjo sistema; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: tx(
      'Ordinary customer records of a business-to-business seller; no special categories, no large-scale monitoring.',
      'Ettevõtetevahelise müüja tavapärased kliendiandmed; eriliigilisi andmeid ega ulatuslikku jälgimist ei ole.',
      'Įprasti verslo klientams parduodančios įmonės klientų duomenys; specialių kategorijų duomenų ir didelio masto stebėsenos nėra.',
    ),
    ref: [assumed('intro', `DPIA screening: the sources mention no DPIA; the result is a ${DEFAULT_NOTE}`)],
  },
  systems: ['crm'],
  ref: [seed('name', 'Customer and Marketing Register'), notice(2, 'most fields originate from our customer-relationship management system')],
};
