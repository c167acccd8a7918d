import { Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, assumed, fills, notice, seed, tx } from '../refs';
import { FROM_CRM, FROM_SUBJECT, measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['hosting-partners', 'email-service', 'authorities'] as const;

/** Accounts of the Baltic Lasers client portal ("Account data" in § 2 of the notice). */
export const portalAccounts: Register = {
  id: 'portal-accounts',
  name: tx('Client portal accounts', 'Kliendiportaali kasutajakontod', 'Klientų portalo paskyros'),
  businessFunction: tx('Client portal operations', 'Kliendiportaali haldamine', 'Klientų portalo administravimas'),
  description: tx(
    'User accounts of the Baltic Lasers client portal, held by the authorised employees of business customers: the data needed to sign in and to use the portal. Account data is the only data kept exclusively in the portal database; the other fields shown in the portal come from the customer-relationship management system.',
    'Baltic Lasersi kliendiportaali kasutajakontod, mis on äriklientide volitatud töötajatel: andmed, mida on vaja portaali sisselogimiseks ja kasutamiseks. Ainult kontoandmeid hoitakse üksnes portaali andmebaasis; muud portaalis kuvatavad andmed pärinevad kliendihaldussüsteemist.',
    'Baltic Lasers klientų portalo paskyros, kurias turi verslo klientų įgalioti darbuotojai: duomenys, reikalingi prisijungti prie portalo ir juo naudotis. Vien portalo duomenų bazėje saugomi tik paskyros duomenys; kiti portale rodomi duomenys gaunami iš klientų santykių valdymo sistemos.',
  ),
  purposes: [
    {
      id: 'portal-access',
      name: tx('Providing portal accounts', 'Portaali kasutajakontode pakkumine', 'Portalo paskyrų teikimas'),
      description: tx(
        'Creating and maintaining portal accounts, authenticating users and granting each user the features their role permits, so that customers can use the online service.',
        'Portaali kasutajakontode loomine ja haldamine, kasutajate autentimine ning igale kasutajale tema rollile vastavate funktsioonide võimaldamine, et kliendid saaksid e-teenust kasutada.',
        'Portalo paskyrų kūrimas ir tvarkymas, naudotojų autentifikavimas ir kiekvienam naudotojui jo vaidmeniui leidžiamų funkcijų suteikimas, kad klientai galėtų naudotis internetine paslauga.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest, arising from the customer relationship, in giving the business customer\'s authorised employees access to the portal the customer uses.',
            'Meie kliendisuhtest tulenev õigustatud huvi võimaldada ärikliendi volitatud töötajatele juurdepääsu portaalile, mida klient kasutab.',
            'Mūsų teisėtas interesas, kylantis iš santykių su klientu, suteikti verslo kliento įgaliotiems darbuotojams prieigą prie kliento naudojamo portalo.',
          ),
          legitimateInterest: tx(
            'Providing the contracted client portal to the people our business customer has authorised to use it.',
            'Lepingujärgse kliendiportaali võimaldamine isikutele, keda äriklient on volitanud seda kasutama.',
            'Sutartyje numatyto klientų portalo teikimas asmenims, kuriuos verslo klientas įgaliojo juo naudotis.',
          ),
          ref: [
            fills('basis', 3, 'legitimate interest based on a customer relationship; portal users are employees of the customer, not parties to the contract'),
            notice(10, 'the portal is a B2B tool for authorised employees of our customers'),
          ],
        },
        {
          article: '6(1)(b)',
          description: tx(
            'Performance of the contract, where the account holder is personally a party to the contract with us.',
            'Lepingu täitmine juhul, kui kontoomanik on ise meiega sõlmitud lepingu pool.',
            'Sutarties vykdymas, kai paskyros turėtojas pats yra sutarties su mumis šalis.',
          ),
          ref: [fills('basis', 3, 'the performance of a contract')],
        },
      ],
      categories: ['account-name', 'account-identifier', 'account-password', 'account-email', 'account-role'],
      ref: [fills('basis', 3, 'to provide you with an online service'), notice('intro')],
    },
    {
      id: 'policy-change-notices',
      name: tx('Announcing policy changes', 'Privaatsuspoliitika muudatustest teavitamine', 'Pranešimai apie politikos pakeitimus'),
      description: tx(
        'Telling active account holders by e-mail about material changes to this privacy policy.',
        'Aktiivsete kontoomanike teavitamine e-posti teel käesoleva privaatsuspoliitika olulistest muudatustest.',
        'Aktyvių paskyrų turėtojų informavimas el. paštu apie esminius šios privatumo politikos pakeitimus.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest in keeping the people whose data we process informed of how we process it.',
            'Meie õigustatud huvi hoida isikuid, kelle andmeid töötleme, kursis sellega, kuidas me neid töötleme.',
            'Mūsų teisėtas interesas informuoti asmenis, kurių duomenis tvarkome, apie tai, kaip juos tvarkome.',
          ),
          legitimateInterest: tx(
            'Transparent communication of material policy changes to account holders.',
            'Kontoomanike läbipaistev teavitamine privaatsuspoliitika olulistest muudatustest.',
            'Skaidrus paskyrų turėtojų informavimas apie esminius politikos pakeitimus.',
          ),
          ref: [notice(11), assumed(11, 'basis not stated in the sources: legitimate interest chosen by Regula, and the interest worded by Regula')],
        },
      ],
      categories: ['account-name', 'account-email'],
      ref: [notice(11)],
    },
  ],
  subjects: [
    {
      id: 'portal-users',
      kind: 'portal-user',
      name: tx('Portal users', 'Portaali kasutajad', 'Portalo naudotojai'),
      description: tx(
        'Authorised employees of our business customers who hold a portal account.',
        'Meie äriklientide volitatud töötajad, kellel on portaalis kasutajakonto.',
        'Mūsų verslo klientų įgalioti darbuotojai, turintys portalo paskyrą.',
      ),
      mayIncludeChildren: false,
      ref: [notice('intro'), notice(10)],
    },
  ],
  dataCategories: [
    {
      id: 'account-name',
      name: tx('Name', 'Nimi', 'Vardas ir pavardė'),
      fields: tx('First name and surname of the account holder', 'Kontoomaniku ees- ja perekonnanimi', 'Paskyros turėtojo vardas ir pavardė'),
      required: true,
      providedBySubject: true,
      sources: ['data-subject', 'crm'],
      ref: [fills('data', 2, 'name is marked * (required for the contract)'), notice(2, 'most fields originate from the CRM')],
    },
    {
      id: 'account-identifier',
      name: tx('Username or other identifier', 'Kasutajanimi või muu tunnus', 'Naudotojo vardas ar kitas identifikatorius'),
      fields: tx('Username and/or other identifier of the account', 'Konto kasutajanimi ja/või muu tunnus', 'Paskyros naudotojo vardas ir (arba) kitas identifikatorius'),
      required: true,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'username and/or other identifier is marked * (required for the contract)'), notice(2, 'account data lives exclusively inside the portal database')],
    },
    {
      id: 'account-password',
      name: tx('Password', 'Parool', 'Slaptažodis'),
      fields: tx('Password, stored only as a hash', 'Parool, mida säilitatakse üksnes räsina', 'Slaptažodis, saugomas tik kaip maišos reikšmė'),
      required: true,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [fills('data', 2, 'password is marked * (required for the contract)'), notice(9, 'hashed at rest with bcrypt / argon2')],
    },
    {
      id: 'account-email',
      name: tx('Registered e-mail address', 'Registreeritud e-posti aadress', 'Užregistruotas el. pašto adresas'),
      fields: tx('The e-mail address registered with the account', 'Kontoga seotud e-posti aadress', 'Su paskyra susietas el. pašto adresas'),
      required: false,
      providedBySubject: true,
      sources: ['data-subject', 'crm'],
      ref: [
        fills('data', 2, 'contact information such as e-mail address'),
        notice(7, 'requests are written from the e-mail address registered with the account'),
        notice(11, 'changes are announced by e-mail to active account holders'),
      ],
    },
    {
      id: 'account-role',
      name: tx('Role and permissions', 'Roll ja õigused', 'Vaidmuo ir leidimai'),
      fields: tx(
        'The role assigned to the account and the feature permissions it holds',
        'Kontole määratud roll ja sellel olevad funktsiooniõigused',
        'Paskyrai priskirtas vaidmuo ir jai suteikti funkcijų leidimai',
      ),
      required: false,
      providedBySubject: false,
      sources: ['crm'],
      ref: [assumed(9, 'category inferred from the role-based access control and per-permission feature gates; not listed as a data category in either source')],
    },
  ],
  sources: [FROM_SUBJECT, FROM_CRM],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'account-data',
      kind: 'period',
      categories: ['account-name', 'account-identifier', 'account-password', 'account-email', 'account-role'],
      anchor: 'account-closed',
      period: { days: 30 },
      action: 'erase',
      description: tx(
        'Account data is kept while the account is open and erased 30 days after the account is closed.',
        'Kontoandmeid säilitatakse konto olemasolu ajal ja need kustutatakse 30 päeva pärast konto sulgemist.',
        'Paskyros duomenys saugomi, kol paskyra yra aktyvi, ir ištrinami praėjus 30 dienų po paskyros uždarymo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: 30 days after the account is closed`)],
    },
  ],
  security: measures(
    'tls', 'password-hashing', 'rbac', 'feature-gates', 'server-validation', 'auth-rate-limiting',
    'admin-audit-log', 'personal-accounts', 'processor-selection', 'incident-reports',
  ),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [seed('rights', 'the sources describe no automated decisions; profiling is mentioned only for direct marketing')],
  },
  location: tx(
    'Portal database run by our cloud hosting partners; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Portaali andmebaas, mida käitavad meie pilvemajutuse partnerid; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Portalo duomenų bazė, kurią eksploatuoja mūsų debesijos prieglobos partneriai; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: tx(
      'Sign-in data of business users; no special categories and no systematic monitoring.',
      'Äriklientide kasutajate sisselogimisandmed; eriliigilisi andmeid ega süstemaatilist jälgimist ei ole.',
      'Verslo naudotojų prisijungimo duomenys; specialių kategorijų duomenų ir sisteminės stebėsenos nėra.',
    ),
    ref: [assumed('intro', `DPIA screening: the sources mention no DPIA; the result is a ${DEFAULT_NOTE}`)],
  },
  systems: ['client-portal'],
  ref: [notice('intro'), notice(2, 'account data lives exclusively inside the portal database'), seed('name')],
};
