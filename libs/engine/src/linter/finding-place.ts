import { RightCode } from '../schema/controller';
import { Lang, Text } from '../schema/text';

/**
 * A finding's path in words an admin understands, in the page language:
 * `registers[clients].purposes[marketing].legalBases[0].article` becomes
 * "Register “Clients”, purpose “Direct marketing”, legal basis 1, article",
 * using the names the definition gives (in `lang`, else English). Keys the
 * vocabulary does not know are kept as they are (they are schema codes, which
 * admin pages may show). Pure.
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
    const value = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (parentKey === 'perRight' && key in RIGHT_WORDS) {
      parts.push(`${KEY_WORDS.rights[lang]} ${open}${RIGHT_WORDS[key as RightCode][lang]}${close}`);
      node = value; parentKey = key;
      continue;
    }
    node = value;
    parentKey = key;
    if (key === 'perRight') continue;
    const noun = KEY_WORDS[key]?.[lang] ?? key;
    if (selectors.length === 0) { parts.push((Array.isArray(value) || value === 'none' || value === undefined ? LIST_WORDS[key]?.[lang] : undefined) ?? noun); continue; }
    for (const sel of selectors) {
      const list = Array.isArray(node) ? node : [];
      const byId = list.findIndex((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === sel);
      const index = byId >= 0 ? byId : /^\d+$/.test(sel) ? Number(sel) : -1;
      const item = index >= 0 ? list[index] : undefined;
      const label = labelOf(item, lang);
      const named = item && typeof item === 'object' && ('name' in item || 'label' in item || 'right' in item || 'section' in item);
      if (named && label) parts.push(`${noun} ${open}${label}${close}`);
      else if (/^\d+$/.test(sel)) parts.push(`${noun} ${Number(sel) + 1}`);
      else parts.push(`${noun} ${open}${label ?? sel}${close}`);
      node = item;
    }
  }
  const words = parts.join(', ');
  return words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
}
