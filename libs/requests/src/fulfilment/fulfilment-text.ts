import type { Art6Basis, Lang, RecipientKind, Text, TransferSafeguard } from '@regula/engine';
import { codeWord } from '@regula/engine';
import type { ObjectionKind } from '@regula/subjects';

/**
 * Texts of the answers Regula gives the data subject (access package,
 * portability export, recipients report), in the request's language with
 * English as the fallback (GDPR Art. 12(1): concise, intelligible, clear and
 * plain language).
 */

const LANG_CODES = ['en', 'et', 'lt', 'lv', 'sv'] as const;

/** The request's language if Regula has texts in it, else English. */
export function answerLanguage(locale: string | null | undefined): Lang {
  const base = (locale ?? 'en').toLowerCase().slice(0, 2);
  return (LANG_CODES as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

/** A controller text in `lang`, or its English version. */
export function tr(text: Text | undefined | null, lang: Lang): string {
  if (!text) return '';
  return (text as Partial<Record<Lang, string>>)[lang] ?? text.en;
}

type Labels = Record<(typeof LANG_CODES)[number], string>;

const L = <K extends string>(table: Record<K, Labels>) => table;

export const LABELS = L({
  title: { en: 'Your personal data', et: 'Teie isikuandmed', lt: 'Jūsų asmens duomenys', lv: 'Jūsu personas dati', sv: 'Dina personuppgifter' },
  intro: {
    en: 'A copy of the personal data {controller} holds about you, and information about how it is processed (GDPR Art. 15).',
    et: 'Koopia isikuandmetest, mida {controller} teie kohta töötleb, ja teave nende töötlemise kohta (isikuandmete kaitse üldmääruse artikkel 15).',
    lt: 'Asmens duomenų, kuriuos {controller} tvarko apie jus, kopija ir informacija apie jų tvarkymą (BDAR 15 straipsnis).',
    lv: 'Personas datu, kurus {controller} apstrādā par jums, kopija un informācija par to apstrādi (VDAR 15. pants).',
    sv: 'En kopia av de personuppgifter som {controller} behandlar om dig och information om hur de behandlas (artikel 15 i dataskyddsförordningen).',
  },
  portabilityTitle: { en: 'Data you provided (data portability)', et: 'Teie esitatud andmed (andmete ülekandmine)', lt: 'Jūsų pateikti duomenys (duomenų perkeliamumas)', lv: 'Jūsu sniegtie dati (datu pārnesamība)', sv: 'Uppgifter du har lämnat (dataportabilitet)' },
  recipientsTitle: { en: 'Who received your data', et: 'Kes teie andmeid said', lt: 'Kas gavo jūsų duomenis', lv: 'Kas saņēma jūsu datus', sv: 'Vem som har fått dina uppgifter' },
  period: { en: 'Period', et: 'Periood', lt: 'Laikotarpis', lv: 'Laika posms', sv: 'Period' },
  request: { en: 'Request', et: 'Taotlus', lt: 'Prašymas', lv: 'Pieprasījums', sv: 'Begäran' },
  prepared: { en: 'Prepared on', et: 'Koostatud', lt: 'Parengta', lv: 'Sagatavots', sv: 'Upprättad' },
  controller: { en: 'Controller', et: 'Vastutav töötleja', lt: 'Duomenų valdytojas', lv: 'Pārzinis', sv: 'Personuppgiftsansvarig' },
  dpo: { en: 'Data protection officer', et: 'Andmekaitsespetsialist', lt: 'Duomenų apsaugos pareigūnas', lv: 'Datu aizsardzības speciālists', sv: 'Dataskyddsombud' },
  identifiers: { en: 'How we recognise you', et: 'Kuidas me teid tuvastame', lt: 'Kaip jus atpažįstame', lv: 'Kā mēs jūs identificējam', sv: 'Hur vi känner igen dig' },
  register: { en: 'Processing activity', et: 'Töötlemistoiming', lt: 'Duomenų tvarkymo veikla', lv: 'Apstrādes darbība', sv: 'Behandling' },
  purposes: { en: 'Purposes and legal bases', et: 'Eesmärgid ja õiguslikud alused', lt: 'Tikslai ir teisiniai pagrindai', lv: 'Nolūki un tiesiskie pamati', sv: 'Ändamål och rättsliga grunder' },
  categories: { en: 'What each kind of data is used for', et: 'Milleks iga andmeliiki kasutatakse', lt: 'Kam naudojama kiekviena duomenų rūšis', lv: 'Kam izmanto katru datu veidu', sv: 'Vad varje slags uppgift används till' },
  purposesOnly: { en: 'Purposes', et: 'Eesmärgid', lt: 'Tikslai', lv: 'Nolūki', sv: 'Ändamål' },
  legalBases: { en: 'Legal bases', et: 'Õiguslikud alused', lt: 'Teisiniai pagrindai', lv: 'Tiesiskie pamati', sv: 'Rättsliga grunder' },
  legitimateInterest: { en: 'Legitimate interest', et: 'Õigustatud huvi', lt: 'Teisėtas interesas', lv: 'Leģitīmās intereses', sv: 'Berättigat intresse' },
  legalObligation: { en: 'Law', et: 'Õigusakt', lt: 'Teisės aktas', lv: 'Normatīvais akts', sv: 'Lag' },
  data: { en: 'Your data', et: 'Teie andmed', lt: 'Jūsų duomenys', lv: 'Jūsu dati', sv: 'Dina uppgifter' },
  category: { en: 'Category', et: 'Kategooria', lt: 'Kategorija', lv: 'Kategorija', sv: 'Kategori' },
  value: { en: 'Value', et: 'Väärtus', lt: 'Reikšmė', lv: 'Vērtība', sv: 'Värde' },
  collected: { en: 'Collected', et: 'Kogutud', lt: 'Surinkta', lv: 'Iegūts', sv: 'Insamlad' },
  retention: { en: 'How long it is kept', et: 'Kui kaua säilitatakse', lt: 'Kiek laiko saugoma', lv: 'Cik ilgi glabā', sv: 'Hur länge uppgifterna sparas' },
  erasureDue: { en: 'Erasure due', et: 'Kustutamise tähtpäev', lt: 'Ištrynimo data', lv: 'Dzēšanas termiņš', sv: 'Gallras senast' },
  notYetDetermined: {
    en: 'not yet determined: the period has not started',
    et: 'veel määramata: tähtaeg pole alanud',
    lt: 'dar nenustatyta: terminas dar neprasidėjo',
    lv: 'vēl nav noteikts: termiņš vēl nav sācies',
    sv: 'ännu inte fastställt: perioden har inte börjat',
  },
  restricted: { en: 'Processing restricted', et: 'Töötlemine piiratud', lt: 'Tvarkymas apribotas', lv: 'Apstrāde ierobežota', sv: 'Behandlingen begränsad' },
  recipients: { en: 'Recipients', et: 'Vastuvõtjad', lt: 'Gavėjai', lv: 'Saņēmēji', sv: 'Mottagare' },
  none: { en: 'None', et: 'Puuduvad', lt: 'Nėra', lv: 'Nav', sv: 'Inga' },
  transfers: { en: 'Transfers outside the EU/EEA', et: 'Edastamine väljapoole EL-i/EMP-d', lt: 'Perdavimas už ES/EEE ribų', lv: 'Nosūtīšana ārpus ES/EEZ', sv: 'Överföringar utanför EU/EES' },
  safeguard: { en: 'Safeguard', et: 'Kaitsemeede', lt: 'Apsaugos priemonė', lv: 'Aizsardzības pasākums', sv: 'Skyddsåtgärd' },
  sources: { en: 'Where the data comes from', et: 'Andmete päritolu', lt: 'Duomenų šaltiniai', lv: 'Datu avoti', sv: 'Varifrån uppgifterna kommer' },
  automated: { en: 'Automated decisions and profiling', et: 'Automatiseeritud otsused ja profileerimine', lt: 'Automatizuoti sprendimai ir profiliavimas', lv: 'Automatizēti lēmumi un profilēšana', sv: 'Automatiserade beslut och profilering' },
  profiling: { en: 'Profiling', et: 'Profileerimine', lt: 'Profiliavimas', lv: 'Profilēšana', sv: 'Profilering' },
  automatedDecisions: { en: 'Automated decisions', et: 'Automatiseeritud otsused', lt: 'Automatizuoti sprendimai', lv: 'Automatizēti lēmumi', sv: 'Automatiserade beslut' },
  significantEffects: { en: 'Legal or similarly significant effects', et: 'Õiguslikud või samaväärselt olulised tagajärjed', lt: 'Teisinės ar panašiai reikšmingos pasekmės', lv: 'Juridiskas vai līdzīgi būtiskas sekas', sv: 'Rättsliga eller liknande betydande följder' },
  logic: { en: 'Logic involved', et: 'Kasutatav loogika', lt: 'Taikoma logika', lv: 'Izmantotā loģika', sv: 'Logiken bakom' },
  yes: { en: 'yes', et: 'jah', lt: 'taip', lv: 'jā', sv: 'ja' },
  no: { en: 'no', et: 'ei', lt: 'ne', lv: 'nē', sv: 'nej' },
  consents: { en: 'Consents', et: 'Nõusolekud', lt: 'Sutikimai', lv: 'Piekrišanas', sv: 'Samtycken' },
  given: { en: 'given', et: 'antud', lt: 'duotas', lv: 'dota', sv: 'lämnat' },
  withdrawn: { en: 'withdrawn', et: 'tagasi võetud', lt: 'atšauktas', lv: 'atsaukta', sv: 'återkallat' },
  effective: { en: 'effective', et: 'jõustub', lt: 'įsigalioja', lv: 'stājas spēkā', sv: 'gäller från' },
  staffNotes: {
    en: "Notes our staff made about you while working on your requests",
    et: 'Märkmed, mille meie töötajad tegid teie kohta teie taotluste menetlemisel',
    lt: 'Pastabos apie jus, kurias mūsų darbuotojai užrašė nagrinėdami jūsų prašymus',
    lv: 'Piezīmes par jums, ko mūsu darbinieki veica, izskatot jūsu pieprasījumus',
    sv: 'Anteckningar som vår personal gjorde om dig när dina begäranden handlades',
  },
  objections: { en: 'Objections and restrictions', et: 'Vastuväited ja piirangud', lt: 'Prieštaravimai ir apribojimai', lv: 'Iebildumi un ierobežojumi', sv: 'Invändningar och begränsningar' },
  lifted: { en: 'lifted', et: 'lõpetatud', lt: 'panaikintas', lv: 'atcelts', sv: 'upphävd' },
  disclosures: { en: 'Disclosures recorded', et: 'Registreeritud edastamised', lt: 'Užregistruoti atskleidimai', lv: 'Reģistrētā datu izpaušana', sv: 'Registrerade utlämnanden' },
  date: { en: 'Date', et: 'Kuupäev', lt: 'Data', lv: 'Datums', sv: 'Datum' },
  rights: { en: 'Your rights', et: 'Teie õigused', lt: 'Jūsų teisės', lv: 'Jūsu tiesības', sv: 'Dina rättigheter' },
  authority: {
    en: 'Supervisory authority: you may lodge a complaint',
    et: 'Järelevalveasutus: teil on õigus esitada kaebus',
    lt: 'Priežiūros institucija: turite teisę pateikti skundą',
    lv: 'Uzraudzības iestāde: jums ir tiesības iesniegt sūdzību',
    sv: 'Tillsynsmyndighet: du har rätt att lämna klagomål',
  },
  noData: {
    en: 'We hold no personal data about you in this processing activity.',
    et: 'Selles töötlemistoimingus ei ole meil teie kohta isikuandmeid.',
    lt: 'Šioje veikloje apie jus asmens duomenų netvarkome.',
    lv: 'Šajā apstrādes darbībā mums nav jūsu personas datu.',
    sv: 'Vi har inga personuppgifter om dig i denna behandling.',
  },
  identifierKind_email: { en: 'e-mail', et: 'e-post', lt: 'el. paštas', lv: 'e-pasts', sv: 'e-post' },
  identifierKind_phone: { en: 'phone', et: 'telefon', lt: 'telefonas', lv: 'tālrunis', sv: 'telefon' },
  'identifierKind_customer-number': { en: 'customer number', et: 'kliendinumber', lt: 'kliento numeris', lv: 'klienta numurs', sv: 'kundnummer' },
  identifierKind_username: { en: 'user name', et: 'kasutajanimi', lt: 'naudotojo vardas', lv: 'lietotājvārds', sv: 'användarnamn' },
  nothingHeld: {
    en: 'We hold no personal data about you.',
    et: 'Meil ei ole teie kohta isikuandmeid.',
    lt: 'Apie jus asmens duomenų netvarkome.',
    lv: 'Mums nav jūsu personas datu.',
    sv: 'Vi har inga personuppgifter om dig.',
  },
});
export type LabelKey = keyof typeof LABELS;

/**
 * The access package's CSV columns per language: the headings a reader sees
 * (the JSON keeps its English keys, a format for machines).
 */
export const CSV_COLUMNS: Record<Lang, readonly string[]> = {
  en: ['Register', 'Register name', 'Category', 'Category name', 'Value', 'Collected at', 'Source system', 'Erasure due', 'Restricted', 'Record'],
  et: ['Register', 'Registri nimi', 'Liik', 'Andmeliigi nimi', 'Väärtus', 'Kogutud', 'Lähtesüsteem', 'Kustutamise tähtpäev', 'Piiratud', 'Kirje'],
  lt: ['Registras', 'Registro pavadinimas', 'Kategorija', 'Kategorijos pavadinimas', 'Reikšmė', 'Surinkta', 'Šaltinio sistema', 'Ištrynimo data', 'Apribota', 'Įrašas'],
  lv: ['Reģistrs', 'Reģistra nosaukums', 'Kategorija', 'Kategorijas nosaukums', 'Vērtība', 'Iegūts', 'Avota sistēma', 'Dzēšanas termiņš', 'Ierobežots', 'Ieraksts'],
  sv: ['Register', 'Registrets namn', 'Kategori', 'Kategorins namn', 'Värde', 'Insamlad', 'Källsystem', 'Gallras senast', 'Begränsad', 'Post'],
};

export function label(key: LabelKey, lang: Lang, vars: Record<string, string> = {}): string {
  const table = LABELS[key] as Partial<Record<Lang, string>>;
  let s = table[lang] ?? table.en ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(v);
  return s;
}

/** A legal basis in words with its article as the language cites it ("līguma izpilde (VDAR 6. panta 1. punkta b) apakšpunkts)"): the engine's catalogue. */
export function basisLabel(article: Art6Basis, lang: Lang): string {
  return codeWord('legalBasis', article, lang) ?? codeWord('legalBasis', article, 'en') ?? article;
}

/** A right in words with its article, as the public request forms name it (the engine's catalogue). */
export function rightLabel(code: string, lang: Lang): string {
  return codeWord('right', code, lang) ?? codeWord('right', code, 'en') ?? code;
}

/** A recipient kind in words (the engine's one catalogue, the privacy policies' wording). */
export function recipientKindLabel(kind: RecipientKind, lang: Lang): string {
  return codeWord('recipientKind', kind, lang) ?? kind;
}

/** A transfer safeguard in words (the engine's one catalogue), or "none". */
export function safeguardLabel(s: TransferSafeguard | null, lang: Lang): string {
  return s ? codeWord('safeguard', s, lang) ?? s : label('none', lang);
}

const OBJECTION_KIND: Record<ObjectionKind, Labels> = {
  restriction: { en: 'restriction of processing (Art. 18)', et: 'töötlemise piiramine (art 18)', lt: 'tvarkymo apribojimas (18 str.)', lv: 'apstrādes ierobežošana (18. pants)', sv: 'begränsning av behandling (artikel 18)' },
  objection: { en: 'objection (Art. 21(1))', et: 'vastuväide (art 21 lg 1)', lt: 'prieštaravimas (21 str. 1 d.)', lv: 'iebildums (21. panta 1. punkts)', sv: 'invändning (artikel 21.1)' },
  'direct-marketing': { en: 'objection to direct marketing (Art. 21(2))', et: 'vastuväide otseturundusele (art 21 lg 2)', lt: 'prieštaravimas dėl tiesioginės rinkodaros (21 str. 2 d.)', lv: 'iebildums pret tiešo tirgvedību (21. panta 2. punkts)', sv: 'invändning mot direktmarknadsföring (artikel 21.2)' },
  'automated-decisions': { en: 'objection to automated decisions (Art. 22)', et: 'vastuväide automatiseeritud otsustele (art 22)', lt: 'prieštaravimas dėl automatizuotų sprendimų (22 str.)', lv: 'iebildums pret automatizētiem lēmumiem (22. pants)', sv: 'invändning mot automatiserade beslut (artikel 22)' },
};
export function objectionKindLabel(kind: ObjectionKind, lang: Lang): string {
  return OBJECTION_KIND[kind]?.[lang] ?? kind;
}

/** The GDPR article a right code stands for ("Art. 21(2)"), or '' for rights beyond the GDPR. */
export function rightArticle(code: string): string {
  const m = /^A(\d+)(?:-(\d+))?$/.exec(code);
  return m ? `Art. ${m[1]}${m[2] ? `(${m[2]})` : ''}` : '';
}
