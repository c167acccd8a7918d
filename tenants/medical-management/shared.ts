import { DataSource, DataSubjectCategory, Recipient, Ref, SecurityMeasure, Transfer } from '@regula/engine';
import { fills, notice, seed, tx } from './refs';

/*
 * Building blocks several registers share: the processor categories, the
 * transfers, the security measures, the common data sources and the customers
 * as data subjects. The portal
 * notice lists no processor by name (its § 4 list is empty), so the processors
 * are modelled as the categories the register description names.
 */

const DPA_REF = notice(4, 'the providers process data on our behalf under data-processing agreements');

export type RecipientId = 'hosting-partners' | 'email-service' | 'crm-provider' | 'payment-gateway' | 'authorities';

const RECIPIENTS: Record<RecipientId, Recipient> = {
  'hosting-partners': {
    id: 'hosting-partners',
    kind: 'processor',
    name: tx('Hosting and cloud service partners', 'Majutus- ja pilveteenuse partnerid', 'Prieglobos ir debesijos paslaugų partneriai'),
    description: tx(
      'Service hosting partners and subcontractors that run the portal, its database and the cloud storage of recordings and messages on our behalf.',
      'Teenuse majutuspartnerid ja alltöövõtjad, kes käitavad meie nimel portaali, selle andmebaasi ning salvestiste ja sõnumite pilvesalvestust.',
      'Paslaugų prieglobos partneriai ir subrangovai, kurie mūsų vardu eksploatuoja portalą, jo duomenų bazę ir įrašų bei žinučių saugyklą debesijoje.',
    ),
    dpa: true,
    country: 'unknown',
    ref: [
      fills('disclosures', 4, 'service hosting partners and subcontractors processing on our behalf; not named in either source'),
      DPA_REF,
    ],
  },
  'email-service': {
    id: 'email-service',
    kind: 'processor',
    name: tx('E-mail service providers', 'E-posti teenuse pakkujad', 'El. pašto paslaugų teikėjai'),
    description: tx(
      'Providers that deliver the e-mails we send to account holders and customers, such as notices of material changes to this policy.',
      'Teenusepakkujad, kes edastavad e-kirju, mida saadame kontoomanikele ja klientidele, näiteks teateid käesoleva privaatsuspoliitika oluliste muudatuste kohta.',
      'Paslaugų teikėjai, pristatantys el. laiškus, kuriuos siunčiame paskyrų turėtojams ir klientams, pavyzdžiui, pranešimus apie esminius šios politikos pakeitimus.',
    ),
    dpa: true,
    country: 'unknown',
    ref: [
      fills('disclosures', 4, 'one of the "other parties who assist us in operating our service"; e-mail delivery is implied by the announcements of § 11 of the notice'),
      notice(11, 'material changes are sent by e-mail to active account holders'),
      DPA_REF,
    ],
  },
  'crm-provider': {
    id: 'crm-provider',
    kind: 'processor',
    name: tx(
      'Customer-relationship management system provider',
      'Kliendihaldussüsteemi pakkuja',
      'Klientų santykių valdymo sistemos teikėjas',
    ),
    description: tx(
      'The provider of the customer-relationship management system from which most portal fields originate.',
      'Kliendihaldussüsteemi pakkuja; sellest süsteemist pärineb enamik portaali andmeväljadest.',
      'Klientų santykių valdymo sistemos teikėjas; iš šios sistemos gaunama dauguma portalo duomenų laukų.',
    ),
    dpa: true,
    country: 'unknown',
    ref: [
      notice(2, 'most fields originate from our customer-relationship management system'),
      fills('disclosures', 4, 'a party "who assists us in conducting our business"; the notice names neither the system nor its provider'),
      DPA_REF,
    ],
  },
  'payment-gateway': {
    id: 'payment-gateway',
    kind: 'processor',
    name: tx('Payment gateway provider', 'Makselahenduse pakkuja', 'Mokėjimų platformos teikėjas'),
    description: tx(
      'Transactions are processed through a payment gateway provider; payment data is neither stored nor processed on our servers.',
      'Tehingud töödeldakse makselahenduse pakkuja kaudu; makseandmeid meie serverites ei salvestata ega töödelda.',
      'Operacijos apdorojamos per mokėjimų platformos teikėją; mokėjimo duomenys mūsų serveriuose nesaugomi ir netvarkomi.',
    ),
    dpa: true,
    country: 'unknown',
    ref: [
      seed('protection', 'all transactions are processed through a gateway provider and are not stored or processed on our servers'),
      DPA_REF,
      fills('disclosures', 4, 'modelled as a processor under the general statement of § 4 of the notice; payment providers often act as independent controllers, verify with the controller'),
    ],
  },
  authorities: {
    id: 'authorities',
    kind: 'authority',
    name: tx(
      'Public authorities and courts, where the law requires it',
      'Ametiasutused ja kohtud, kui seadus seda nõuab',
      'Valdžios institucijos ir teismai, kai to reikalauja įstatymai',
    ),
    description: tx(
      'Data is released when this is necessary to comply with the law, to enforce the terms of the service or to protect the rights, property or safety of us or others.',
      'Andmeid avaldatakse, kui see on vajalik seaduse täitmiseks, teenuse tingimuste jõustamiseks või meie või teiste isikute õiguste, vara või turvalisuse kaitsmiseks.',
      'Duomenys atskleidžiami, kai to reikia įstatymams vykdyti, paslaugos sąlygoms užtikrinti arba mūsų ar kitų asmenų teisėms, turtui ar saugumui apsaugoti.',
    ),
    country: 'EEA',
    ref: [fills('disclosures', 4, 'release to comply with the law, enforce site policies or protect rights, property or safety')],
  },
};

/** The recipients of a register, in a stable order. */
export function recipients(...ids: RecipientId[]): Recipient[] {
  return ids.map((id) => RECIPIENTS[id]);
}

const CLOUD_PROCESSORS: RecipientId[] = ['hosting-partners', 'email-service', 'crm-provider'];

/**
 * Transfers outside the EEA (§ 5 of the notice): processors with multi-region
 * cloud services under EU-data-boundary commitments plus SCCs; any other
 * processor only with SCCs or an equivalent safeguard.
 */
export function transfers(ids: RecipientId[]): Transfer[] {
  const cloud = ids.filter((id) => CLOUD_PROCESSORS.includes(id));
  const other = ids.filter((id) => !CLOUD_PROCESSORS.includes(id) && RECIPIENTS[id].kind === 'processor');
  const result: Transfer[] = [];
  if (cloud.length) {
    result.push({
      id: 'multi-region-cloud-processors',
      recipients: cloud,
      destination: tx(
        'Countries outside the European Economic Area reached by a processor\'s multi-region cloud service',
        'Väljaspool Euroopa Majanduspiirkonda, kuhu ulatub volitatud töötleja mitut piirkonda hõlmav pilveteenus',
        'Už Europos ekonominės erdvės ribų, kur veikia duomenų tvarkytojo kelių regionų debesijos paslauga',
      ),
      safeguard: 'eu-data-boundary-and-scc',
      safeguardDetail: tx(
        'The processors commit to an EU data boundary and sign the standard contractual clauses approved by the European Commission (GDPR Art. 46(2)(c)).',
        'Volitatud töötlejad kohustuvad hoidma andmeid ELi andmepiires ja on sõlminud Euroopa Komisjoni heakskiidetud andmekaitse tüüpklauslid (IKÜM art 46 lg 2 p c).',
        'Duomenų tvarkytojai įsipareigoja laikytis ES duomenų ribos ir yra pasirašę Europos Komisijos patvirtintas standartines sutarčių sąlygas (BDAR 46 straipsnio 2 dalies c punktas).',
      ),
      ref: [notice(5, 'several processors operate multi-region cloud services and provide EU-data-boundary commitments together with SCCs')],
    });
  }
  if (other.length) {
    result.push({
      id: 'other-processors',
      recipients: other,
      destination: tx(
        'Countries outside the European Economic Area, only where the processor processes data there',
        'Väljaspool Euroopa Majanduspiirkonda üksnes juhul, kui volitatud töötleja seal andmeid töötleb',
        'Už Europos ekonominės erdvės ribų tik tuo atveju, jei duomenų tvarkytojas ten tvarko duomenis',
      ),
      safeguard: 'standard-contractual-clauses',
      safeguardDetail: tx(
        'Only with standard contractual clauses approved by the European Commission or an equivalent safeguard.',
        'Üksnes Euroopa Komisjoni heakskiidetud andmekaitse tüüpklauslite või samaväärse kaitsemeetme alusel.',
        'Tik taikant Europos Komisijos patvirtintas standartines sutarčių sąlygas arba lygiavertę apsaugos priemonę.',
      ),
      ref: [notice(5, 'data may leave the EEA only where the processor provides SCCs or equivalent safeguards')],
    });
  }
  return result;
}

export type MeasureId =
  | 'tls' | 'password-hashing' | 'rbac' | 'feature-gates' | 'server-validation' | 'auth-rate-limiting'
  | 'upload-checks' | 'html-sanitiser' | 'admin-audit-log' | 'incident-reports' | 'secured-networks'
  | 'limited-access' | 'confidentiality' | 'personal-accounts' | 'processor-selection';

const MEASURES: Record<MeasureId, SecurityMeasure> = {
  tls: {
    id: 'tls',
    type: 'technical',
    control: 'encryption-in-transit',
    description: tx(
      'Data in transit is encrypted with TLS, including the sensitive and payment-related information customers submit.',
      'Edastatavad andmed krüpteeritakse TLS-protokolliga, sealhulgas klientide esitatud tundlik ja maksetega seotud teave.',
      'Perduodami duomenys šifruojami TLS protokolu, įskaitant klientų pateikiamą neskelbtiną ir su mokėjimais susijusią informaciją.',
    ),
    ref: [notice(9, 'TLS in transit; the register description calls it Secure Socket Layer (SSL)')],
  },
  'password-hashing': {
    id: 'password-hashing',
    type: 'technical',
    control: 'password-hashing',
    description: tx(
      'Passwords are stored only as bcrypt or argon2 hashes.',
      'Paroole säilitatakse üksnes bcrypt- või argon2-räsina.',
      'Slaptažodžiai saugomi tik kaip bcrypt arba argon2 maišos reikšmės.',
    ),
    ref: [notice(9)],
  },
  rbac: {
    id: 'rbac',
    type: 'technical',
    control: 'access-control',
    description: tx(
      'Role-based access control decides what each portal user may see and do.',
      'Rollipõhine juurdepääsukontroll määrab, mida iga portaali kasutaja võib näha ja teha.',
      'Vaidmenimis grindžiama prieigos kontrolė lemia, ką kiekvienas portalo naudotojas gali matyti ir daryti.',
    ),
    ref: [notice(9)],
  },
  'feature-gates': {
    id: 'feature-gates',
    type: 'technical',
    control: 'feature-permissions',
    description: tx(
      'Each portal feature is enabled only for accounts that hold the corresponding permission.',
      'Iga portaali funktsioon on kasutatav ainult kontodele, millel on vastav õigus.',
      'Kiekviena portalo funkcija prieinama tik toms paskyroms, kurioms suteiktas atitinkamas leidimas.',
    ),
    ref: [notice(9, 'per-permission feature gates')],
  },
  'server-validation': {
    id: 'server-validation',
    type: 'technical',
    control: 'input-validation',
    description: tx(
      'Every modification is validated on the server before it is stored.',
      'Iga muudatust kontrollitakse enne salvestamist serveris.',
      'Kiekvienas pakeitimas prieš išsaugant patikrinamas serveryje.',
    ),
    ref: [notice(9)],
  },
  'auth-rate-limiting': {
    id: 'auth-rate-limiting',
    type: 'technical',
    control: 'rate-limiting',
    description: tx(
      'Sign-in and other authentication endpoints limit the number of attempts per IP address and per e-mail address.',
      'Sisselogimise ja muude autentimise otspunktide puhul piiratakse katsete arvu IP-aadressi ja e-posti aadressi kohta.',
      'Prisijungimo ir kitose autentifikavimo sąsajose ribojamas bandymų skaičius pagal IP adresą ir el. pašto adresą.',
    ),
    ref: [notice(9)],
  },
  'upload-checks': {
    id: 'upload-checks',
    type: 'technical',
    control: 'upload-checks',
    description: tx(
      'Uploaded files are checked for permitted file type and maximum size.',
      'Üleslaaditud failide puhul kontrollitakse lubatud failitüüpi ja suurimat lubatud mahtu.',
      'Įkeliamų failų tipas ir dydis tikrinami pagal leidžiamus apribojimus.',
    ),
    ref: [notice(9)],
  },
  'html-sanitiser': {
    id: 'html-sanitiser',
    type: 'technical',
    control: 'html-sanitising',
    description: tx(
      'Rich-text content passes through an HTML sanitiser that keeps only allow-listed markup.',
      'Vormindatud tekst läbib HTML-puhastuse, mis jätab alles üksnes lubatud märgendid.',
      'Formatuotas tekstas apdorojamas HTML valymo priemone, paliekančia tik leidžiamas žymes.',
    ),
    ref: [notice(9, 'HTML whitelist sanitiser on rich-text content')],
  },
  'admin-audit-log': {
    id: 'admin-audit-log',
    type: 'technical',
    control: 'audit-log',
    description: tx(
      'Administrative actions are recorded in a server-side audit log.',
      'Haldustoimingud salvestatakse serveripoolsesse auditilogisse.',
      'Administravimo veiksmai registruojami serverio audito žurnale.',
    ),
    ref: [notice(9)],
  },
  'incident-reports': {
    id: 'incident-reports',
    type: 'organisational',
    control: 'incident-response',
    description: tx(
      'Suspected security incidents can be reported by e-mail; every report is acknowledged within 72 hours.',
      'Võimalikest turvaintsidentidest saab teatada e-posti teel; iga teate kättesaamist kinnitatakse 72 tunni jooksul.',
      'Apie įtariamus saugumo incidentus galima pranešti el. paštu; kiekvieno pranešimo gavimas patvirtinamas per 72 valandas.',
    ),
    ref: [notice(9)],
  },
  'secured-networks': {
    id: 'secured-networks',
    type: 'technical',
    control: 'firewall',
    description: tx(
      'Personal data is kept behind secured networks.',
      'Isikuandmeid hoitakse turvatud võrkude taga.',
      'Asmens duomenys saugomi apsaugotuose tinkluose.',
    ),
    ref: [seed('protection', 'the source says only "secured networks"; filed under the network-protection checklist item')],
  },
  'limited-access': {
    id: 'limited-access',
    type: 'organisational',
    control: 'access-control',
    description: tx(
      'Only the limited number of employees whose work requires it hold special access rights to systems containing customer data.',
      'Kliendiandmeid sisaldavatele süsteemidele on eriõigustega juurdepääs ainult piiratud arvul töötajatel, kelle tööülesanded seda nõuavad.',
      'Specialias prieigos prie sistemų, kuriose yra klientų duomenų, teises turi tik nedaug darbuotojų, kurių darbui to reikia.',
    ),
    ref: [seed('protection')],
  },
  confidentiality: {
    id: 'confidentiality',
    type: 'organisational',
    control: 'confidentiality-obligations',
    description: tx(
      'Employees with access and the partners who help us operate the service are bound to keep the data confidential.',
      'Juurdepääsuga töötajad ja teenuse osutamisel abistavad partnerid on kohustatud hoidma andmeid konfidentsiaalsena.',
      'Prieigą turintys darbuotojai ir paslaugą teikti padedantys partneriai privalo užtikrinti duomenų konfidencialumą.',
    ),
    ref: [seed('protection'), seed('disclosures', 'partners must agree to keep the information confidential')],
  },
  'personal-accounts': {
    id: 'personal-accounts',
    type: 'technical',
    control: 'personal-accounts',
    description: tx(
      'Every user of a system containing personal data signs in with a personal username and password.',
      'Iga isikuandmeid sisaldava süsteemi kasutaja logib sisse isikliku kasutajanime ja parooliga.',
      'Kiekvienas sistemos, kurioje yra asmens duomenų, naudotojas jungiasi asmeniniu naudotojo vardu ir slaptažodžiu.',
    ),
    ref: [seed('protection')],
  },
  'processor-selection': {
    id: 'processor-selection',
    type: 'organisational',
    control: 'processor-vetting',
    description: tx(
      'Service providers are carefully selected and process data only under data-processing agreements.',
      'Teenusepakkujad valitakse hoolikalt ja nad töötlevad andmeid üksnes isikuandmete töötlemise lepingute alusel.',
      'Paslaugų teikėjai atrenkami kruopščiai ir duomenis tvarko tik pagal duomenų tvarkymo sutartis.',
    ),
    ref: [notice(4)],
  },
};

/** The security measures of a register, in the order given. */
export function measures(...ids: MeasureId[]): SecurityMeasure[] {
  return ids.map((id) => MEASURES[id]);
}

/** The data subject: the primary source of the register description. */
export const FROM_SUBJECT: DataSource = {
  id: 'data-subject',
  kind: 'data-subject',
  description: tx(
    'Primarily the data subject, who provides the data when becoming a customer, ordering or using the portal.',
    'Eelkõige andmesubjekt ise, kes esitab andmed kliendiks saades, tellimust esitades või portaali kasutades.',
    'Pirmiausia pats duomenų subjektas, pateikiantis duomenis tapdamas klientu, užsakydamas ar naudodamasis portalu.',
  ),
  ref: [seed('sources', 'we receive data primarily from the data subject himself')],
};

/** The CRM, from which most portal fields originate (§ 2 of the notice). */
export const FROM_CRM: DataSource = {
  id: 'crm',
  kind: 'internal-system',
  description: tx(
    'Our customer-relationship management system, from which most fields shown in the portal originate.',
    'Meie kliendihaldussüsteem, millest pärineb enamik portaalis kuvatavatest andmetest.',
    'Mūsų klientų santykių valdymo sistema, iš kurios gaunama dauguma portale rodomų duomenų.',
  ),
  ref: [notice(2)],
};

/**
 * The customers as data subjects of the CRM and of direct marketing. The service
 * is B2B (§ 10 of the notice), so no children; each register cites its own sources.
 */
export function customers(ref: Ref[]): DataSubjectCategory {
  return {
    id: 'customers',
    kind: 'client',
    name: tx('Customers', 'Kliendid', 'Klientai'),
    description: tx(
      'Customers who are natural persons, and natural persons acting for a business customer.',
      'Füüsilisest isikust kliendid ja äriklienti esindavad füüsilised isikud.',
      'Klientai – fiziniai asmenys ir verslo klientui atstovaujantys fiziniai asmenys.',
    ),
    mayIncludeChildren: false,
    ref,
  };
}
