import { LegalBasis, Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, assumed, fills, law, notice, seed, tx } from '../refs';
import { measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['hosting-partners', 'authorities'] as const;

const SECURITY_INTEREST: LegalBasis = {
  article: '6(1)(f)',
  description: tx(
    'Our legitimate interest in keeping the portal available and secure.',
    'Meie õigustatud huvi tagada portaali kättesaadavus ja turvalisus.',
    'Mūsų teisėtas interesas užtikrinti portalo prieinamumą ir saugumą.',
  ),
  legitimateInterest: tx(
    'Network and information security: sign-in sessions, protection against password guessing, and a trace of administrative actions (GDPR recital 49).',
    'Võrgu- ja infoturve: sisselogimisseansid, kaitse paroolide äraarvamise eest ja haldustoimingute jälg (IKÜM põhjendus 49).',
    'Tinklų ir informacijos saugumas: prisijungimo seansai, apsauga nuo slaptažodžių spėjimo ir administravimo veiksmų pėdsakas (BDAR 49 konstatuojamoji dalis).',
  ),
  ref: [notice(9), law('GDPR', 'recital 49'), seed('basis', 'legitimate interest of the company')],
};

const GENERIC_COOKIE_NOTE =
  'the notice lists no cookie names, so the strictly-necessary session and storage entries are modelled generically: name, storage type and expiry are defaults chosen by Regula';

/** Log data the browser sends, sign-in security data, strictly-necessary cookies and the administrative audit log. */
export const logData: Register = {
  id: 'log-data',
  name: tx('Log data and security', 'Logiandmed ja turvalisus', 'Žurnalų duomenys ir saugumas'),
  businessFunction: tx('IT operations and security', 'IT-haldus ja turvalisus', 'IT administravimas ir saugumas'),
  description: tx(
    'Technical data the browser sends when the portal is used, the strictly-necessary cookies and browser-storage entries of a signed-in session, the counters that limit sign-in attempts, and the audit log of administrative actions.',
    'Tehnilised andmed, mida brauser portaali kasutamisel saadab, sisselogitud seansi hädavajalikud küpsised ja brauserisalvestuse kirjed, sisselogimiskatsete piiramise loendurid ning haldustoimingute auditilogi.',
    'Techniniai duomenys, kuriuos naršyklė siunčia naudojantis portalu, prisijungusio seanso būtinieji slapukai ir naršyklės saugyklos įrašai, prisijungimo bandymų ribojimo skaitikliai ir administravimo veiksmų audito žurnalas.',
  ),
  purposes: [
    {
      id: 'security',
      name: tx('Operating the portal securely', 'Portaali turvaline toimimine', 'Saugus portalo veikimas'),
      description: tx(
        'Keeping users signed in, limiting sign-in attempts, investigating incidents and recording administrative actions.',
        'Kasutajate sisselogituna hoidmine, sisselogimiskatsete piiramine, intsidentide uurimine ja haldustoimingute salvestamine.',
        'Naudotojų prisijungimo palaikymas, prisijungimo bandymų ribojimas, incidentų tyrimas ir administravimo veiksmų registravimas.',
      ),
      legalBases: [SECURITY_INTEREST],
      categories: ['log-data', 'session-entries', 'sign-in-attempts', 'admin-audit-log'],
      ref: [notice(9), notice(8)],
    },
    {
      id: 'service-statistics',
      name: tx('Improving the service from usage statistics', 'Teenuse parendamine kasutusstatistika põhjal', 'Paslaugos tobulinimas pagal naudojimo statistiką'),
      description: tx(
        'Analysing, in our own systems, which pages are visited and for how long, to improve the experience of the service.',
        'Analüüsime oma süsteemides, milliseid lehti ja kui kaua külastatakse, et teenuse kasutuskogemust parandada.',
        'Savo sistemose analizuojame, kuriuose puslapiuose ir kiek laiko lankomasi, kad pagerintume naudojimosi paslauga patirtį.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest in improving the service for our customers.',
            'Meie õigustatud huvi parendada teenust oma klientide jaoks.',
            'Mūsų teisėtas interesas tobulinti paslaugą savo klientams.',
          ),
          legitimateInterest: tx(
            'Understanding how the portal is used in order to improve it, without third-party analytics.',
            'Portaali kasutamise mõistmine selle parendamiseks ilma kolmandate isikute analüüsivahenditeta.',
            'Supratimas, kaip naudojamasi portalu, siekiant jį tobulinti, nenaudojant trečiųjų šalių analitikos priemonių.',
          ),
          ref: [fills('basis', 3, 'to improve our service'), notice(4, 'no third-party analytics scripts on the portal pages used by signed-in clients')],
        },
      ],
      categories: ['log-data'],
      ref: [seed('sources', 'Log Data is analysed in order to improve the experience'), fills('basis', 3, 'to improve our service in order to better serve you')],
    },
  ],
  subjects: [
    {
      id: 'portal-users',
      kind: 'portal-user',
      name: tx('Portal users', 'Portaali kasutajad', 'Portalo naudotojai'),
      description: tx(
        'Authorised employees of our customers who sign in to the portal.',
        'Meie klientide volitatud töötajad, kes logivad portaali sisse.',
        'Mūsų klientų įgalioti darbuotojai, prisijungiantys prie portalo.',
      ),
      mayIncludeChildren: false,
      ref: [notice('intro'), notice(10)],
    },
    {
      id: 'visitors',
      kind: 'website-visitor',
      name: tx('Visitors of the portal', 'Portaali külastajad', 'Portalo lankytojai'),
      description: tx(
        'Anyone who opens the portal\'s pages, including the login page, before signing in.',
        'Kõik, kes avavad portaali lehti, sealhulgas sisselogimislehte, enne sisselogimist.',
        'Visi, atidarantys portalo puslapius, įskaitant prisijungimo puslapį, prieš prisijungdami.',
      ),
      ref: [seed('sources', 'information your browser sends whenever you visit our service')],
    },
  ],
  dataCategories: [
    {
      id: 'log-data',
      name: tx('Log data', 'Logiandmed', 'Žurnalų duomenys'),
      fields: tx(
        'IP address, browser type and version, pages visited, time and date of the visit, time spent on the pages and other statistics',
        'IP-aadress, brauseri tüüp ja versioon, külastatud lehed, külastuse kuupäev ja kellaaeg, lehtedel veedetud aeg ja muu statistika',
        'IP adresas, naršyklės tipas ir versija, aplankyti puslapiai, apsilankymo data ir laikas, puslapiuose praleistas laikas ir kita statistika',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: [seed('sources', 'Log Data'), fills('data', 2, 'log data as described in the sources section')],
    },
    {
      id: 'session-entries',
      name: tx('Cookies and browser storage', 'Küpsised ja brauserisalvestus', 'Slapukai ir naršyklės saugykla'),
      fields: tx(
        'Session identifiers held in strictly-necessary cookies and browser-storage entries, and the server-side session data linked to them',
        'Hädavajalikes küpsistes ja brauserisalvestuse kirjetes hoitavad seansitunnused ning nendega seotud serveripoolsed seansiandmed',
        'Būtinuosiuose slapukuose ir naršyklės saugyklos įrašuose laikomi seanso identifikatoriai ir su jais susiję serverio seanso duomenys',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: [fills('data', 2, 'cookies and information associated with them'), notice(8)],
    },
    {
      id: 'sign-in-attempts',
      name: tx('Sign-in attempts', 'Sisselogimiskatsed', 'Prisijungimo bandymai'),
      fields: tx(
        'IP address and e-mail address of recent sign-in attempts, counted to limit their rate',
        'Hiljutiste sisselogimiskatsete IP-aadress ja e-posti aadress, mida loendatakse katsete sageduse piiramiseks',
        'Paskutinių prisijungimo bandymų IP adresas ir el. pašto adresas, skaičiuojami bandymų dažniui riboti',
      ),
      required: false,
      providedBySubject: false,
      sources: ['browser'],
      ref: [notice(9, 'IP- and email-based rate limiting on authentication endpoints'), assumed(9, 'category inferred from the rate limiting: attempts are counted per IP address and e-mail address')],
    },
    {
      id: 'admin-audit-log',
      name: tx('Audit log of administrative actions', 'Haldustoimingute auditilogi', 'Administravimo veiksmų audito žurnalas'),
      fields: tx(
        'Which administrator performed which action, on what, and when',
        'Milline administraator millise toimingu, millega ja millal tegi',
        'Kuris administratorius, kokį veiksmą, su kuo ir kada atliko',
      ),
      required: false,
      providedBySubject: false,
      sources: ['portal'],
      ref: [notice(9, 'server-side audit log of administrative actions')],
    },
  ],
  sources: [
    {
      id: 'browser',
      kind: 'browser-or-device',
      description: tx(
        'The information the browser sends whenever the service is visited.',
        'Teave, mida brauser iga teenuse külastuse korral saadab.',
        'Informacija, kurią naršyklė siunčia kiekvieną kartą lankantis paslaugoje.',
      ),
      ref: [seed('sources')],
    },
    {
      id: 'portal',
      kind: 'internal-system',
      description: tx(
        'The portal itself, which records administrative actions.',
        'Portaal ise, mis salvestab haldustoimingud.',
        'Pats portalas, registruojantis administravimo veiksmus.',
      ),
      ref: [notice(9)],
    },
  ],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'log-data',
      kind: 'period',
      categories: ['log-data'],
      anchor: 'collected',
      period: { months: 12 },
      action: 'erase',
      description: tx(
        'Log data is erased twelve months after it is collected.',
        'Logiandmed kustutatakse kaksteist kuud pärast nende kogumist.',
        'Žurnalų duomenys ištrinami praėjus dvylikai mėnesių nuo jų surinkimo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: twelve months, long enough to investigate incidents`)],
    },
    {
      id: 'session-entries',
      kind: 'period',
      categories: ['session-entries'],
      anchor: 'last-activity',
      period: { days: 7 },
      action: 'erase',
      description: tx(
        'Session data is erased seven days after the user\'s last activity; the cookies themselves end with the browser session.',
        'Seansiandmed kustutatakse seitse päeva pärast kasutaja viimast tegevust; küpsised endid kehtivad brauseriseansi lõpuni.',
        'Seanso duomenys ištrinami praėjus septynioms dienoms po paskutinio naudotojo veiksmo; patys slapukai galioja iki naršyklės seanso pabaigos.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: seven days after the last activity`)],
    },
    {
      id: 'sign-in-attempts',
      kind: 'period',
      categories: ['sign-in-attempts'],
      anchor: 'collected',
      period: { days: 1 },
      action: 'erase',
      description: tx(
        'Sign-in attempt counters are erased one day after the attempt.',
        'Sisselogimiskatsete loendurid kustutatakse üks päev pärast katset.',
        'Prisijungimo bandymų skaitikliai ištrinami praėjus vienai dienai po bandymo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: one day covers any rate-limiting window`)],
    },
    {
      id: 'admin-audit-log',
      kind: 'period',
      categories: ['admin-audit-log'],
      anchor: 'collected',
      period: { years: 3 },
      action: 'erase',
      description: tx(
        'Audit log entries are erased three years after they are recorded.',
        'Auditilogi kirjed kustutatakse kolm aastat pärast nende salvestamist.',
        'Audito žurnalo įrašai ištrinami praėjus trejiems metams nuo jų įrašymo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: three years, in line with the general three-year limitation period for contractual claims`)],
    },
  ],
  security: measures(
    'tls', 'rbac', 'auth-rate-limiting', 'admin-audit-log', 'secured-networks', 'limited-access',
    'processor-selection', 'incident-reports',
  ),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [seed('rights', 'the sources describe no automated decisions; rate limiting only delays further sign-in attempts')],
  },
  cookies: [
    {
      name: 'session cookie',
      label: tx('Sign-in session cookie', 'Sisselogimisseansi küpsis', 'Prisijungimo sesijos slapukas'),
      provider: 'first party',
      firstParty: true,
      category: 'strictly-necessary',
      purpose: tx(
        'Keeps the user signed in during the browser session.',
        'Hoiab kasutajat brauseriseansi ajal sisselogituna.',
        'Palaiko naudotojo prisijungimą naršyklės seanso metu.',
      ),
      expiry: 'session',
      basis: 'exempt',
      storage: 'cookie',
      ref: [notice(8, 'a small number of strictly-necessary technical cookies'), fills('sources', 8, GENERIC_COOKIE_NOTE), law('ePrivacy', 'Art. 5(3)')],
    },
    {
      name: 'browser-storage entry',
      label: tx('Browser-storage entry of the open tab', 'Avatud vahekaardi brauserisalvestuse kirje', 'Atidaryto skirtuko naršyklės saugyklos įrašas'),
      provider: 'first party',
      firstParty: true,
      category: 'strictly-necessary',
      purpose: tx(
        'Holds the technical state the portal needs to work in the open browser tab.',
        'Hoiab tehnilist olekut, mida portaal avatud brauseri vahekaardil toimimiseks vajab.',
        'Saugo techninę būseną, kurios portalui reikia, kad veiktų atidarytame naršyklės skirtuke.',
      ),
      expiry: 'session',
      basis: 'exempt',
      storage: 'session-storage',
      ref: [notice(8, 'strictly-necessary browser-storage entries'), fills('sources', 8, GENERIC_COOKIE_NOTE), law('ePrivacy', 'Art. 5(3)')],
    },
  ],
  location: tx(
    'Portal servers at our cloud hosting partners; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Portaali serverid meie pilvemajutuse partnerite juures; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Portalo serveriai pas mūsų debesijos prieglobos partnerius; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: tx(
      'Technical logs of a business portal, kept for security; no tracking across sites.',
      'Ärikliendiportaali tehnilised logid, mida hoitakse turvalisuse tagamiseks; veebisaitideülest jälgimist ei toimu.',
      'Verslo portalo techniniai žurnalai, saugomi saugumo tikslais; stebėsena skirtingose svetainėse nevykdoma.',
    ),
    ref: [assumed(9, `DPIA screening: the sources mention no DPIA; the result is a ${DEFAULT_NOTE}`)],
  },
  systems: ['client-portal'],
  ref: [seed('sources', 'Log Data and cookies'), notice(8), notice(9)],
};
