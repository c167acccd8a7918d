import { RightCode } from '../schema/controller';
import { Lang, Text } from '../schema/text';

/**
 * A finding's path in words an admin understands, in the page language:
 * `registers[clients].purposes[marketing].legalBases[0].article` becomes
 * "Register “Clients”, purpose “Direct marketing”, legal basis 1, article",
 * using the names the definition gives (in `lang`, else English). Every key
 * a finding's path passes through has words here (`keysWithoutWords` names
 * those that lack them, for the specs); a key it does not know is kept as it
 * is rather than lost. Pure.
 */

type Words = Record<Lang, string>;
const w = (en: string, et: string, lt: string, sv: string, lv: string): Words => ({ en, et, lt, sv, lv });

/** Nouns for the properties a path passes through (lists: one item; fields: the field). */
const KEY_WORDS: Record<string, Words> = {
  registers: w('register', 'register', 'registras', 'register', 'reģistrs'),
  purposes: w('purpose', 'eesmärk', 'tikslas', 'ändamål', 'nolūks'),
  legalBases: w('legal basis', 'õiguslik alus', 'teisinis pagrindas', 'rättslig grund', 'tiesiskais pamats'),
  dataCategories: w('data category', 'andmekategooria', 'duomenų kategorija', 'personuppgiftskategori', 'datu kategorija'),
  subjects: w('data subjects', 'andmesubjektid', 'duomenų subjektai', 'registrerade', 'datu subjekti'),
  sources: w('source', 'allikas', 'šaltinis', 'källa', 'avots'),
  recipients: w('recipient', 'vastuvõtja', 'gavėjas', 'mottagare', 'saņēmējs'),
  transfers: w('transfer', 'edastamine', 'perdavimas', 'överföring', 'nosūtīšana'),
  retention: w('retention rule', 'säilitamise reegel', 'saugojimo taisyklė', 'lagringsregel', 'glabāšanas noteikums'),
  conditions: w('condition', 'tingimus', 'sąlyga', 'villkor', 'nosacījums'),
  security: w('security measure', 'turvameede', 'saugumo priemonė', 'säkerhetsåtgärd', 'drošības pasākums'),
  cookies: w('cookie', 'küpsis', 'slapukas', 'kaka', 'sīkdatne'),
  rights: w('right', 'õigus', 'teisė', 'rättighet', 'tiesība'),
  requests: w('rights requests', 'taotlused', 'prašymai', 'begäranden', 'pieprasījumi'),
  identity: w('identification', 'isikutuvastus', 'tapatybės nustatymas', 'identifiering', 'identifikācija'),
  channels: w('channel', 'kanal', 'kanalas', 'kanal', 'kanāls'),
  policyChanges: w('policy changes', 'põhimõtete muudatused', 'politikos pakeitimai', 'ändringar i policyn', 'politikas izmaiņas'),
  notice: w('the controller\'s notice', 'vastutava töötleja teade', 'valdytojo pranešimas', 'den personuppgiftsansvariges policy', 'pārziņa paziņojums'),
  remarks: w('remark', 'märkus', 'pastaba', 'anmärkning', 'piezīme'),
  emptySections: w('empty section', 'tühi jaotis', 'tuščias skyrius', 'tomt avsnitt', 'tukša sadaļa'),
  changeClause: w('change clause', 'muudatuste klausel', 'pakeitimų nuostata', 'ändringsklausul', 'izmaiņu punkts'),
  legalAddress: w('legal address', 'juriidiline aadress', 'buveinės adresas', 'postadress', 'juridiskā adrese'),
  officeAddress: w('office address', 'kontori aadress', 'biuro adresas', 'besöksadress', 'biroja adrese'),
  contact: w('contact details', 'kontaktandmed', 'kontaktiniai duomenys', 'kontaktuppgifter', 'kontaktinformācija'),
  dpo: w('data protection officer', 'andmekaitseametnik', 'duomenų apsaugos pareigūnas', 'dataskyddsombud', 'datu aizsardzības speciālists'),
  children: w('children', 'lapsed', 'vaikai', 'barn', 'bērni'),
  groupCompanies: w('group company', 'kontserni ettevõte', 'grupės įmonė', 'koncernbolag', 'grupas uzņēmums'),
  documents: w('document', 'dokument', 'dokumentas', 'dokument', 'dokuments'),
  jurisdiction: w('jurisdiction', 'jurisdiktsioon', 'jurisdikcija', 'jurisdiktion', 'jurisdikcija'),
  automatedDecisions: w('automated decisions', 'automatiseeritud otsused', 'automatizuoti sprendimai', 'automatiserade beslut', 'automatizēti lēmumi'),
  dpia: w('impact assessment', 'mõjuhinnang', 'poveikio vertinimas', 'konsekvensbedömning', 'ietekmes novērtējums'),
  legalName: w('legal name', 'ärinimi', 'pavadinimas', 'firma', 'nosaukums'),
  registryCode: w('registry code', 'registrikood', 'kodas', 'organisationsnummer', 'reģistrācijas numurs'),
  article: w('article', 'artikkel', 'straipsnis', 'artikel', 'pants'),
  citedInNotice: w('as cited in the notice', 'teates viidatud kujul', 'kaip nurodyta pranešime', 'som policyn anger', 'kā norādīts paziņojumā'),
  description: w('description', 'kirjeldus', 'aprašymas', 'beskrivning', 'apraksts'),
  name: w('name', 'nimi', 'pavadinimas', 'namn', 'nosaukums'),
  limitedTo: w('limits', 'piirangud', 'apribojimai', 'begränsningar', 'ierobežojumi'),
  anchor: w('start', 'algus', 'pradžia', 'start', 'sākums'),
  period: w('period', 'periood', 'laikotarpis', 'period', 'periods'),
  then: w('period after', 'järgnev periood', 'paskesnis laikotarpis', 'period därefter', 'turpmākais periods'),
  plus: w('additional period', 'lisaperiood', 'papildomas laikotarpis', 'ytterligare period', 'papildu periods'),
  categories: w('data categories', 'andmekategooriad', 'duomenų kategorijos', 'personuppgiftskategorier', 'datu kategorijas'),
  email: w('e-mail', 'e-post', 'el. paštas', 'e-post', 'e-pasts'),
  street: w('street', 'tänav', 'gatvė', 'gata', 'iela'),
  city: w('city', 'linn', 'miestas', 'ort', 'pilsēta'),
  country: w('country', 'riik', 'šalis', 'land', 'valsts'),
  default: w('default', 'vaikimisi', 'numatytasis', 'standard', 'noklusējums'),
  legitimateInterest: w('legitimate interest', 'õigustatud huvi', 'teisėtas interesas', 'berättigat intresse', 'leģitīmās intereses'),
  mayIncludeChildren: w('may include children', 'võib hõlmata lapsi', 'gali apimti vaikus', 'kan omfatta barn', 'var ietvert bērnus'),
  safeguard: w('safeguard', 'kaitsemeede', 'apsaugos priemonė', 'skyddsåtgärd', 'aizsardzības pasākums'),
  art9: w('Art. 9 condition', 'artikli 9 tingimus', '9 straipsnio sąlyga', 'villkor enligt artikel 9', '9. panta nosacījums'),
  kind: w('kind', 'liik', 'rūšis', 'typ', 'veids'),
  ref: w('reference', 'viide', 'nuoroda', 'hänvisning', 'atsauce'),
  source: w('source', 'allikas', 'šaltinis', 'källa', 'avots'),
  at: w('place in the source', 'koht allikas', 'vieta šaltinyje', 'ställe i källan', 'vieta avotā'),
  note: w('note', 'märkus', 'pastaba', 'anteckning', 'piezīme'),
  provenance: w('origin', 'päritolu', 'kilmė', 'ursprung', 'izcelsme'),
  fieldRefs: w('field', 'väli', 'laukas', 'fält', 'lauks'),
  trackersMentioned: w('tracker mentioned', 'mainitud jälgija', 'paminėtas sekiklis', 'nämnd spårare', 'minētais izsekotājs'),
  noThirdPartyTrackers: w('no third-party trackers', 'kolmanda osapoole jälgijaid pole', 'jokių trečiųjų šalių sekiklių', 'inga spårare från tredje part', 'nav trešo pušu izsekotāju'),
  transferBoundary: w('transfer boundary', 'edastamise piir', 'perdavimo riba', 'gräns för överföringar', 'nosūtīšanas robeža'),
  region: w('region', 'piirkond', 'regionas', 'område', 'reģions'),
  authority: w('supervisory authority', 'järelevalveasutus', 'priežiūros institucija', 'tillsynsmyndighet', 'uzraudzības iestāde'),
  authorityName: w('name of the supervisory authority', 'järelevalveasutuse nimi', 'priežiūros institucijos pavadinimas', 'tillsynsmyndighetens namn', 'uzraudzības iestādes nosaukums'),
  minimumAge: w('minimum age', 'vanuse alampiir', 'minimalus amžius', 'lägsta ålder', 'minimālais vecums'),
  art8Age: w('age of consent', 'nõusolekuiga', 'sutikimo amžius', 'åldersgräns för samtycke', 'piekrišanas vecums'),
  childrenAges: w('children\'s ages', 'laste vanused', 'vaikų amžius', 'barnens åldrar', 'bērnu vecums'),
  timeZone: w('time zone', 'ajavöönd', 'laiko juosta', 'tidszon', 'laika josla'),
  eCommunicationsAct: w('electronic communications act', 'elektroonilise side seadus', 'elektroninių ryšių įstatymas', 'lag om elektronisk kommunikation', 'elektronisko sakaru likums'),
  nationalAct: w('national act', 'riigisisene seadus', 'nacionalinis įstatymas', 'nationell lag', 'valsts likums'),
  basis: w('basis', 'alus', 'pagrindas', 'grund', 'pamats'),
  legalObligation: w('legal obligation', 'juriidiline kohustus', 'teisinė prievolė', 'rättslig förpliktelse', 'juridisks pienākums'),
  logic: w('logic', 'loogika', 'logika', 'logik', 'loģika'),
  significantEffects: w('significant effects', 'olulised tagajärjed', 'reikšmingas poveikis', 'betydande följder', 'būtiskas sekas'),
  profiling: w('profiling', 'profileerimine', 'profiliavimas', 'profilering', 'profilēšana'),
  firstParty: w('own cookie', 'oma küpsis', 'pirmosios šalies slapukas', 'förstapartskaka', 'pirmās puses sīkdatne'),
  provider: w('provider', 'pakkuja', 'teikėjas', 'leverantör', 'nodrošinātājs'),
  providerLabel: w('provider\'s name', 'pakkuja nimi', 'teikėjo pavadinimas', 'leverantörens namn', 'nodrošinātāja nosaukums'),
  purpose: w('purpose', 'eesmärk', 'tikslas', 'ändamål', 'nolūks'),
  category: w('category', 'kategooria', 'kategorija', 'kategori', 'kategorija'),
  right: w('right', 'õigus', 'teisė', 'rättighet', 'tiesība'),
  special: w('special category', 'eriliigilised andmed', 'speciali kategorija', 'känsliga personuppgifter', 'īpaša kategorija'),
  providedBySubject: w('provided by the data subject', 'esitab andmesubjekt', 'pateikia duomenų subjektas', 'lämnas av den registrerade', 'sniedz datu subjekts'),
  directMarketing: w('direct marketing', 'otseturundus', 'tiesioginė rinkodara', 'direktmarknadsföring', 'tiešā tirgvedība'),
  destination: w('destination', 'sihtriik', 'paskirties šalis', 'mottagarland', 'galamērķa valsts'),
  safeguardDetail: w('details of the safeguard', 'kaitsemeetme üksikasjad', 'apsaugos priemonės informacija', 'närmare om skyddsåtgärden', 'aizsardzības pasākuma apraksts'),
  dpa: w('data processing agreement', 'andmetöötlusleping', 'duomenų tvarkymo sutartis', 'personuppgiftsbiträdesavtal', 'datu apstrādes līgums'),
  role: w('role', 'roll', 'vaidmuo', 'roll', 'loma'),
  relation: w('relation', 'seos', 'ryšys', 'förhållande', 'saistība'),
  location: w('location', 'asukoht', 'vieta', 'plats', 'atrašanās vieta'),
  systems: w('systems', 'süsteemid', 'sistemos', 'system', 'sistēmas'),
  businessFunction: w('business function', 'tegevusvaldkond', 'veiklos sritis', 'verksamhetsområde', 'darbības joma'),
  contractLink: w('link to the contract', 'viide lepingule', 'nuoroda į sutartį', 'länk till avtalet', 'saite uz līgumu'),
  liaLink: w('link to the balancing test', 'viide huvide kaalumise testile', 'nuoroda į interesų pusiausvyros vertinimą', 'länk till intresseavvägningen', 'saite uz interešu līdzsvara novērtējumu'),
  link: w('link', 'veebiviide', 'nuoroda', 'länk', 'saite'),
  expiry: w('expiry', 'aegumine', 'galiojimo pabaiga', 'giltighetstid', 'derīguma termiņš'),
  storage: w('storage', 'salvestamine', 'saugojimas', 'lagring', 'glabāšana'),
  type: w('type', 'tüüp', 'tipas', 'typ', 'tips'),
  sharing: w('sharing', 'jagamine', 'dalijimasis', 'delning', 'kopīgošana'),
  offered: w('offered', 'pakutakse', 'siūloma', 'erbjuds', 'piedāvāta'),
  statement: w('statement', 'väide', 'teiginys', 'utsaga', 'apgalvojums'),
  title: w('title', 'pealkiri', 'antraštė', 'rubrik', 'virsraksts'),
  label: w('label', 'nimetus', 'pavadinimas', 'benämning', 'nosaukums'),
  section: w('section', 'jaotis', 'skyrius', 'avsnitt', 'sadaļa'),
  filledFrom: w('filled from', 'täidetud allikast', 'užpildyta iš', 'hämtad från', 'aizpildīts no'),
  phone: w('phone', 'telefon', 'telefonas', 'telefon', 'tālrunis'),
  web: w('website', 'veebileht', 'svetainė', 'webbplats', 'tīmekļa vietne'),
  instructions: w('instructions', 'juhised', 'nurodymai', 'instruktioner', 'norādījumi'),
  address: w('address', 'aadress', 'adresas', 'adress', 'adrese'),
  postalCode: w('postal code', 'postiindeks', 'pašto kodas', 'postnummer', 'pasta indekss'),
  displayName: w('display name', 'kuvatav nimi', 'rodomas pavadinimas', 'visningsnamn', 'attēlojamais nosaukums'),
  tagline: w('tagline', 'loosung', 'šūkis', 'slogan', 'sauklis'),
  representative: w('representative', 'esindaja', 'atstovas', 'företrädare', 'pārstāvis'),
  vatNumber: w('VAT number', 'käibemaksukohustuslase number', 'PVM mokėtojo kodas', 'momsregistreringsnummer', 'PVN maksātāja numurs'),
  registryName: w('business register', 'äriregister', 'juridinių asmenų registras', 'bolagsregister', 'uzņēmumu reģistrs'),
  formerNames: w('former names', 'endised nimed', 'buvę pavadinimai', 'tidigare namn', 'agrākie nosaukumi'),
  reason: w('reason', 'põhjus', 'priežastis', 'skäl', 'iemesls'),
  years: w('years', 'aastad', 'metai', 'år', 'gadi'),
  months: w('months', 'kuud', 'mėnesiai', 'månader', 'mēneši'),
  days: w('days', 'päevad', 'dienos', 'dagar', 'dienas'),
  hours: w('hours', 'tunnid', 'valandos', 'timmar', 'stundas'),
  minutes: w('minutes', 'minutid', 'minutės', 'minuter', 'minūtes'),
  until: w('until', 'kuni', 'iki', 'till', 'līdz'),
  endsAt: w('end', 'lõpp', 'pabaiga', 'slut', 'beigas'),
  date: w('date', 'kuupäev', 'data', 'datum', 'datums'),
  language: w('language', 'keel', 'kalba', 'språk', 'valoda'),
  languages: w('languages', 'keeled', 'kalbos', 'språk', 'valodas'),
  required: w('required', 'nõutav', 'privaloma', 'obligatoriskt', 'obligāts'),
  status: w('status', 'olek', 'būsena', 'tillstånd', 'statuss'),
  action: w('action', 'toiming', 'veiksmas', 'åtgärd', 'darbība'),
  code: w('code', 'kood', 'kodas', 'kod', 'kods'),
  abbreviation: w('abbreviation', 'lühend', 'santrumpa', 'förkortning', 'saīsinājums'),
  id: w('identifier', 'tunnus', 'identifikatorius', 'identifierare', 'identifikators'),
  fields: w('fields', 'väljad', 'laukai', 'fält', 'lauki'),
  electronicReply: w('reply by electronic means', 'elektrooniline vastus', 'atsakymas elektroniniu būdu', 'elektroniskt svar', 'atbilde elektroniski'),
  responseMonths: w('time to respond', 'vastamise tähtaeg', 'atsakymo terminas', 'svarstid', 'atbildes termiņš'),
  extensionMonths: w('extension', 'pikendus', 'pratęsimas', 'förlängning', 'pagarinājums'),
  excessiveRequests: w('excessive requests', 'liigsed taotlused', 'per dideli prašymai', 'orimliga begäranden', 'pārmērīgi pieprasījumi'),
  consentWithdrawalWorkingDays: w('working days to act on a withdrawal of consent', 'nõusoleku tagasivõtmise tööpäevad', 'sutikimo atšaukimo darbo dienos', 'arbetsdagar för återkallat samtycke', 'piekrišanas atsaukšanas darba dienas'),
  noticeDays: w('days of notice', 'etteteatamise päevad', 'įspėjimo dienos', 'dagars varsel', 'paziņošanas dienas'),
  securityReports: w('security reports', 'turvateated', 'saugumo pranešimai', 'säkerhetsrapporter', 'drošības ziņojumi'),
  otherEmails: w('other e-mail addresses', 'muud e-posti aadressid', 'kiti el. pašto adresai', 'andra e-postadresser', 'citas e-pasta adreses'),
  financialYearEnd: w('end of the financial year', 'majandusaasta lõpp', 'finansinių metų pabaiga', 'räkenskapsårets slut', 'finanšu gada beigas'),
  archive: w('archive', 'arhiiv', 'archyvas', 'arkiv', 'arhīvs'),
  control: w('control', 'kontroll', 'kontrolė', 'kontroll', 'kontrole'),
  service: w('service', 'teenus', 'paslauga', 'tjänst', 'pakalpojums'),
  law: w('law', 'seadus', 'įstatymas', 'lag', 'likums'),
  accountRegisters: w('register of account holders', 'kontoomanike register', 'paskyrų turėtojų registras', 'register över kontoinnehavare', 'kontu turētāju reģistrs'),
};

/** Lists named as a whole (a path that ends at the list, not at one item). */
const LIST_WORDS: Record<string, Words> = {
  registers: w('registers', 'registrid', 'registrai', 'register', 'reģistri'),
  purposes: w('purposes', 'eesmärgid', 'tikslai', 'ändamål', 'nolūki'),
  legalBases: w('legal bases', 'õiguslikud alused', 'teisiniai pagrindai', 'rättsliga grunder', 'tiesiskie pamati'),
  dataCategories: w('data categories', 'andmekategooriad', 'duomenų kategorijos', 'personuppgiftskategorier', 'datu kategorijas'),
  sources: w('sources', 'allikad', 'šaltiniai', 'källor', 'avoti'),
  recipients: w('recipients', 'vastuvõtjad', 'gavėjai', 'mottagare', 'saņēmēji'),
  transfers: w('transfers', 'edastamised', 'perdavimai', 'överföringar', 'nosūtīšanas'),
  retention: w('retention rules', 'säilitamise reeglid', 'saugojimo taisyklės', 'lagringsregler', 'glabāšanas noteikumi'),
  conditions: w('conditions', 'tingimused', 'sąlygos', 'villkor', 'nosacījumi'),
  security: w('security measures', 'turvameetmed', 'saugumo priemonės', 'säkerhetsåtgärder', 'drošības pasākumi'),
  cookies: w('cookies', 'küpsised', 'slapukai', 'kakor', 'sīkdatnes'),
  rights: w('rights', 'õigused', 'teisės', 'rättigheter', 'tiesības'),
  channels: w('channels', 'kanalid', 'kanalai', 'kanaler', 'kanāli'),
  remarks: w('remarks', 'märkused', 'pastabos', 'anmärkningar', 'piezīmes'),
  groupCompanies: w('group companies', 'kontserni ettevõtted', 'grupės įmonės', 'koncernbolag', 'grupas uzņēmumi'),
  documents: w('documents', 'dokumendid', 'dokumentai', 'dokument', 'dokumenti'),
  ref: w('references', 'viited', 'nuorodos', 'hänvisningar', 'atsauces'),
  trackersMentioned: w('trackers mentioned', 'mainitud jälgijad', 'paminėti sekikliai', 'nämnda spårare', 'minētie izsekotāji'),
};

/** The rights, by code. */
const RIGHT_WORDS: Record<RightCode, Words> = {
  A15: w('access', 'juurdepääs', 'susipažinimas su duomenimis', 'tillgång', 'piekļuve'),
  A16: w('rectification', 'parandamine', 'ištaisymas', 'rättelse', 'labošana'),
  A17: w('erasure', 'kustutamine', 'ištrynimas', 'radering', 'dzēšana'),
  A18: w('restriction of processing', 'töötlemise piiramine', 'tvarkymo apribojimas', 'begränsning av behandling', 'apstrādes ierobežošana'),
  A19: w('notification of recipients', 'vastuvõtjate teavitamine', 'pranešimas gavėjams', 'underrättelse till mottagare', 'saņēmēju informēšana'),
  A20: w('data portability', 'andmete ülekandmine', 'duomenų perkeliamumas', 'dataportabilitet', 'datu pārnesamība'),
  A21: w('objection', 'vastuväide', 'nesutikimas', 'invändning', 'iebildumi'),
  'A21-2': w('objection to direct marketing', 'vastuväide otseturundusele', 'nesutikimas dėl tiesioginės rinkodaros', 'invändning mot direktmarknadsföring', 'iebildumi pret tiešo tirgvedību'),
  A22: w('automated decisions', 'automatiseeritud otsused', 'automatizuoti sprendimai', 'automatiserade beslut', 'automatizēti lēmumi'),
  'A7-3': w('withdrawal of consent', 'nõusoleku tagasivõtmine', 'sutikimo atšaukimas', 'återkallelse av samtycke', 'piekrišanas atsaukšana'),
  A77: w('complaint to the supervisory authority', 'kaebus järelevalveasutusele', 'skundas priežiūros institucijai', 'klagomål till tillsynsmyndigheten', 'sūdzība uzraudzības iestādei'),
  'recipients-in-period': w('recipients in a period', 'vastuvõtjad ajavahemikus', 'gavėjai per laikotarpį', 'mottagare under en period', 'saņēmēji laika posmā'),
};

/** A text's language (the last key of a `missing-translation` path), named in the page language. */
const LANG_WORDS: Record<Lang, Words> = {
  en: w('English', 'inglise keel', 'anglų kalba', 'engelska', 'angļu valoda'),
  et: w('Estonian', 'eesti keel', 'estų kalba', 'estniska', 'igauņu valoda'),
  lt: w('Lithuanian', 'leedu keel', 'lietuvių kalba', 'litauiska', 'lietuviešu valoda'),
  lv: w('Latvian', 'läti keel', 'latvių kalba', 'lettiska', 'latviešu valoda'),
  sv: w('Swedish', 'rootsi keel', 'švedų kalba', 'svenska', 'zviedru valoda'),
};

const QUOTES: Record<Lang, [string, string]> = { en: ['“', '”'], et: ['„', '“'], lt: ['„', '“'], sv: ['”', '”'], lv: ['“', '”'] };

function textIn(text: unknown, lang: Lang): string | undefined {
  if (typeof text === 'string') return text.trim() || undefined;
  if (!text || typeof text !== 'object') return undefined;
  const t = text as Partial<Text>;
  const v = t[lang] ?? t.en ?? Object.values(t).find((x) => typeof x === 'string');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A list item's name: its `name` or `label`, a right's words, a section's title, else its id. */
function labelOf(item: unknown, lang: Lang): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const o = item as Record<string, unknown>;
  if (typeof o.right === 'string' && o.right in RIGHT_WORDS) return RIGHT_WORDS[o.right as RightCode][lang];
  return textIn(o.label, lang) ?? textIn(o.name, lang) ?? textIn(o.section, lang) ?? textIn(o.title, lang) ?? (typeof o.id === 'string' ? o.id : undefined);
}

/** A Text (or a node that lacks it, where a path leads nowhere): the keys below it are languages. */
function isTextNode(node: unknown): boolean {
  if (node === undefined) return true;
  return !!node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).every((k) => k in LANG_WORDS);
}

/** A retention rule without a name, named by the data categories it governs (their names in the register `owner`). */
function governedCategories(owner: unknown, rule: unknown, lang: Lang): string | undefined {
  const ids = rule && typeof rule === 'object' ? (rule as { categories?: unknown }).categories : undefined;
  const categories = owner && typeof owner === 'object' ? (owner as { dataCategories?: unknown }).dataCategories : undefined;
  if (!Array.isArray(ids) || !Array.isArray(categories)) return undefined;
  const names = ids.map((id) => labelOf(categories.find((c) => c && typeof c === 'object' && (c as { id?: unknown }).id === id), lang)).filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
}

const SEGMENT = /^([^[\]]+)((?:\[[^\]]*\])*)$/;

/** The path of a finding in words, in `lang`; `def` gives the names (it may be incomplete). */
export function findingPlace(def: unknown, path: string, lang: Lang): string {
  const [open, close] = QUOTES[lang];
  const parts: string[] = [];
  let node: unknown = def;
  let parentKey: string | undefined;
  for (const segment of path.split('.').filter(Boolean)) {
    const m = SEGMENT.exec(segment);
    if (!m) { parts.push(segment); node = undefined; continue; }
    const key = m[1];
    const selectors = [...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]);
    const owner = node;
    const value = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (parentKey === 'perRight' && key in RIGHT_WORDS) {
      parts.push(`${KEY_WORDS.rights[lang]} ${open}${RIGHT_WORDS[key as RightCode][lang]}${close}`);
      node = value; parentKey = key;
      continue;
    }
    if (parentKey === 'fieldRefs') {
      parts.push(`${KEY_WORDS.fieldRefs[lang]} ${open}${KEY_WORDS[key]?.[lang] ?? key}${close}`);
      node = value; parentKey = key;
      selectors.forEach((sel) => parts.push(/^\d+$/.test(sel) ? `${KEY_WORDS.ref[lang]} ${Number(sel) + 1}` : `${KEY_WORDS.ref[lang]} ${open}${sel}${close}`));
      if (selectors.length) node = undefined;
      continue;
    }
    if (key in LANG_WORDS && selectors.length === 0 && isTextNode(node)) {
      parts.push(LANG_WORDS[key as Lang][lang]);
      node = value; parentKey = key;
      continue;
    }
    node = value;
    parentKey = key;
    if (key === 'perRight' || key === 'fieldRefs') continue;
    const noun = KEY_WORDS[key]?.[lang] ?? key;
    if (selectors.length === 0) { parts.push((Array.isArray(value) || value === 'none' || value === undefined ? LIST_WORDS[key]?.[lang] : undefined) ?? noun); continue; }
    for (const sel of selectors) {
      const list = Array.isArray(node) ? node : [];
      const byId = list.findIndex((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === sel);
      const index = byId >= 0 ? byId : /^\d+$/.test(sel) ? Number(sel) : -1;
      const item = index >= 0 ? list[index] : undefined;
      const ownName = !!item && typeof item === 'object' && ('name' in item || 'label' in item || 'right' in item || 'section' in item);
      const byCategories = !ownName && key === 'retention' ? governedCategories(owner, item, lang) : undefined;
      const label = byCategories ?? labelOf(item, lang);
      const named = ownName || !!byCategories;
      if (named && label) parts.push(`${noun} ${open}${label}${close}`);
      else if (/^\d+$/.test(sel)) parts.push(`${noun} ${Number(sel) + 1}`);
      else parts.push(`${noun} ${open}${label ?? sel}${close}`);
      node = item;
    }
  }
  const words = parts.join(', ');
  return words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
}

/** The keys of `path` that the vocabulary has no words for (they would stay in schema form). */
export function keysWithoutWords(path: string): string[] {
  const out: string[] = [];
  let parentKey: string | undefined;
  for (const segment of path.split('.').filter(Boolean)) {
    const key = SEGMENT.exec(segment)?.[1] ?? segment;
    const known = key in KEY_WORDS || key === 'perRight' || (parentKey === 'perRight' && key in RIGHT_WORDS) || key in LANG_WORDS;
    if (!known) out.push(key);
    parentKey = key;
  }
  return out;
}
