import {
  ART9_TERMS, ControllerDefinition, Duration, LEGAL_BASIS_TERMS, Lang, RIGHT_TERMS, Register, RetentionRule, RightCode,
  SAFEGUARD_TERMS, Text, formatAddress, formatExpiry, isoDuration, resolveText,
} from '@regula/engine';
import { CNIL_SECURITY_ITEMS, CnilSecurityItem } from './cnil-security';
import { RecordColumnKey } from './record-columns';

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
  generatedAt: Date;
  registerVersions: RegisterVersionRef[];
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
  /** Art. 30(1)(a): the controller block, label and value. */
  controller: [string, string][];
  rows: { key: string; values: Record<RecordColumnKey, string> }[];
  retention: RetentionRow[];
  security: SecurityRow[];
}

const NONE = '—';
const lines = (items: (string | undefined | false)[]): string => items.filter((x): x is string => !!x).join('\n') || NONE;

/** A duration in words and as ISO 8601 ("10 years (P10Y)"); zero is "0 days (P0D)". */
export function durationText(d: Duration, lang: Lang): string {
  const words = formatExpiry(d, lang);
  return `${words || '0'} (${isoDuration(d)})`;
}

/** Period, anchor and action of a retention rule, for the CNIL retention table. */
export function retentionTerms(rule: RetentionRule, lang: Lang, tx: (t: Text) => string): { period: string; anchor: string } {
  switch (rule.kind) {
    case 'period':
      return { period: durationText(rule.period, lang), anchor: rule.anchor };
    case 'conditions':
      return {
        period: `while any condition holds (${rule.conditions.map((c) => tx(c.label)).join('; ')}), then ${durationText(rule.then, lang)}`,
        anchor: rule.conditions.map((c) => (c.plus ? `${c.endsAt} + ${durationText(c.plus, lang)}` : c.endsAt)).join('; '),
      };
    case 'as-long-as-necessary':
      return { period: 'as long as necessary (no enforceable period)', anchor: NONE };
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

function registerRow(def: ControllerDefinition, r: Register, version: number | undefined, tx: (t: Text) => string, lang: Lang): Record<RecordColumnKey, string> {
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
    art6: lines(bases.map(({ p, b }) => `${LEGAL_BASIS_TERMS[b.article].article} (${tx(p.name)})${b.legalObligation ? `: ${tx(b.legalObligation.law)}` : ''}`)),
    art9: lines(bases.filter(({ b }) => b.art9).map(({ b }) => `${ART9_TERMS[b.art9!.condition].article}: ${tx(b.art9!.description)}`)),
    legitimateInterests: lines(bases.filter(({ b }) => b.legitimateInterest).map(({ p, b }) => `${tx(p.name)}: ${tx(b.legitimateInterest!)}${b.liaLink ? ` (assessment: ${b.liaLink})` : ''}`)),
    recipients: r.recipients === 'none' ? 'none' : lines(recipients.map((x) => `${tx(x.name)} (${x.kind}${x.country ? `, ${x.country}` : ''})`)),
    processors: lines(recipients.filter((x) => x.kind === 'processor').map((x) => `${tx(x.name)}: ${x.dpa ? 'Art. 28 contract in place' : 'no Art. 28 contract recorded'}${x.contractLink ? ` (${x.contractLink})` : ''}`)),
    thirdCountries: r.transfers === 'none' ? 'none' : lines(transfers.map((t) => tx(t.destination))),
    safeguards: r.transfers === 'none' ? 'none' : lines(transfers.map((t) => `${t.safeguard ? SAFEGUARD_TERMS[t.safeguard].map((s) => s.article).join(' + ') : 'NO SAFEGUARD'}: ${tx(t.safeguardDetail)}`)),
    retention: lines(r.retention.map((rule) => {
      const { period, anchor } = retentionTerms(rule, lang, tx);
      return `${rule.categories.map((c) => cat.get(c) ?? c).join(', ')}: ${period}${anchor !== NONE ? ` from ${anchor}` : ''}, then ${rule.action} (${tx(rule.description)})`;
    })),
    security: lines(r.security.map((m) => `${tx(m.description)} (${m.type}, ${m.control})`)),
    sources: lines(r.sources.map((s) => `${tx(s.description)} (${s.kind})`)),
    rights: lines(rightsForRegister(def, r).map((code) => RIGHT_TERMS[code].article)),
    automatedDecisions: lines([
      `profiling: ${r.automatedDecisions.profiling ? 'yes' : 'no'}; automated decisions: ${r.automatedDecisions.automatedDecisions ? 'yes' : 'no'}${r.automatedDecisions.automatedDecisions ? `; legal or similarly significant effects: ${r.automatedDecisions.significantEffects ? 'yes' : 'no'}` : ''}`,
      r.automatedDecisions.logic && tx(r.automatedDecisions.logic),
    ]),
    location: tx(r.location),
    dpia: lines([`${r.dpia.required ? 'required' : 'not required'}; status: ${r.dpia.status}`, tx(r.dpia.reason), r.dpia.link]),
    consentRecord: consentPurposes.length
      ? `Regula consent records of register ${r.id}, purpose(s) ${consentPurposes.map((p) => p.id).join(', ')} (one per data subject, with the policy version consented to)`
      : NONE,
  };
}

/** The versions used, listed up to 50 registers (a spreadsheet cell holds at most 32,767 characters); beyond, each row states its own. */
function versionsText(versions: RegisterVersionRef[]): string {
  if (!versions.length) return NONE;
  if (versions.length > 50) return `${versions.length} registers; each row states its register version`;
  return versions.map((v) => `${v.key} v${v.version}`).join(', ');
}

/** Builds the record of a controller definition (its registers as valid at `meta.asOf`). */
export function buildRecordModel(def: ControllerDefinition, meta: Omit<RecordMeta, 'controllerName' | 'slug'>): RecordModel {
  const { lang } = meta;
  const tx = (t: Text) => resolveText(t, lang).text;
  const a = def.jurisdiction.authority;
  const versions = new Map(meta.registerVersions.map((v) => [v.key, v.version]));
  const dpo = def.dpo === 'none'
    ? 'none designated'
    : [def.dpo.name, def.dpo.title && tx(def.dpo.title), def.dpo.email, def.dpo.phone].filter(Boolean).join(', ');
  const controller: [string, string][] = [
    ['Controller', def.brand ? `${def.legalName} ("${def.brand}")` : def.legalName],
    ['Registry code', `${def.registryCode}${def.registryName ? ` (${tx(def.registryName)})` : ''}`],
    ...(def.vatNumber ? [['VAT number', def.vatNumber] as [string, string]] : []),
    ['Address', formatAddress(def.legalAddress, lang)],
    ...(def.officeAddress ? [['Office address', formatAddress(def.officeAddress, lang)] as [string, string]] : []),
    ['Contact', [def.contact.email, def.contact.phone, def.contact.web].filter(Boolean).join(', ')],
    ['Data protection officer', dpo],
    ['Representative (GDPR Art. 27)', def.representative ? `${def.representative.name}, ${def.representative.contact}` : 'none (established in the EU)'],
    ['Supervisory authority', `${a.name} (${a.nameEn}), ${formatAddress(a.address, lang)}, ${a.email}, ${a.phone}, ${a.web}`],
    ['National data-protection act', tx(def.jurisdiction.nationalAct.name)],
    ['As of', `${meta.asOf}, end of day, ${meta.timeZone}`],
    ['Register versions', versionsText(meta.registerVersions)],
    ['Generated', meta.generatedAt.toISOString()],
  ];
  const retention: RetentionRow[] = [];
  for (const r of def.registers) {
    for (const rule of r.retention) {
      const { period, anchor } = retentionTerms(rule, lang, tx);
      for (const c of rule.categories) {
        const category = r.dataCategories.find((x) => x.id === c);
        retention.push({ register: r.id, registerName: tx(r.name), category: c, categoryName: category ? tx(category.name) : c, period, anchor, action: rule.action, description: tx(rule.description) });
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
    controller,
    rows: def.registers.map((r) => ({ key: r.id, values: registerRow(def, r, versions.get(r.id), tx, lang) })),
    retention,
    security,
  };
}
