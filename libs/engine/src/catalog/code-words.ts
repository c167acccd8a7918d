import type { Lang } from '../schema/text';
import type { Cookie, CookieCategory, DataSubjectKind, Dpia, Recipient, RecipientKind, SecurityControl, SecurityMeasure, SourceKind, TransferSafeguard } from '../schema/register';
import type { RetentionAction } from '../schema/retention';
import type { Severity } from '../linter/finding';

/**
 * The words for the register schema's codes, per language: the one catalogue the
 * dashboard, the exports and the privacy policies read. Each group is keyed by
 * the schema's own union type, so a value the schema gains fails the type check
 * until it has words in every language. The privacy policies' words are the
 * reference (a controller is an "independent controller"; Estonian "avalik
 * asutus"). The policies write recipient kinds, cookie categories and storage
 * with `{{code "group" value}}`; their transfer sentences keep their own
 * prepositional wording of the safeguards ("under binding corporate rules"),
 * while these are noun phrases ("binding corporate rules (Art. 47 GDPR)").
 * Retention actions are the record export's nouns.
 */
export interface CodeWordTable {
  subjectKind: Record<DataSubjectKind, string>;
  sourceKind: Record<SourceKind, string>;
  recipientKind: Record<RecipientKind, string>;
  country: Record<NonNullable<Recipient['country']>, string>;
  safeguard: Record<TransferSafeguard, string>;
  securityType: Record<SecurityMeasure['type'], string>;
  securityControl: Record<SecurityControl, string>;
  cookieCategory: Record<CookieCategory, string>;
  cookieStorage: Record<NonNullable<Cookie['storage']>, string>;
  cookieBasis: Record<Cookie['basis'], string>;
  dpiaStatus: Record<Dpia['status'], string>;
  severity: Record<Severity, string>;
  retentionAction: Record<RetentionAction, string>;
}

export type CodeGroup = keyof CodeWordTable;

export const CODE_GROUPS: readonly CodeGroup[] = ['subjectKind', 'sourceKind', 'recipientKind', 'country', 'safeguard', 'securityType', 'securityControl', 'cookieCategory', 'cookieStorage', 'cookieBasis', 'dpiaStatus', 'severity', 'retentionAction'];

export const CODE_WORDS: Readonly<Record<Lang, CodeWordTable>> = {
  en: {
    subjectKind: { client: 'client', prospect: 'prospective client', 'portal-user': 'portal user', 'contact-person': 'contact person', patient: 'patient', 'office-visitor': 'office visitor', 'website-visitor': 'website visitor', 'newsletter-subscriber': 'newsletter subscriber', 'survey-participant': 'survey participant', 'event-participant': 'event participant', debtor: 'debtor', other: 'other' },
    sourceKind: { 'data-subject': 'the data subject', 'browser-or-device': 'browser or device', 'third-party': 'third party', 'public-source': 'public source', authority: 'public authority', partner: 'partner', 'group-company': 'group company', 'internal-system': 'internal system' },
    recipientKind: { processor: 'processor', controller: 'independent controller', 'joint-controller': 'joint controller', authority: 'public authority', 'group-company': 'group company' },
    country: { EE: 'Estonia', LT: 'Lithuania', LV: 'Latvia', SE: 'Sweden', NO: 'Norway', EEA: 'the EEA', 'third-country': 'a third country', unknown: 'country unknown' },
    safeguard: { 'adequacy-decision': 'adequacy decision of the European Commission (Art. 45 GDPR)', 'standard-contractual-clauses': 'the European Commission\'s standard contractual clauses (Art. 46(2)(c) GDPR)', 'binding-corporate-rules': 'binding corporate rules (Art. 47 GDPR)', derogation: 'derogation for specific situations (Art. 49 GDPR)', 'eu-data-boundary-and-scc': 'the provider\'s EU data boundary commitment together with standard contractual clauses (Art. 46(2)(c) GDPR)' },
    securityType: { technical: 'technical', organisational: 'organisational' },
    securityControl: { 'encryption-in-transit': 'encryption in transit', 'encryption-at-rest': 'encryption at rest', 'password-hashing': 'password hashing', 'access-control': 'access control', 'feature-permissions': 'permissions per feature', 'input-validation': 'input validation', 'rate-limiting': 'rate limiting', 'upload-checks': 'checks of uploaded files', 'html-sanitising': 'HTML sanitising', 'audit-log': 'audit log', 'incident-response': 'incident response', firewall: 'firewall', 'intrusion-detection': 'intrusion detection', 'network-segregation': 'network segregation', 'confidentiality-obligations': 'confidentiality obligations', 'processor-vetting': 'vetting of processors', backups: 'backups', pseudonymisation: 'pseudonymisation', 'physical-security': 'physical security', 'staff-training': 'staff training', 'personal-accounts': 'personal user accounts' },
    cookieCategory: { 'strictly-necessary': 'Strictly necessary', preferences: 'Preferences', statistics: 'Statistics', marketing: 'Marketing' },
    cookieStorage: { cookie: 'cookie', 'local-storage': 'local storage', 'session-storage': 'session storage' },
    cookieBasis: { exempt: 'without consent', consent: 'consent' },
    dpiaStatus: { 'not-required': 'not required', planned: 'planned', 'in-progress': 'in progress', done: 'done' },
    severity: { error: 'error', warning: 'warning', info: 'note' },
    retentionAction: { erase: 'erase', anonymise: 'anonymise' },
  },
  et: {
    subjectKind: { client: 'klient', prospect: 'potentsiaalne klient', 'portal-user': 'portaali kasutaja', 'contact-person': 'kontaktisik', patient: 'patsient', 'office-visitor': 'kontori külastaja', 'website-visitor': 'veebilehe külastaja', 'newsletter-subscriber': 'uudiskirja tellija', 'survey-participant': 'küsitlusel osaleja', 'event-participant': 'üritusel osaleja', debtor: 'võlgnik', other: 'muu' },
    sourceKind: { 'data-subject': 'andmesubjekt', 'browser-or-device': 'brauser või seade', 'third-party': 'kolmas isik', 'public-source': 'avalik allikas', authority: 'avalik asutus', partner: 'partner', 'group-company': 'kontserni ettevõte', 'internal-system': 'sisesüsteem' },
    recipientKind: { processor: 'volitatud töötleja', controller: 'iseseisev vastutav töötleja', 'joint-controller': 'kaasvastutav töötleja', authority: 'avalik asutus', 'group-company': 'kontserni ettevõte' },
    country: { EE: 'Eesti', LT: 'Leedu', LV: 'Läti', SE: 'Rootsi', NO: 'Norra', EEA: 'EMP', 'third-country': 'kolmas riik', unknown: 'riik teadmata' },
    safeguard: { 'adequacy-decision': 'Euroopa Komisjoni kaitse piisavuse otsus (artikkel 45)', 'standard-contractual-clauses': 'Euroopa Komisjoni lepingu tüüptingimused (artikli 46 lõike 2 punkt c)', 'binding-corporate-rules': 'siduvad kontsernisisesed eeskirjad (artikkel 47)', derogation: 'erand konkreetses olukorras (artikkel 49)', 'eu-data-boundary-and-scc': 'teenusepakkuja kohustus hoida andmeid ELis koos lepingu tüüptingimustega (artikli 46 lõike 2 punkt c)' },
    securityType: { technical: 'tehniline', organisational: 'korralduslik' },
    securityControl: { 'encryption-in-transit': 'krüpteerimine edastamisel', 'encryption-at-rest': 'salvestatud andmete krüpteerimine', 'password-hashing': 'paroolide räsimine', 'access-control': 'juurdepääsu kontroll', 'feature-permissions': 'õigused funktsioonide kaupa', 'input-validation': 'sisendi kontroll', 'rate-limiting': 'päringute arvu piiramine', 'upload-checks': 'üleslaaditud failide kontroll', 'html-sanitising': 'HTML-i puhastamine', 'audit-log': 'auditilogi', 'incident-response': 'intsidentidele reageerimine', firewall: 'tulemüür', 'intrusion-detection': 'sissetungi tuvastamine', 'network-segregation': 'võrgu segmenteerimine', 'confidentiality-obligations': 'konfidentsiaalsuskohustus', 'processor-vetting': 'volitatud töötlejate kontroll', backups: 'varukoopiad', pseudonymisation: 'pseudonüümimine', 'physical-security': 'füüsiline turvalisus', 'staff-training': 'töötajate koolitus', 'personal-accounts': 'isiklikud kasutajakontod' },
    cookieCategory: { 'strictly-necessary': 'Hädavajalikud', preferences: 'Eelistused', statistics: 'Statistika', marketing: 'Turundus' },
    cookieStorage: { cookie: 'küpsis', 'local-storage': 'kohalik salvestusruum', 'session-storage': 'seansi salvestusruum' },
    cookieBasis: { exempt: 'ilma nõusolekuta', consent: 'nõusolek' },
    dpiaStatus: { 'not-required': 'ei ole nõutav', planned: 'kavandatud', 'in-progress': 'pooleli', done: 'tehtud' },
    severity: { error: 'viga', warning: 'hoiatus', info: 'märkus' },
    retentionAction: { erase: 'kustutamine', anonymise: 'anonüümimine' },
  },
  lt: {
    subjectKind: { client: 'klientas', prospect: 'potencialus klientas', 'portal-user': 'portalo naudotojas', 'contact-person': 'kontaktinis asmuo', patient: 'pacientas', 'office-visitor': 'biuro lankytojas', 'website-visitor': 'svetainės lankytojas', 'newsletter-subscriber': 'naujienlaiškio prenumeratorius', 'survey-participant': 'apklausos dalyvis', 'event-participant': 'renginio dalyvis', debtor: 'skolininkas', other: 'kita' },
    sourceKind: { 'data-subject': 'duomenų subjektas', 'browser-or-device': 'naršyklė ar įrenginys', 'third-party': 'trečioji šalis', 'public-source': 'viešas šaltinis', authority: 'valstybės institucija', partner: 'partneris', 'group-company': 'grupės įmonė', 'internal-system': 'vidinė sistema' },
    recipientKind: { processor: 'duomenų tvarkytojas', controller: 'savarankiškas duomenų valdytojas', 'joint-controller': 'bendras duomenų valdytojas', authority: 'valstybės institucija', 'group-company': 'grupės įmonė' },
    country: { EE: 'Estija', LT: 'Lietuva', LV: 'Latvija', SE: 'Švedija', NO: 'Norvegija', EEA: 'EEE', 'third-country': 'trečioji valstybė', unknown: 'valstybė nežinoma' },
    safeguard: { 'adequacy-decision': 'Europos Komisijos sprendimas dėl tinkamumo (BDAR 45 straipsnis)', 'standard-contractual-clauses': 'Europos Komisijos standartinės sutarčių sąlygos (BDAR 46 straipsnio 2 dalies c punktas)', 'binding-corporate-rules': 'įmonei privalomos taisyklės (BDAR 47 straipsnis)', derogation: 'nukrypti leidžianti nuostata konkrečiais atvejais (BDAR 49 straipsnis)', 'eu-data-boundary-and-scc': 'paslaugų teikėjo įsipareigojimas laikyti duomenis ES ir standartinės sutarčių sąlygos (BDAR 46 straipsnio 2 dalies c punktas)' },
    securityType: { technical: 'techninė', organisational: 'organizacinė' },
    securityControl: { 'encryption-in-transit': 'šifravimas perdavimo metu', 'encryption-at-rest': 'saugomų duomenų šifravimas', 'password-hashing': 'slaptažodžių saugojimas maišos kodais', 'access-control': 'prieigos kontrolė', 'feature-permissions': 'teisės pagal funkcijas', 'input-validation': 'įvesties tikrinimas', 'rate-limiting': 'užklausų skaičiaus ribojimas', 'upload-checks': 'įkeliamų failų tikrinimas', 'html-sanitising': 'HTML valymas', 'audit-log': 'audito žurnalas', 'incident-response': 'reagavimas į incidentus', firewall: 'ugniasienė', 'intrusion-detection': 'įsibrovimų aptikimas', 'network-segregation': 'tinklo segmentavimas', 'confidentiality-obligations': 'konfidencialumo įsipareigojimai', 'processor-vetting': 'duomenų tvarkytojų patikra', backups: 'atsarginės kopijos', pseudonymisation: 'pseudonimizavimas', 'physical-security': 'fizinis saugumas', 'staff-training': 'darbuotojų mokymas', 'personal-accounts': 'asmeninės naudotojų paskyros' },
    cookieCategory: { 'strictly-necessary': 'Būtinieji', preferences: 'Funkciniai', statistics: 'Statistiniai', marketing: 'Rinkodaros' },
    cookieStorage: { cookie: 'slapukas', 'local-storage': 'vietinė saugykla', 'session-storage': 'seanso saugykla' },
    cookieBasis: { exempt: 'be sutikimo', consent: 'sutikimas' },
    dpiaStatus: { 'not-required': 'neprivalomas', planned: 'suplanuotas', 'in-progress': 'atliekamas', done: 'atliktas' },
    severity: { error: 'klaida', warning: 'įspėjimas', info: 'pastaba' },
    retentionAction: { erase: 'ištrynimas', anonymise: 'anonimizavimas' },
  },
  lv: {
    subjectKind: { client: 'klients', prospect: 'potenciālais klients', 'portal-user': 'portāla lietotājs', 'contact-person': 'kontaktpersona', patient: 'pacients', 'office-visitor': 'biroja apmeklētājs', 'website-visitor': 'tīmekļvietnes apmeklētājs', 'newsletter-subscriber': 'jaunumu vēstules abonents', 'survey-participant': 'aptaujas dalībnieks', 'event-participant': 'pasākuma dalībnieks', debtor: 'parādnieks', other: 'cits' },
    sourceKind: { 'data-subject': 'datu subjekts', 'browser-or-device': 'pārlūkprogramma vai ierīce', 'third-party': 'trešā persona', 'public-source': 'publisks avots', authority: 'valsts iestāde', partner: 'partneris', 'group-company': 'grupas uzņēmums', 'internal-system': 'iekšēja sistēma' },
    recipientKind: { processor: 'apstrādātājs', controller: 'patstāvīgs pārzinis', 'joint-controller': 'kopīgs pārzinis', authority: 'valsts iestāde', 'group-company': 'grupas uzņēmums' },
    country: { EE: 'Igaunija', LT: 'Lietuva', LV: 'Latvija', SE: 'Zviedrija', NO: 'Norvēģija', EEA: 'EEZ', 'third-country': 'trešā valsts', unknown: 'valsts nav zināma' },
    safeguard: { 'adequacy-decision': 'Eiropas Komisijas lēmums par aizsardzības līmeņa pietiekamību (VDAR 45. pants)', 'standard-contractual-clauses': 'Eiropas Komisijas standarta līguma klauzulas (VDAR 46. panta 2. punkta c) apakšpunkts)', 'binding-corporate-rules': 'saistošie uzņēmuma noteikumi (VDAR 47. pants)', derogation: 'atkāpe īpašās situācijās (VDAR 49. pants)', 'eu-data-boundary-and-scc': 'pakalpojumu sniedzēja apņemšanās glabāt datus ES kopā ar standarta līguma klauzulām (VDAR 46. panta 2. punkta c) apakšpunkts)' },
    securityType: { technical: 'tehnisks', organisational: 'organizatorisks' },
    securityControl: { 'encryption-in-transit': 'šifrēšana pārsūtīšanas laikā', 'encryption-at-rest': 'glabājamo datu šifrēšana', 'password-hashing': 'paroļu jaucējkodēšana', 'access-control': 'piekļuves kontrole', 'feature-permissions': 'tiesības pa funkcijām', 'input-validation': 'ievades pārbaude', 'rate-limiting': 'pieprasījumu skaita ierobežošana', 'upload-checks': 'augšupielādēto datņu pārbaude', 'html-sanitising': 'HTML attīrīšana', 'audit-log': 'audita žurnāls', 'incident-response': 'reaģēšana uz incidentiem', firewall: 'ugunsmūris', 'intrusion-detection': 'ielaušanās atklāšana', 'network-segregation': 'tīkla segmentēšana', 'confidentiality-obligations': 'konfidencialitātes saistības', 'processor-vetting': 'apstrādātāju pārbaude', backups: 'rezerves kopijas', pseudonymisation: 'pseidonimizācija', 'physical-security': 'fiziskā drošība', 'staff-training': 'darbinieku apmācība', 'personal-accounts': 'personīgi lietotāju konti' },
    cookieCategory: { 'strictly-necessary': 'Nepieciešamās', preferences: 'Funkcionālās', statistics: 'Analītiskās', marketing: 'Reklāmas' },
    cookieStorage: { cookie: 'sīkdatne', 'local-storage': 'lokālā krātuve', 'session-storage': 'sesijas krātuve' },
    cookieBasis: { exempt: 'bez piekrišanas', consent: 'piekrišana' },
    dpiaStatus: { 'not-required': 'nav nepieciešams', planned: 'plānots', 'in-progress': 'tiek veikts', done: 'veikts' },
    severity: { error: 'kļūda', warning: 'brīdinājums', info: 'piezīme' },
    retentionAction: { erase: 'dzēšana', anonymise: 'anonimizēšana' },
  },
  sv: {
    subjectKind: { client: 'kund', prospect: 'potentiell kund', 'portal-user': 'portalanvändare', 'contact-person': 'kontaktperson', patient: 'patient', 'office-visitor': 'besökare på kontoret', 'website-visitor': 'besökare på webbplatsen', 'newsletter-subscriber': 'prenumerant på nyhetsbrev', 'survey-participant': 'deltagare i enkät', 'event-participant': 'deltagare i evenemang', debtor: 'gäldenär', other: 'övrigt' },
    sourceKind: { 'data-subject': 'den registrerade', 'browser-or-device': 'webbläsare eller enhet', 'third-party': 'tredje part', 'public-source': 'offentlig källa', authority: 'myndighet', partner: 'partner', 'group-company': 'koncernbolag', 'internal-system': 'internt system' },
    recipientKind: { processor: 'personuppgiftsbiträde', controller: 'självständigt personuppgiftsansvarig', 'joint-controller': 'gemensamt personuppgiftsansvarig', authority: 'myndighet', 'group-company': 'koncernbolag' },
    country: { EE: 'Estland', LT: 'Litauen', LV: 'Lettland', SE: 'Sverige', NO: 'Norge', EEA: 'EES', 'third-country': 'tredjeland', unknown: 'land okänt' },
    safeguard: { 'adequacy-decision': 'beslut om adekvat skyddsnivå från Europeiska kommissionen (artikel 45 GDPR)', 'standard-contractual-clauses': 'Europeiska kommissionens standardavtalsklausuler (artikel 46.2 c GDPR)', 'binding-corporate-rules': 'bindande företagsbestämmelser (artikel 47 GDPR)', derogation: 'undantag i särskilda situationer (artikel 49 GDPR)', 'eu-data-boundary-and-scc': 'leverantörens åtagande att hålla uppgifterna inom EU tillsammans med standardavtalsklausuler (artikel 46.2 c GDPR)' },
    securityType: { technical: 'teknisk', organisational: 'organisatorisk' },
    securityControl: { 'encryption-in-transit': 'kryptering vid överföring', 'encryption-at-rest': 'kryptering av lagrade uppgifter', 'password-hashing': 'hashning av lösenord', 'access-control': 'behörighetsstyrning', 'feature-permissions': 'behörigheter per funktion', 'input-validation': 'kontroll av indata', 'rate-limiting': 'begränsning av antalet förfrågningar', 'upload-checks': 'kontroll av uppladdade filer', 'html-sanitising': 'sanering av HTML', 'audit-log': 'granskningslogg', 'incident-response': 'incidenthantering', firewall: 'brandvägg', 'intrusion-detection': 'intrångsdetektering', 'network-segregation': 'nätverkssegmentering', 'confidentiality-obligations': 'sekretessåtaganden', 'processor-vetting': 'kontroll av personuppgiftsbiträden', backups: 'säkerhetskopiering', pseudonymisation: 'pseudonymisering', 'physical-security': 'fysisk säkerhet', 'staff-training': 'utbildning av personal', 'personal-accounts': 'personliga användarkonton' },
    cookieCategory: { 'strictly-necessary': 'Nödvändiga', preferences: 'Inställningar', statistics: 'Statistik', marketing: 'Marknadsföring' },
    cookieStorage: { cookie: 'kaka', 'local-storage': 'lokal lagring', 'session-storage': 'sessionslagring' },
    cookieBasis: { exempt: 'utan samtycke', consent: 'samtycke' },
    dpiaStatus: { 'not-required': 'krävs inte', planned: 'planerad', 'in-progress': 'pågår', done: 'genomförd' },
    severity: { error: 'fel', warning: 'varning', info: 'anmärkning' },
    retentionAction: { erase: 'radering', anonymise: 'anonymisering' },
  },
};

/**
 * `code` of `group` in words in `lang`; undefined when the catalogue has none
 * (an unknown group, language or code: a value the schema gained later, a typo
 * in a stored register). Never reads inherited properties.
 */
export function codeWord(group: string, code: unknown, lang: string): string | undefined {
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(CODE_WORDS, lang)) return undefined;
  const table = CODE_WORDS[lang as Lang] as unknown as Record<string, Record<string, string>>;
  if (!Object.prototype.hasOwnProperty.call(table, group)) return undefined;
  const words = table[group];
  return Object.prototype.hasOwnProperty.call(words, code) ? words[code] : undefined;
}
