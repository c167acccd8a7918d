import type { Lang } from '@regula/engine';
import type { CnilSecurityItem } from './cnil-security';
import type { RecordColumnKey } from './record-columns';

/**
 * The frame of the Art. 30 record per language: column headings, the
 * controller block's labels, the fixed words inside the cells (retention
 * conditions, yes/no, contracts) and the titles of the XLSX, CSV and PDF. The
 * legal references stay (Art. 6, 9, 27, 28, 30); in et, lt, lv and sv they
 * are cited the way each language cites the GDPR (IKÜM, BDAR, VDAR,
 * dataskyddsförordningen). Every code of the register schema (legal bases,
 * rights, anchors, control and source kinds, DPIA status, recipient kinds,
 * retention actions) is in words from the engine's catalogue (`codeWord`),
 * not here. The
 * English words are those of the ICO and CNIL templates.
 */
export interface RecordLabels {
  columns: Record<RecordColumnKey, string>;
  block: {
    controller: string; registryCode: string; vatNumber: string; address: string; officeAddress: string; contact: string;
    dpo: string; representative: string; authority: string; nationalAct: string; asOf: string; registerVersions: string; generated: string;
  };
  /** `{date}, end of day, {zone}` */
  asOfValue: string;
  dpoNone: string;
  representativeNone: string;
  /** `{n} registers; each row states its register version` */
  versionsMany: string;
  none: string;
  yes: string;
  no: string;
  /** `while any condition holds ({conditions}), then {then}` */
  whileAny: string;
  asLongAsNecessary: string;
  /** `runs from: {anchor}` (the anchor a noun phrase in the nominative) */
  from: string;
  /** A value Regula assumed and nobody has confirmed yet. */
  assumed: string;
  /** A value nobody has stated. */
  notStated: string;
  /** `then {action}` */
  then: string;
  /** `assessment: {link}` */
  assessment: string;
  dpaInPlace: string;
  noDpa: string;
  noSafeguard: string;
  profiling: string;
  automatedDecisions: string;
  significantEffects: string;
  dpiaRequired: string;
  dpiaNotRequired: string;
  dpiaStatus: string;
  /** `... register {id}, purpose(s) {purposes} ...` */
  consentRecord: string;
  title: string;
  /** `Art. 30 record as of {date} ({zone})` */
  subtitle: string;
  /** `Record of processing activities: {controller}, as of {date}` */
  documentTitle: string;
  pageOf: string;
  sheets: [string, string, string];
  retentionTitle: string;
  retentionColumns: [string, string, string, string, string, string];
  securityTitle: string;
  /** The columns that carry each register whole, for an import (`texts`: `{lang}` is the language's code). */
  data: { facts: string; texts: string; provenance: string };
  cnil: Record<CnilSecurityItem, string>;
  /** `Items ticked from the register's security measures ({source}, {at}; ...)` */
  cnilNote: string;
}

export const RECORD_LABELS: Record<Lang, RecordLabels> = {
  en: {
    columns: {
      register: 'Register', version: 'Register version', businessFunction: 'Business function', purposes: 'Purpose(s) of the processing',
      jointController: 'Name and contact details of joint controller', subjects: 'Categories of individuals', dataCategories: 'Categories of personal data',
      specialCategories: 'Special categories of personal data', art6: 'Article 6 lawful basis', art9: 'Article 9 condition',
      legitimateInterests: 'Legitimate interests (and link to assessment)', recipients: 'Categories of recipients', processors: 'Processors and link to contract',
      thirdCountries: 'Names of third countries or international organisations', safeguards: 'Safeguards for transfers', retention: 'Retention schedule',
      security: 'Technical and organisational security measures', sources: 'Source of the personal data', rights: 'Rights available to individuals',
      automatedDecisions: 'Automated decision-making, including profiling', location: 'Location of personal data', dpia: 'DPIA required, progress and link',
      consentRecord: 'Link to record of consent',
    },
    block: {
      controller: 'Controller', registryCode: 'Registry code', vatNumber: 'VAT number', address: 'Address', officeAddress: 'Office address', contact: 'Contact',
      dpo: 'Data protection officer', representative: 'Representative (GDPR Art. 27)', authority: 'Supervisory authority', nationalAct: 'National data-protection act',
      asOf: 'As of', registerVersions: 'Register versions', generated: 'Generated',
    },
    asOfValue: '{date}, end of day, {zone}', dpoNone: 'none designated', representativeNone: 'none (established in the EU)',
    versionsMany: '{n} registers; each row states its register version', none: 'none', yes: 'yes', no: 'no',
    whileAny: 'while any condition holds ({conditions}), then {then}', asLongAsNecessary: 'as long as necessary (no enforceable period)',
    from: 'runs from: {anchor}', assumed: 'assumed, not confirmed by the controller', notStated: 'not stated', then: 'then {action}',
    assessment: 'assessment: {link}', dpaInPlace: 'Art. 28 contract in place', noDpa: 'no Art. 28 contract recorded', noSafeguard: 'NO SAFEGUARD',
    profiling: 'profiling', automatedDecisions: 'automated decisions', significantEffects: 'legal or similarly significant effects',
    dpiaRequired: 'required', dpiaNotRequired: 'not required', dpiaStatus: 'status',
    consentRecord: 'Regula consent records of register {id}, purpose(s) {purposes} (one per data subject, with the policy version consented to)',
    title: 'Record of processing activities (GDPR Art. 30(1))', subtitle: 'Art. 30 record as of {date} ({zone})',
    documentTitle: 'Record of processing activities: {controller}, as of {date}', pageOf: 'page {x} of {y}',
    sheets: ['Art. 30 record', 'Retention (CNIL)', 'Security (CNIL)'],
    retentionTitle: 'Retention per data category (CNIL record template)',
    retentionColumns: ['Register', 'Data category', 'Retention period', 'Runs from (anchor)', 'Action at the end', 'As the controller describes it'],
    securityTitle: 'Security checklist (CNIL record template)',
    data: { facts: 'Register data: facts', texts: 'Register data: texts ({lang})', provenance: 'Register data: provenance' },
    cnil: {
      'access-control': 'User access control and authentication', traceability: 'User traceability',
      'software-protection': 'Software protection (updates, input checks, network protection)', backups: 'Data backups', encryption: 'Encryption of data',
      'processor-contracts': 'Processor contracts and checks', 'physical-security': 'Physical security', other: 'Other measures',
    },
    cnilNote: 'Items ticked from the register\'s security measures ({source}, {at}; mapping of the engine\'s security controls to the checklist items is Regula\'s).',
  },
  et: {
    columns: {
      register: 'Register', version: 'Registri versioon', businessFunction: 'Tegevusvaldkond', purposes: 'Töötlemise eesmärgid',
      jointController: 'Kaasvastutava töötleja nimi ja kontaktandmed', subjects: 'Andmesubjektide kategooriad', dataCategories: 'Isikuandmete liigid',
      specialCategories: 'Isikuandmete eriliigid', art6: 'Õiguslik alus (IKÜM artikkel 6)', art9: 'Eriliigiliste andmete töötlemise alus (IKÜM artikkel 9)',
      legitimateInterests: 'Õigustatud huvid (ja viide hindamisele)', recipients: 'Vastuvõtjate kategooriad', processors: 'Volitatud töötlejad ja viide lepingule',
      thirdCountries: 'Kolmandad riigid või rahvusvahelised organisatsioonid', safeguards: 'Edastamise kaitsemeetmed', retention: 'Säilitamise tähtajad',
      security: 'Tehnilised ja korralduslikud turvameetmed', sources: 'Isikuandmete allikas', rights: 'Andmesubjekti õigused',
      automatedDecisions: 'Automatiseeritud otsuste tegemine, sealhulgas profiilianalüüs', location: 'Isikuandmete asukoht',
      dpia: 'Andmekaitsealane mõjuhinnang: kas nõutav, seis ja viide', consentRecord: 'Viide nõusolekute registrile',
    },
    block: {
      controller: 'Vastutav töötleja', registryCode: 'Registrikood', vatNumber: 'Käibemaksukohustuslase number', address: 'Aadress', officeAddress: 'Kontori aadress',
      contact: 'Kontakt', dpo: 'Andmekaitseametnik', representative: 'Esindaja (IKÜM artikkel 27)', authority: 'Järelevalveasutus',
      nationalAct: 'Riigisisene andmekaitseseadus', asOf: 'Seisuga', registerVersions: 'Registrite versioonid', generated: 'Koostatud',
    },
    asOfValue: '{date}, päeva lõpp, {zone}', dpoNone: 'määramata', representativeNone: 'puudub (asutatud Euroopa Liidus)',
    versionsMany: '{n} registrit; iga rida märgib oma registri versiooni', none: 'puudub', yes: 'jah', no: 'ei',
    whileAny: 'kuni kehtib mõni tingimustest ({conditions}), seejärel {then}', asLongAsNecessary: 'nii kaua kui vajalik (kindlat tähtaega pole)',
    from: 'tähtaja algus: {anchor}', assumed: 'eeldatud, vastutav töötleja ei ole kinnitanud', notStated: 'märkimata', then: 'seejärel {action}',
    assessment: 'hindamine: {link}', dpaInPlace: 'IKÜM artikli 28 kohane leping on olemas', noDpa: 'IKÜM artikli 28 kohast lepingut pole registreeritud',
    noSafeguard: 'KAITSEMEEDE PUUDUB', profiling: 'profiilianalüüs', automatedDecisions: 'automatiseeritud otsused',
    significantEffects: 'õiguslik või samaväärselt oluline mõju', dpiaRequired: 'nõutav', dpiaNotRequired: 'ei ole nõutav', dpiaStatus: 'seis',
    consentRecord: 'Regula nõusolekukirjed registris {id}, eesmärgid {purposes} (üks iga andmesubjekti kohta, koos privaatsustingimuste versiooniga, millega nõustuti)',
    title: 'Isikuandmete töötlemise toimingute register (IKÜM artikli 30 lõige 1)', subtitle: 'Artikli 30 register seisuga {date} ({zone})',
    documentTitle: 'Isikuandmete töötlemise toimingute register: {controller}, seisuga {date}', pageOf: 'lehekülg {x} / {y}',
    sheets: ['Artikli 30 register', 'Säilitamine (CNIL)', 'Turvalisus (CNIL)'],
    retentionTitle: 'Säilitamine andmeliigiti (CNIL-i registri vorm)',
    retentionColumns: ['Register', 'Andmeliik', 'Säilitamise tähtaeg', 'Tähtaja algus', 'Toiming tähtaja lõpus', 'Vastutava töötleja kirjeldus'],
    securityTitle: 'Turvameetmete kontrollnimekiri (CNIL-i registri vorm)',
    data: { facts: 'Registri andmed: faktid', texts: 'Registri andmed: tekstid ({lang})', provenance: 'Registri andmed: päritolu' },
    cnil: {
      'access-control': 'Kasutajate juurdepääsu kontroll ja autentimine', traceability: 'Kasutajate tegevuse jälgitavus',
      'software-protection': 'Tarkvara kaitse (uuendused, sisendi kontroll, võrgukaitse)', backups: 'Andmete varukoopiad', encryption: 'Andmete krüpteerimine',
      'processor-contracts': 'Volitatud töötlejate lepingud ja kontroll', 'physical-security': 'Füüsiline turvalisus', other: 'Muud meetmed',
    },
    cnilNote: 'Punktid on märgitud registri turvameetmete põhjal ({source}, {at}; meetmete vastavusse viimine kontrollnimekirja punktidega on Regula oma).',
  },
  lt: {
    columns: {
      register: 'Registras', version: 'Registro versija', businessFunction: 'Veiklos sritis', purposes: 'Tvarkymo tikslai',
      jointController: 'Bendro duomenų valdytojo pavadinimas ir kontaktiniai duomenys', subjects: 'Duomenų subjektų kategorijos', dataCategories: 'Asmens duomenų kategorijos',
      specialCategories: 'Specialių kategorijų asmens duomenys', art6: 'Teisinis pagrindas (BDAR 6 straipsnis)', art9: 'Specialių kategorijų duomenų tvarkymo sąlyga (BDAR 9 straipsnis)',
      legitimateInterests: 'Teisėti interesai (ir nuoroda į vertinimą)', recipients: 'Duomenų gavėjų kategorijos', processors: 'Duomenų tvarkytojai ir nuoroda į sutartį',
      thirdCountries: 'Trečiosios valstybės arba tarptautinės organizacijos', safeguards: 'Duomenų perdavimo apsaugos priemonės', retention: 'Saugojimo terminai',
      security: 'Techninės ir organizacinės saugumo priemonės', sources: 'Asmens duomenų šaltinis', rights: 'Duomenų subjektų teisės',
      automatedDecisions: 'Automatizuotas sprendimų priėmimas, įskaitant profiliavimą', location: 'Asmens duomenų buvimo vieta',
      dpia: 'Poveikio duomenų apsaugai vertinimas: ar būtinas, eiga ir nuoroda', consentRecord: 'Nuoroda į sutikimų įrašus',
    },
    block: {
      controller: 'Duomenų valdytojas', registryCode: 'Juridinio asmens kodas', vatNumber: 'PVM mokėtojo kodas', address: 'Adresas', officeAddress: 'Biuro adresas',
      contact: 'Kontaktai', dpo: 'Duomenų apsaugos pareigūnas', representative: 'Atstovas (BDAR 27 straipsnis)', authority: 'Priežiūros institucija',
      nationalAct: 'Nacionalinis duomenų apsaugos įstatymas', asOf: 'Būklė', registerVersions: 'Registrų versijos', generated: 'Parengta',
    },
    asOfValue: '{date}, dienos pabaiga, {zone}', dpoNone: 'nepaskirtas', representativeNone: 'nėra (įsisteigęs Europos Sąjungoje)',
    versionsMany: 'registrų: {n}; kiekvienoje eilutėje nurodyta jos registro versija', none: 'nėra', yes: 'taip', no: 'ne',
    whileAny: 'kol galioja bent viena sąlyga ({conditions}), po to {then}', asLongAsNecessary: 'tiek, kiek būtina (konkretaus termino nėra)',
    from: 'termino pradžia: {anchor}', assumed: 'numanoma, duomenų valdytojas nepatvirtino', notStated: 'nenurodyta', then: 'po to {action}',
    assessment: 'vertinimas: {link}', dpaInPlace: 'sudaryta BDAR 28 straipsnyje numatyta sutartis', noDpa: 'BDAR 28 straipsnyje numatyta sutartis neužregistruota',
    noSafeguard: 'APSAUGOS PRIEMONĖ NENURODYTA', profiling: 'profiliavimas', automatedDecisions: 'automatizuoti sprendimai',
    significantEffects: 'teisinės ar panašiai reikšmingos pasekmės', dpiaRequired: 'būtinas', dpiaNotRequired: 'nebūtinas', dpiaStatus: 'būsena',
    consentRecord: 'Regula sutikimų įrašai, registras {id}, tikslai {purposes} (po vieną kiekvienam duomenų subjektui, su privatumo politikos versija, kuriai duotas sutikimas)',
    title: 'Duomenų tvarkymo veiklos įrašai (BDAR 30 straipsnio 1 dalis)', subtitle: '30 straipsnio įrašai, būklė {date} ({zone})',
    documentTitle: 'Duomenų tvarkymo veiklos įrašai: {controller}, būklė {date}', pageOf: '{x} psl. iš {y}',
    sheets: ['30 straipsnio įrašai', 'Saugojimas (CNIL)', 'Saugumas (CNIL)'],
    retentionTitle: 'Saugojimas pagal duomenų kategoriją (CNIL įrašų šablonas)',
    retentionColumns: ['Registras', 'Duomenų kategorija', 'Saugojimo terminas', 'Termino pradžia', 'Veiksmas termino pabaigoje', 'Duomenų valdytojo aprašymas'],
    securityTitle: 'Saugumo priemonių kontrolinis sąrašas (CNIL įrašų šablonas)',
    data: { facts: 'Registro duomenys: faktai', texts: 'Registro duomenys: tekstai ({lang})', provenance: 'Registro duomenys: kilmė' },
    cnil: {
      'access-control': 'Naudotojų prieigos kontrolė ir autentifikavimas', traceability: 'Naudotojų veiksmų atsekamumas',
      'software-protection': 'Programinės įrangos apsauga (atnaujinimai, įvesties tikrinimas, tinklo apsauga)', backups: 'Duomenų atsarginės kopijos',
      encryption: 'Duomenų šifravimas', 'processor-contracts': 'Duomenų tvarkytojų sutartys ir patikra', 'physical-security': 'Fizinis saugumas', other: 'Kitos priemonės',
    },
    cnilNote: 'Punktai pažymėti pagal registro saugumo priemones ({source}, {at}; priemones su kontrolinio sąrašo punktais susiejo Regula).',
  },
  lv: {
    columns: {
      register: 'Reģistrs', version: 'Reģistra versija', businessFunction: 'Darbības joma', purposes: 'Apstrādes nolūki',
      jointController: 'Kopīgā pārziņa nosaukums un kontaktinformācija', subjects: 'Datu subjektu kategorijas', dataCategories: 'Personas datu kategorijas',
      specialCategories: 'Īpašu kategoriju personas dati', art6: 'Tiesiskais pamats (VDAR 6. pants)', art9: 'Īpašu kategoriju datu apstrādes nosacījums (VDAR 9. pants)',
      legitimateInterests: 'Leģitīmās intereses (un saite uz izvērtējumu)', recipients: 'Saņēmēju kategorijas', processors: 'Apstrādātāji un saite uz līgumu',
      thirdCountries: 'Trešās valstis vai starptautiskās organizācijas', safeguards: 'Nosūtīšanas garantijas', retention: 'Glabāšanas termiņi',
      security: 'Tehniskie un organizatoriskie drošības pasākumi', sources: 'Personas datu avots', rights: 'Datu subjektu tiesības',
      automatedDecisions: 'Automatizēta lēmumu pieņemšana, tostarp profilēšana', location: 'Personas datu atrašanās vieta',
      dpia: 'Novērtējums par ietekmi uz datu aizsardzību: vai vajadzīgs, statuss un saite', consentRecord: 'Saite uz piekrišanu uzskaiti',
    },
    block: {
      controller: 'Pārzinis', registryCode: 'Reģistrācijas numurs', vatNumber: 'PVN maksātāja numurs', address: 'Adrese', officeAddress: 'Biroja adrese',
      contact: 'Kontaktinformācija', dpo: 'Datu aizsardzības speciālists', representative: 'Pārstāvis (VDAR 27. pants)', authority: 'Uzraudzības iestāde',
      nationalAct: 'Valsts datu aizsardzības likums', asOf: 'Stāvoklis uz', registerVersions: 'Reģistru versijas', generated: 'Sagatavots',
    },
    asOfValue: '{date}, dienas beigas, {zone}', dpoNone: 'nav iecelts', representativeNone: 'nav (reģistrēts Eiropas Savienībā)',
    versionsMany: 'reģistru skaits: {n}; katrā rindā norādīta tā reģistra versija', none: 'nav', yes: 'jā', no: 'nē',
    whileAny: 'kamēr pastāv kāds no nosacījumiem ({conditions}), pēc tam {then}', asLongAsNecessary: 'tik ilgi, cik nepieciešams (bez noteikta termiņa)',
    from: 'termiņa sākums: {anchor}', assumed: 'pieņemts, pārzinis nav apstiprinājis', notStated: 'nav norādīts', then: 'pēc tam {action}',
    assessment: 'izvērtējums: {link}', dpaInPlace: 'noslēgts VDAR 28. pantā paredzētais līgums', noDpa: 'VDAR 28. pantā paredzētais līgums nav reģistrēts',
    noSafeguard: 'GARANTIJAS NAV NORĀDĪTAS', profiling: 'profilēšana', automatedDecisions: 'automatizēti lēmumi',
    significantEffects: 'juridiskas vai līdzīgi būtiskas sekas', dpiaRequired: 'vajadzīgs', dpiaNotRequired: 'nav vajadzīgs', dpiaStatus: 'statuss',
    consentRecord: 'Regula piekrišanu ieraksti reģistrā {id}, nolūki {purposes} (pa vienam katram datu subjektam, ar privātuma politikas versiju, kurai dota piekrišana)',
    title: 'Apstrādes darbību reģistrs (VDAR 30. panta 1. punkts)', subtitle: '30. panta reģistrs, stāvoklis uz {date} ({zone})',
    documentTitle: 'Apstrādes darbību reģistrs: {controller}, stāvoklis uz {date}', pageOf: '{x}. lapa no {y}',
    sheets: ['30. panta reģistrs', 'Glabāšana (CNIL)', 'Drošība (CNIL)'],
    retentionTitle: 'Glabāšana pa datu kategorijām (CNIL reģistra veidne)',
    retentionColumns: ['Reģistrs', 'Datu kategorija', 'Glabāšanas termiņš', 'Termiņa sākums', 'Darbība termiņa beigās', 'Pārziņa apraksts'],
    securityTitle: 'Drošības pasākumu kontrolsaraksts (CNIL reģistra veidne)',
    data: { facts: 'Reģistra dati: fakti', texts: 'Reģistra dati: teksti ({lang})', provenance: 'Reģistra dati: izcelsme' },
    cnil: {
      'access-control': 'Lietotāju piekļuves kontrole un autentifikācija', traceability: 'Lietotāju darbību izsekojamība',
      'software-protection': 'Programmatūras aizsardzība (atjauninājumi, ievades pārbaude, tīkla aizsardzība)', backups: 'Datu rezerves kopijas',
      encryption: 'Datu šifrēšana', 'processor-contracts': 'Apstrādātāju līgumi un pārbaudes', 'physical-security': 'Fiziskā drošība', other: 'Citi pasākumi',
    },
    cnilNote: 'Punkti atzīmēti pēc reģistra drošības pasākumiem ({source}, {at}; pasākumus ar kontrolsaraksta punktiem sasaistījusi Regula).',
  },
  sv: {
    columns: {
      register: 'Register', version: 'Registerversion', businessFunction: 'Verksamhetsområde', purposes: 'Ändamål med behandlingen',
      jointController: 'Namn och kontaktuppgifter för gemensamt personuppgiftsansvarig', subjects: 'Kategorier av registrerade', dataCategories: 'Kategorier av personuppgifter',
      specialCategories: 'Särskilda kategorier av personuppgifter', art6: 'Rättslig grund (dataskyddsförordningen artikel 6)', art9: 'Undantag för särskilda kategorier (dataskyddsförordningen artikel 9)',
      legitimateInterests: 'Berättigade intressen (och länk till intresseavvägningen)', recipients: 'Kategorier av mottagare', processors: 'Personuppgiftsbiträden och länk till avtalet',
      thirdCountries: 'Tredjeländer eller internationella organisationer', safeguards: 'Skyddsåtgärder vid överföring', retention: 'Lagringstider (gallring)',
      security: 'Tekniska och organisatoriska säkerhetsåtgärder', sources: 'Varifrån personuppgifterna kommer', rights: 'De registrerades rättigheter',
      automatedDecisions: 'Automatiserat beslutsfattande, inbegripet profilering', location: 'Var personuppgifterna lagras',
      dpia: 'Konsekvensbedömning avseende dataskydd: krävs den, status och länk', consentRecord: 'Länk till register över samtycken',
    },
    block: {
      controller: 'Personuppgiftsansvarig', registryCode: 'Organisationsnummer', vatNumber: 'Momsregistreringsnummer', address: 'Adress', officeAddress: 'Kontorsadress',
      contact: 'Kontakt', dpo: 'Dataskyddsombud', representative: 'Företrädare (dataskyddsförordningen artikel 27)', authority: 'Tillsynsmyndighet',
      nationalAct: 'Nationell dataskyddslag', asOf: 'Per', registerVersions: 'Registerversioner', generated: 'Skapad',
    },
    asOfValue: '{date}, dagens slut, {zone}', dpoNone: 'inget utsett', representativeNone: 'ingen (etablerad i EU)',
    versionsMany: '{n} register; varje rad anger sin registerversion', none: 'inga', yes: 'ja', no: 'nej',
    whileAny: 'så länge något av villkoren gäller ({conditions}), därefter {then}', asLongAsNecessary: 'så länge det behövs (ingen fast tidsfrist)',
    from: 'räknas från: {anchor}', assumed: 'antaget, inte bekräftat av den personuppgiftsansvarige', notStated: 'inte angivet', then: 'därefter {action}',
    assessment: 'intresseavvägning: {link}', dpaInPlace: 'biträdesavtal enligt artikel 28 finns', noDpa: 'inget biträdesavtal enligt artikel 28 registrerat',
    noSafeguard: 'INGEN SKYDDSÅTGÄRD', profiling: 'profilering', automatedDecisions: 'automatiserade beslut',
    significantEffects: 'rättsliga eller på liknande sätt betydande följder', dpiaRequired: 'krävs', dpiaNotRequired: 'krävs inte', dpiaStatus: 'status',
    consentRecord: 'Regulas samtyckesposter för register {id}, ändamål {purposes} (en per registrerad, med den version av integritetspolicyn som samtycket avser)',
    title: 'Register över behandling (dataskyddsförordningen artikel 30.1)', subtitle: 'Register enligt artikel 30 per {date} ({zone})',
    documentTitle: 'Register över behandling: {controller}, per {date}', pageOf: 'sida {x} av {y}',
    sheets: ['Register enligt art. 30', 'Lagring (CNIL)', 'Säkerhet (CNIL)'],
    retentionTitle: 'Lagring per kategori av uppgifter (CNIL:s mall)',
    retentionColumns: ['Register', 'Kategori av uppgifter', 'Lagringstid', 'Räknas från', 'Åtgärd vid slutet', 'Den personuppgiftsansvariges beskrivning'],
    securityTitle: 'Checklista för säkerhet (CNIL:s mall)',
    data: { facts: 'Registrets data: fakta', texts: 'Registrets data: texter ({lang})', provenance: 'Registrets data: ursprung' },
    cnil: {
      'access-control': 'Behörighetsstyrning och autentisering av användare', traceability: 'Spårbarhet för användare',
      'software-protection': 'Skydd av programvara (uppdateringar, kontroll av indata, nätverksskydd)', backups: 'Säkerhetskopiering',
      encryption: 'Kryptering av uppgifter', 'processor-contracts': 'Avtal med och kontroll av personuppgiftsbiträden', 'physical-security': 'Fysisk säkerhet', other: 'Övriga åtgärder',
    },
    cnilNote: 'Punkterna är markerade utifrån registrets säkerhetsåtgärder ({source}, {at}; kopplingen mellan åtgärderna och checklistans punkter är Regulas).',
  },
};

/** `template` with each `{name}` replaced by its value. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
