import {
  ControllerDefinition, LANGS, codeWord, Duration, Lang, ProvenanceClass, Ref, Register, RetentionRule, RightCode,
  Text, formatAddress, formatDuration, isPlaceholderText, provenanceOf, resolveText,
} from '@regula/engine';
import { CNIL_SECURITY_ITEMS, CnilSecurityItem } from './cnil-security';
import { RecordColumnKey } from './record-columns';
import { RECORD_LABELS, RecordLabels, fill } from './record-labels';
import { RegisterCells, registerCells, textLanguages } from './sheets/register-cells';

/** The register versions an export was made from. */
export interface RegisterVersionRef {
  key: string;
  version: number;
  validFrom: Date;
  contentHash: string;
}

export interface RecordMeta {
  slug: string;
  controllerName: string;
  /** YYYY-MM-DD, the end of that day in `timeZone` (or now, for today). */
  asOf: string;
  timeZone: string;
  lang: Lang;
  /** Language of the headings, labels and fixed words (record-labels.ts); default English, the templates' language. */
  labelLang?: Lang;
  generatedAt: Date;
  registerVersions: RegisterVersionRef[];
  /** The version of the controller's facts the export states (null: a tenant without versions). */
  controllerVersion?: number | null;
}

export interface RetentionRow {
  register: string;
  registerName: string;
  category: string;
  categoryName: string;
  period: string;
  anchor: string;
  action: string;
  description: string;
}

export interface SecurityRow {
  register: string;
  registerName: string;
  /** Per CNIL item: the measures that tick it (empty: not ticked). */
  items: Record<CnilSecurityItem, string[]>;
}

/** The Art. 30(1) record, language-resolved: what every record format prints. */
export interface RecordModel {
  meta: RecordMeta;
  /** The frame in `meta.labelLang`. */
  labels: RecordLabels;
  /** Art. 30(1)(a): the controller block, label and value. */
  controller: [string, string][];
  /** Per register, its readable values and its data cells (the register whole, for an import: `sheets/register-cells.ts`). */
  rows: { key: string; values: Record<RecordColumnKey, string>; data: RegisterCells }[];
  /** The languages of the data's text columns: the controller's and any other its texts are written in. */
  dataLangs: Lang[];
  retention: RetentionRow[];
  security: SecurityRow[];
}

const NONE = '—';
const lines = (items: (string | undefined | false)[]): string => items.filter((x): x is string => !!x).join('\n') || NONE;

/** A duration in words in `lang`, with its plural forms ("10 gadi"); zero is "0 days" in words. Never the ISO code. */
export function durationText(d: Duration, lang: Lang): string {
  return formatDuration(d, lang);
}

/** `code` of `group` in words in `lang` (the engine's catalogue), the code itself only for a value the catalogue lacks. */
const word = (group: string, code: string, lang: Lang): string => codeWord(group, code, lang) ?? code;

/** Period, anchor and action of a retention rule, for the CNIL retention table; the anchors in words in `labelLang`. */
export function retentionTerms(rule: RetentionRule, lang: Lang, tx: (t: Text) => string, L: RecordLabels = RECORD_LABELS.en, labelLang: Lang = 'en'): { period: string; anchor: string } {
  const anchor = (a: string) => word('retentionAnchor', a, labelLang);
  switch (rule.kind) {
    case 'period':
      return { period: durationText(rule.period, labelLang), anchor: anchor(rule.anchor) };
    case 'conditions':
      return {
        period: fill(L.whileAny, { conditions: rule.conditions.map((c) => tx(c.label)).join('; '), then: durationText(rule.then, labelLang) }),
        anchor: rule.conditions.map((c) => (c.plus ? `${anchor(c.endsAt)} + ${durationText(c.plus, labelLang)}` : anchor(c.endsAt))).join('; '),
      };
    case 'as-long-as-necessary':
      return { period: L.asLongAsNecessary, anchor: NONE };
  }
}

/**
 * The rights a data subject has for one register: the controller's rights,
 * less those whose GDPR condition the register's bases exclude: portability
 * only under consent or contract (Art. 20(1)(a)), objection only under public
 * task or legitimate interests (Art. 21(1)), objection to direct marketing
 * only for a direct-marketing purpose (Art. 21(2)), withdrawal only under
 * consent (Art. 7(3)), Art. 22 only where decisions are automated.
 */
export function rightsForRegister(def: ControllerDefinition, r: Register): RightCode[] {
  const bases = new Set(r.purposes.flatMap((p) => p.legalBases.map((b) => b.article)));
  const applies: Partial<Record<RightCode, boolean>> = {
    A20: bases.has('6(1)(a)') || bases.has('6(1)(b)'),
    A21: bases.has('6(1)(e)') || bases.has('6(1)(f)'),
    'A21-2': r.purposes.some((p) => p.directMarketing),
    'A7-3': bases.has('6(1)(a)'),
    A22: r.automatedDecisions.automatedDecisions,
  };
  return def.rights.map((x) => x.right).filter((code) => applies[code] !== false);
}

/** The record's columns that show facts of one kind (a fact's `kind`, the property it sits under). */
const COLUMNS_OF_KIND: Record<string, RecordColumnKey[]> = {
  purposes: ['purposes'], legalBases: ['art6'], legalObligation: ['art6'], subjects: ['subjects'], dataCategories: ['dataCategories', 'specialCategories'],
  recipients: ['recipients', 'processors'], transfers: ['thirdCountries', 'safeguards'], retention: ['retention'], conditions: ['retention'],
  security: ['security'], sources: ['sources'], automatedDecisions: ['automatedDecisions'], dpia: ['dpia'], location: ['location'],
};

type Unconfirmed = 'assumed' | 'unknown';
/** A text in languages (`{ en, lv }`): holds no facts. */
const isText = (v: object): boolean => typeof (v as { en?: unknown }).en === 'string';
const unconfirmed = (c: ProvenanceClass): Unconfirmed | undefined => (c === 'assumed' || c === 'unknown' ? c : undefined);

/**
 * Per register, the columns that show a fact nobody has confirmed: 'unknown'
 * over 'assumed' (the weaker claim wins). The auditor reads them labelled
 * ("assumed", "not stated"), never as the controller's own statement. The
 * classes are `provenanceOf` the refs `listFacts` reads (a node's `ref`, a
 * field's `fieldRefs`), without hashing every value: the record is built on
 * the API's event loop, for hundreds of registers.
 */
function unconfirmedColumns(def: ControllerDefinition): Map<string, Map<RecordColumnKey, Unconfirmed>> {
  const documents = Array.isArray(def.documents) ? def.documents : [];
  const docs = new Set(documents.map((d) => d.id));
  // most refs name one of the controller's documents and mark nothing: stated, decided without provenanceOf
  const plainlyStated = (refs: Ref[]) => refs.every((x) => x && !x.provenance) && refs.some((x) => x && docs.has(x.source));
  const out = new Map<string, Map<RecordColumnKey, Unconfirmed>>();
  for (const r of def.registers) {
    const cols = new Map<RecordColumnKey, Unconfirmed>();
    const mark = (kind: string, refs: Ref[]) => {
      if (!COLUMNS_OF_KIND[kind] || plainlyStated(refs)) return;
      const c = unconfirmed(provenanceOf(refs, documents).class);
      if (c) for (const col of COLUMNS_OF_KIND[kind] ?? []) if (cols.get(col) !== 'unknown') cols.set(col, c);
    };
    const visit = (node: unknown, key: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => visit(n, key));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.ref)) mark(key, o.ref as Ref[]);
      if (o.fieldRefs && typeof o.fieldRefs === 'object') for (const [k, refs] of Object.entries(o.fieldRefs as Record<string, Ref[]>)) mark(k, refs);
      for (const k in o) {
        const v = o[k];
        if (k !== 'ref' && k !== 'fieldRefs' && v !== null && typeof v === 'object' && !isText(v)) visit(v, k);
      }
    };
    visit(r, 'registers');
    if (cols.size) out.set(r.id, cols);
  }
  return out;
}

/** The controller block's rows that show a fact nobody has confirmed. */
const CONTROLLER_FIELD_ROW: Record<string, keyof RecordLabels['block']> = {
  legalName: 'controller', brand: 'controller', registryCode: 'registryCode', registryName: 'registryCode', vatNumber: 'vatNumber',
  legalAddress: 'address', officeAddress: 'officeAddress', dpo: 'dpo', contact: 'contact',
};

function registerRow(def: ControllerDefinition, r: Register, version: number | undefined, tx: (t: Text) => string, lang: Lang, L: RecordLabels, labelLang: Lang): Record<RecordColumnKey, string> {
  const yesNo = (b: boolean) => (b ? L.yes : L.no);
  const recipients = r.recipients === 'none' ? [] : r.recipients;
  const transfers = r.transfers === 'none' ? [] : r.transfers;
  const bases = r.purposes.flatMap((p) => p.legalBases.map((b) => ({ p, b })));
  const cat = new Map(r.dataCategories.map((c) => [c.id, tx(c.name)]));
  const joint = [
    ...recipients.filter((x) => x.kind === 'joint-controller').map((x) => `${tx(x.name)}${x.description ? `: ${tx(x.description)}` : ''}`),
    ...def.groupCompanies.filter((g) => g.relation === 'joint-controller').map((g) => `${g.name} (${g.country})`),
  ];
  const consentPurposes = r.purposes.filter((p) => p.legalBases.some((b) => b.article === '6(1)(a)'));
  return {
    register: `${tx(r.name)} [${r.id}]`,
    version: version === undefined ? NONE : String(version),
    businessFunction: tx(r.businessFunction),
    purposes: lines(r.purposes.map((p) => `${tx(p.name)}: ${tx(p.description)}`)),
    jointController: lines(joint),
    subjects: lines(r.subjects.map((s) => tx(s.name))),
    dataCategories: lines(r.dataCategories.map((c) => `${tx(c.name)}${c.required ? '*' : ''}: ${tx(c.fields)}`)),
    specialCategories: lines(r.dataCategories.filter((c) => c.special).map((c) => tx(c.name))),
    art6: lines(bases.map(({ p, b }) => `${word('legalBasis', b.article, labelLang)} (${tx(p.name)})${b.legalObligation ? `: ${tx(b.legalObligation.law)}` : ''}`)),
    art9: lines(bases.filter(({ b }) => b.art9).map(({ b }) => `${word('art9Condition', b.art9!.condition, labelLang)}: ${tx(b.art9!.description)}`)),
    legitimateInterests: lines(bases.filter(({ b }) => b.legitimateInterest).map(({ p, b }) => `${tx(p.name)}: ${tx(b.legitimateInterest!)}${b.liaLink ? ` (${fill(L.assessment, { link: b.liaLink })})` : ''}`)),
    recipients: r.recipients === 'none' ? L.none : lines(recipients.map((x) => `${tx(x.name)} (${word('recipientKind', x.kind, labelLang)}${x.country ? `, ${word('country', x.country, labelLang)}` : ''})`)),
    processors: lines(recipients.filter((x) => x.kind === 'processor').map((x) => `${tx(x.name)}: ${x.dpa ? L.dpaInPlace : L.noDpa}${x.contractLink ? ` (${x.contractLink})` : ''}`)),
    thirdCountries: r.transfers === 'none' ? L.none : lines(transfers.map((t) => tx(t.destination))),
    safeguards: r.transfers === 'none' ? L.none : lines(transfers.map((t) => `${t.safeguard ? word('safeguard', t.safeguard, labelLang) : L.noSafeguard}: ${tx(t.safeguardDetail)}`)),
    retention: lines(r.retention.map((rule) => {
      const { period, anchor } = retentionTerms(rule, lang, tx, L, labelLang);
      return `${rule.categories.map((c) => cat.get(c) ?? c).join(', ')}: ${period}${anchor !== NONE ? `; ${fill(L.from, { anchor })}` : ''}; ${fill(L.then, { action: word('retentionAction', rule.action, labelLang) })} (${tx(rule.description)})`;
    })),
    security: lines(r.security.map((m) => `${tx(m.description)} (${word('securityType', m.type, labelLang)}, ${word('securityControl', m.control, labelLang)})`)),
    sources: lines(r.sources.map((s) => `${tx(s.description)} (${word('sourceKind', s.kind, labelLang)})`)),
    rights: lines(rightsForRegister(def, r).map((code) => word('right', code, labelLang))),
    automatedDecisions: lines([
      `${L.profiling}: ${yesNo(r.automatedDecisions.profiling)}; ${L.automatedDecisions}: ${yesNo(r.automatedDecisions.automatedDecisions)}${r.automatedDecisions.automatedDecisions ? `; ${L.significantEffects}: ${yesNo(!!r.automatedDecisions.significantEffects)}` : ''}`,
      r.automatedDecisions.logic && tx(r.automatedDecisions.logic),
    ]),
    location: tx(r.location),
    dpia: lines([`${r.dpia.required ? L.dpiaRequired : L.dpiaNotRequired}; ${L.dpiaStatus}: ${word('dpiaStatus', r.dpia.status, labelLang)}`, tx(r.dpia.reason), r.dpia.link]),
    // identifiers only in brackets beside their names
    consentRecord: consentPurposes.length ? fill(L.consentRecord, { id: `${tx(r.name)} [${r.id}]`, purposes: consentPurposes.map((p) => `${tx(p.name)} [${p.id}]`).join(', ') }) : NONE,
  };
}

/** "assumed" or "not stated" in the labels' language. */
function provenanceWord(mark: Unconfirmed, L: RecordLabels): string {
  return mark === 'assumed' ? L.assumed : L.notStated;
}

/** A cell whose fact nobody confirmed: its value with the label on a line of its own; an empty one just "not stated". */
function withProvenance(value: string, mark: Unconfirmed, L: RecordLabels): string {
  if (mark === 'unknown' && (value === NONE || value.trim() === '')) return L.notStated;
  return `${value}\n(${provenanceWord(mark, L)})`;
}

/** The versions used, listed up to 50 registers (a spreadsheet cell holds at most 32,767 characters); beyond, each row states its own. */
function versionsText(versions: RegisterVersionRef[], L: RecordLabels, nameOf: (key: string) => string | undefined): string {
  if (!versions.length) return NONE;
  if (versions.length > 50) return fill(L.versionsMany, { n: versions.length });
  // the register's name, its identifier in brackets beside it
  return versions.map((v) => `${nameOf(v.key) ?? ''} [${v.key}] v${v.version}`.trim()).join(', ');
}

/** The languages of the data's text columns: each of the controller's, and any other its registers' texts are written in. */
function dataLanguages(def: ControllerDefinition): Lang[] {
  const used = new Set<Lang>([...def.jurisdiction.languages, ...textLanguages(def.registers)]);
  return LANGS.filter((l) => used.has(l));
}

/** Builds the record of a controller definition (its registers as valid at `meta.asOf`). */
export function buildRecordModel(def: ControllerDefinition, meta: Omit<RecordMeta, 'controllerName' | 'slug'>): RecordModel {
  const { lang } = meta;
  const labelLang = meta.labelLang ?? 'en';
  const L = RECORD_LABELS[labelLang];
  const B = L.block;
  const tx = (t: Text) => resolveText(t, lang).text;
  const a = def.jurisdiction.authority;
  const versions = new Map(meta.registerVersions.map((v) => [v.key, v.version]));
  const dpo = def.dpo === 'none'
    ? L.dpoNone
    : [def.dpo.name, def.dpo.title && tx(def.dpo.title), def.dpo.email, def.dpo.phone].filter(Boolean).join(', ');
  const controller: [string, string][] = [
    [B.controller, def.brand ? `${def.legalName} ("${def.brand}")` : def.legalName],
    [B.registryCode, `${def.registryCode}${def.registryName ? ` (${tx(def.registryName)})` : ''}`],
    ...(def.vatNumber ? [[B.vatNumber, def.vatNumber] as [string, string]] : []),
    [B.address, isPlaceholderText(def.legalAddress.street) ? L.notStated : formatAddress(def.legalAddress, lang)],
    ...(def.officeAddress ? [[B.officeAddress, formatAddress(def.officeAddress, lang)] as [string, string]] : []),
    [B.contact, [def.contact.email, def.contact.phone, def.contact.web].filter((v) => !isPlaceholderText(v)).join(', ') || L.notStated],
    [B.dpo, dpo],
    [B.representative, def.representative ? `${def.representative.name}, ${def.representative.contact}` : L.representativeNone],
    // the authority's English name only in the English record
    [B.authority, `${a.name}${labelLang === 'en' && a.nameEn !== a.name ? ` (${a.nameEn})` : ''}, ${[formatAddress(a.address, labelLang), a.email, a.phone, a.web].filter(Boolean).join(', ')}`],
    [B.nationalAct, tx(def.jurisdiction.nationalAct.name)],
    [B.asOf, fill(L.asOfValue, { date: meta.asOf, zone: meta.timeZone })],
    [B.registerVersions, versionsText(meta.registerVersions, L, (key) => { const r = def.registers.find((x) => x.id === key); return r && tx(r.name); })],
    [B.generated, meta.generatedAt.toISOString()],
  ];
  const columnsUnconfirmed = unconfirmedColumns(def);
  const documents = Array.isArray(def.documents) ? def.documents : [];
  const unconfirmedRows = new Map<string, Unconfirmed>();
  for (const [field, row] of Object.entries(CONTROLLER_FIELD_ROW)) {
    const value = (def as unknown as Record<string, unknown>)[field];
    const own = value && typeof value === 'object' && Array.isArray((value as { ref?: unknown }).ref) ? (value as { ref: Ref[] }).ref : undefined;
    const refs = def.fieldRefs?.[field as keyof typeof def.fieldRefs] ?? own;
    const c = refs && unconfirmed(provenanceOf(refs as Ref[], documents).class);
    if (c && unconfirmedRows.get(B[row]) !== 'unknown') unconfirmedRows.set(B[row], c);
  }
  const marked: [string, string][] = controller.map(([k, v]) => {
    const mark = unconfirmedRows.get(k);
    return [k, mark ? withProvenance(v, mark, L) : v];
  });
  const retention: RetentionRow[] = [];
  for (const r of def.registers) {
    for (const rule of r.retention) {
      const { period, anchor } = retentionTerms(rule, lang, tx, L, labelLang);
      const mark = columnsUnconfirmed.get(r.id)?.get('retention');
      for (const c of rule.categories) {
        const category = r.dataCategories.find((x) => x.id === c);
        retention.push({ register: r.id, registerName: tx(r.name), category: c, categoryName: category ? tx(category.name) : c, period: mark ? `${period} (${provenanceWord(mark, L)})` : period, anchor, action: word('retentionAction', rule.action, labelLang), description: tx(rule.description) });
      }
    }
  }
  const security: SecurityRow[] = def.registers.map((r) => ({
    register: r.id,
    registerName: tx(r.name),
    items: Object.fromEntries(
      CNIL_SECURITY_ITEMS.map((item) => [item.key, r.security.filter((m) => (item.controls as readonly string[]).includes(m.control)).map((m) => tx(m.description))]),
    ) as Record<CnilSecurityItem, string[]>,
  }));
  return {
    meta: { ...meta, slug: def.slug, controllerName: def.legalName },
    labels: L,
    controller: marked,
    rows: def.registers.map((r) => {
      const values = registerRow(def, r, versions.get(r.id), tx, lang, L, labelLang);
      for (const [col, mark] of columnsUnconfirmed.get(r.id) ?? []) values[col] = withProvenance(values[col], mark, L);
      return { key: r.id, values, data: registerCells(r) };
    }),
    dataLangs: dataLanguages(def),
    retention,
    security,
  };
}
