import {
  formatAddress as addressIn, formatLocalDate, isPlaceholderText, localDateOf, retentionDueAt, zonedDateTime,
  type Address, type Art6Basis, type ControllerDefinition, type Lang, type Register,
} from '@regula/engine';
import type { ObjectionKind } from '@regula/subjects';
import {
  answerLanguage, basisLabel, objectionKindLabel, recipientKindLabel, rightArticle, rightLabel, safeguardLabel, tr,
} from './fulfilment-text';
import { anchorsOf, purposesFor, recipientsFor, registerIndex, retentionRuleFor, transfersOf } from './register-facts';
import type { DisclosureView, ObjectionView, RecordView, SubjectData } from './subject-data';

/**
 * The answer to an access request (GDPR Art. 15): a copy of the data
 * (15(3)) and, per processing activity, the purposes and legal bases (a),
 * the categories held (b), the recipients (c) and transfers with their
 * safeguards (15(2)), the retention rule and the record's due date (d), the
 * rights (e) and the authority (f), the sources (g) and automated decisions
 * (h). Built from the registers and the stored data only; pure. Rendered as
 * JSON, a self-contained HTML page and CSV (one row per record) by
 * `access-package.writer.ts`, which streams the records into the frame built here.
 */

export type ControllerFacts = Pick<
  ControllerDefinition,
  'legalName' | 'brand' | 'registryCode' | 'legalAddress' | 'contact' | 'dpo' | 'jurisdiction' | 'rights' | 'financialYearEnd'
>;

export interface AccessPackageInput {
  controller: ControllerFacts;
  registers: Register[];
  data: SubjectData;
  request: { reference: string; receivedAt: Date; locale: string };
  now: Date;
  /** Disclosures the controller may not reveal (Inomedis clause 38: criminal-procedure bodies). */
  withheldDisclosureIds?: string[];
}

export interface PackageLegalBasis {
  article: Art6Basis;
  label: string;
  description: string;
  legitimateInterest?: string;
  law?: string;
}

export interface PackagePurpose {
  id: string;
  name: string;
  description: string;
  legalBases: PackageLegalBasis[];
  directMarketing: boolean;
}

/**
 * One record: only what differs from record to record. What its category is
 * processed for, on which bases, who receives it and the retention rule are the
 * category's (`PackageCategory`), written once per register (issue 16 §5).
 */
export interface PackageRecord {
  recordId: string;
  categoryId: string;
  value: unknown;
  collectedAt: string;
  sourceSystem: string | null;
  /** The record's own erasure date (local YYYY-MM-DD; null: not yet determined). */
  erasureDue: string | null;
  restricted: { since: string; reason: string | null } | null;
}

/** A category held in a register, with the facts every record of it shares. */
export interface PackageCategory {
  id: string;
  name: string;
  fields: string;
  providedBySubject: boolean;
  /** How many records of it the package holds. */
  records: number;
  /** The purposes that process it, and their legal bases. */
  purposes: string[];
  legalBases: string[];
  /** Who receives it (name and kind). */
  recipients: string[];
  /** The retention rule that governs it. */
  retention: { ruleId: string | null; rule: string };
}

/** A register as the package describes it, without its records (the writer streams those). */
export interface PackageRegisterFrame {
  id: string;
  name: string;
  description: string;
  /** False when the register was retired from the definition since the data was stored. */
  current: boolean;
  purposes: PackagePurpose[];
  categories: PackageCategory[];
  recipients: { id: string; kind: string; kindLabel: string; name: string; description: string; country: string | null }[];
  transfers: { id: string; destination: string; recipients: string[]; safeguard: string | null; safeguardLabel: string; detail: string }[];
  retention: { ruleId: string; categories: string[]; description: string }[];
  sources: { id: string; kind: string; description: string; categories: string[] }[];
  automatedDecisions: { profiling: boolean; automatedDecisions: boolean; significantEffects: boolean; logic: string | null };
  consents: { purposeId: string; purpose: string; givenAt: string; channel: string; withdrawnAt: string | null; withdrawalEffectiveAt: string | null }[];
  objections: PackageObjection[];
  disclosures: { date: string; recipient: string; categories: string[] }[];
}

export interface PackageRegister extends PackageRegisterFrame {
  records: PackageRecord[];
}

export interface PackageObjection {
  kind: ObjectionKind;
  label: string;
  registerId: string | null;
  purposeId: string | null;
  /** The purpose's name in the package's language (the id where the register no longer names it). */
  purpose: string | null;
  effectiveAt: string;
  liftedAt: string | null;
}

/** The package without its records: everything written once (the writer streams the records into it). */
export interface AccessPackageFrame {
  format: 'regula/access-package@2';
  language: Lang;
  generatedAt: string;
  timeZone: string;
  request: { reference: string; receivedAt: string };
  controller: { name: string; registryCode: string; address: string; email: string; phone: string | null; dpo: { name: string | null; email: string | null; phone: string | null } | null };
  subject: { name: string | null; identifiers: { kind: string; value: string }[] };
  registers: PackageRegisterFrame[];
  /** Objections and restrictions that apply to every register. */
  objections: PackageObjection[];
  /** What the controller's staff noted about the subject on their requests (internal notes are personal data too). */
  staffNotes: { request: string; at: string; text: string }[];
  /** `label`: the right in words with its article, in the package's language. */
  rights: { right: string; article: string; label: string; description: string; conditions: string | null }[];
  authority: { name: string; nameEn: string; address: string; phone: string | null; email: string | null; web: string };
}

/** The whole package in memory (small packages, the specs): the frame with each register's records. */
export interface AccessPackage extends Omit<AccessPackageFrame, 'registers'> {
  registers: PackageRegister[];
}

/** How many records of a category a register holds (what the frame needs instead of the records themselves). */
export interface HeldCategory {
  registerKey: string;
  categoryId: string;
  records: number;
}

export function formatAddress(a: Address): string {
  return [a.careOf, a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function objectionView(o: ObjectionView, lang: Lang, purposeName: (id: string) => string | undefined = () => undefined): PackageObjection {
  return { kind: o.kind, label: objectionKindLabel(o.kind, lang), registerId: o.registerKey, purposeId: o.purposeId, purpose: o.purposeId ? purposeName(o.purposeId) || o.purposeId : null, effectiveAt: iso(o.effectiveAt)!, liftedAt: iso(o.liftedAt) };
}

/** What the frame of one register is built from: its held categories (with counts), its consents, objections and disclosures. */
function buildRegister(
  key: string, def: Register | undefined, held: HeldCategory[], data: PackageFacts, disclosures: DisclosureView[], lang: Lang,
): PackageRegisterFrame {
  const consents = data.consents.filter((c) => c.registerKey === key);
  const objections = data.objections.filter((o) => o.registerKey === key);
  const count = (id: string) => held.find((h) => h.categoryId === id)?.records ?? 0;
  const heldCategories = [...new Set([...held.map((h) => h.categoryId), ...disclosures.flatMap((d) => d.categories)])];
  if (!def) {
    return {
      id: key, name: key, description: '', current: false, purposes: [],
      categories: held.map((h) => ({ id: h.categoryId, name: h.categoryId, fields: '', providedBySubject: false, records: h.records, purposes: [], legalBases: [], recipients: [], retention: { ruleId: null, rule: '' } })),
      recipients: [], transfers: [], retention: [], sources: [],
      automatedDecisions: { profiling: false, automatedDecisions: false, significantEffects: false, logic: null },
      consents: consents.map((c) => ({ purposeId: c.purposeId, purpose: c.purposeId, givenAt: iso(c.givenAt)!, channel: c.channel, withdrawnAt: iso(c.withdrawnAt), withdrawalEffectiveAt: iso(c.withdrawalEffectiveAt) })),
      objections: objections.map((o) => objectionView(o, lang)),
      disclosures: disclosures.map((d) => ({ date: iso(d.disclosedAt)!, recipient: d.recipientName, categories: d.categories })),
    };
  }

  const categoryName = (id: string) => tr(def.dataCategories.find((c) => c.id === id)?.name, lang) || id;
  const consentedPurposes = new Set(consents.map((c) => c.purposeId));
  let purposes = def.purposes.filter((p) => p.categories.some((c) => heldCategories.includes(c)) || consentedPurposes.has(p.id));
  if (!purposes.length) purposes = def.purposes;
  const rulesHeld = def.retention.filter((r) => r.categories.some((c) => heldCategories.includes(c)));
  const recipients = recipientsFor(def, heldCategories);
  const recipientIds = new Set(recipients.map((r) => r.id));
  const categoryDefs = def.dataCategories.filter((c) => heldCategories.includes(c.id));
  const sourceIds = new Set(categoryDefs.flatMap((c) => c.sources));
  const categoryFacts = (id: string): Pick<PackageCategory, 'purposes' | 'legalBases' | 'recipients' | 'retention'> => {
    const rule = retentionRuleFor(def, id);
    return {
      purposes: purposesFor(def, id).map((p) => tr(p.name, lang)),
      legalBases: [...new Set(purposesFor(def, id).flatMap((p) => p.legalBases.map((b) => basisLabel(b.article, lang))))],
      recipients: recipientsFor(def, [id]).map((x) => `${tr(x.name, lang)} (${recipientKindLabel(x.kind, lang)})`),
      retention: { ruleId: rule?.id ?? null, rule: tr(rule?.description, lang) },
    };
  };
  // Records of a category the register no longer defines are still listed, under their id.
  const undefinedHeld = held.filter((h) => !def.dataCategories.some((c) => c.id === h.categoryId));

  return {
    id: def.id,
    name: tr(def.name, lang),
    description: tr(def.description, lang),
    current: true,
    purposes: purposes.map((p) => ({
      id: p.id,
      name: tr(p.name, lang),
      description: tr(p.description, lang),
      directMarketing: !!p.directMarketing,
      legalBases: p.legalBases.map((b) => ({
        article: b.article,
        label: basisLabel(b.article, lang),
        description: tr(b.description, lang),
        ...(b.legitimateInterest ? { legitimateInterest: tr(b.legitimateInterest, lang) } : {}),
        ...(b.legalObligation ? { law: tr(b.legalObligation.law, lang) } : {}),
      })),
    })),
    categories: [
      ...categoryDefs.map((c) => ({ id: c.id, name: tr(c.name, lang), fields: tr(c.fields, lang), providedBySubject: c.providedBySubject, records: count(c.id), ...categoryFacts(c.id) })),
      ...undefinedHeld.map((h) => ({ id: h.categoryId, name: h.categoryId, fields: '', providedBySubject: false, records: h.records, purposes: [], legalBases: [], recipients: [], retention: { ruleId: null, rule: '' } })),
    ],
    recipients: recipients.map((r) => ({
      id: r.id, kind: r.kind, kindLabel: recipientKindLabel(r.kind, lang), name: tr(r.name, lang), description: tr(r.description, lang), country: r.country ?? null,
    })),
    transfers: transfersOf(def)
      .filter((t) => t.recipients.some((id) => recipientIds.has(id)))
      .map((t) => ({
        id: t.id,
        destination: tr(t.destination, lang),
        recipients: t.recipients.map((id) => tr(recipients.find((r) => r.id === id)?.name, lang) || id),
        safeguard: t.safeguard,
        safeguardLabel: safeguardLabel(t.safeguard, lang),
        detail: tr(t.safeguardDetail, lang),
      })),
    retention: rulesHeld.map((r) => ({ ruleId: r.id, categories: r.categories.filter((c) => heldCategories.includes(c)).map(categoryName), description: tr(r.description, lang) })),
    sources: def.sources
      .filter((s) => sourceIds.has(s.id))
      .map((s) => ({ id: s.id, kind: s.kind, description: tr(s.description, lang), categories: categoryDefs.filter((c) => c.sources.includes(s.id)).map((c) => tr(c.name, lang)) })),
    automatedDecisions: {
      profiling: def.automatedDecisions.profiling,
      automatedDecisions: def.automatedDecisions.automatedDecisions,
      significantEffects: def.automatedDecisions.significantEffects,
      logic: def.automatedDecisions.logic ? tr(def.automatedDecisions.logic, lang) : null,
    },
    consents: consents.map((c) => ({
      purposeId: c.purposeId,
      purpose: tr(def.purposes.find((p) => p.id === c.purposeId)?.name, lang) || c.purposeId,
      givenAt: iso(c.givenAt)!,
      channel: c.channel,
      withdrawnAt: iso(c.withdrawnAt),
      withdrawalEffectiveAt: iso(c.withdrawalEffectiveAt),
    })),
    objections: objections.map((o) => objectionView(o, lang, (id) => tr(def.purposes.find((p) => p.id === id)?.name, lang))),
    disclosures: disclosures.map((d) => ({ date: iso(d.disclosedAt)!, recipient: d.recipientName, categories: d.categories.map(categoryName) })),
  };
}

/**
 * A function turning one stored record of a register into the package's record:
 * its erasure date (stored, else computed from the category's rule) in the
 * controller's calendar. Made once per register, called per record.
 */
export function packageRecordOf(
  def: Register | undefined, controller: Pick<ControllerFacts, 'jurisdiction' | 'financialYearEnd'>, sourceSystems: Record<string, string>,
): (r: RecordView) => PackageRecord {
  const tz = controller.jurisdiction.timeZone;
  const rules = new Map<string, ReturnType<typeof retentionRuleFor>>();
  const ruleOf = (categoryId: string) => {
    if (!def) return undefined;
    if (!rules.has(categoryId)) rules.set(categoryId, retentionRuleFor(def, categoryId));
    return rules.get(categoryId);
  };
  return (r) => {
    const rule = ruleOf(r.categoryId);
    const due = r.retentionDueAt
      ? new Date(r.retentionDueAt)
      : rule
        ? retentionDueAt(rule, anchorsOf(r), { timeZone: tz, financialYearEnd: controller.financialYearEnd })
        : null;
    return {
      recordId: r.id,
      categoryId: r.categoryId,
      value: r.value,
      collectedAt: iso(r.collectedAt)!,
      sourceSystem: sourceSystems[r.sourceSystemId] ?? null,
      erasureDue: due ? formatLocalDate(localDateOf(due, tz)) : null,
      restricted: r.restrictedAt ? { since: iso(r.restrictedAt)!, reason: r.restrictionReason } : null,
    };
  };
}

/** Disclosures the subject is told about: not Regula's own answers to them, not the withheld ones. */
export function reportableDisclosures(disclosures: DisclosureView[], withheld: string[] = []): DisclosureView[] {
  const hidden = new Set(withheld);
  return disclosures.filter((d) => d.recipientId !== 'data-subject' && !hidden.has(d.id));
}

/** What the frame is built from: the subject's data without the records, and the categories held (with counts) instead. */
export type PackageFacts = Omit<SubjectData, 'records'>;

export interface AccessFrameInput extends Omit<AccessPackageInput, 'data'> {
  data: PackageFacts;
  held: HeldCategory[];
}

/** The package's frame: everything but the records, each register's facts once. */
export function buildAccessFrame(input: AccessFrameInput): AccessPackageFrame {
  const lang = answerLanguage(input.request.locale);
  const { controller, data } = input;
  const defs = registerIndex(input.registers);
  const disclosures = reportableDisclosures(data.disclosures, input.withheldDisclosureIds);
  const keys = new Set<string>([
    ...input.held.map((h) => h.registerKey),
    ...data.consents.map((c) => c.registerKey),
    ...data.objections.filter((o) => o.registerKey).map((o) => o.registerKey as string),
    ...disclosures.map((d) => d.registerKey),
  ]);
  const order = [...input.registers.map((r) => r.id).filter((k) => keys.has(k)), ...[...keys].filter((k) => !defs.has(k)).sort()];
  const authority = controller.jurisdiction.authority;
  const dpo = controller.dpo === 'none' ? null : { name: controller.dpo.name ?? null, email: controller.dpo.email ?? null, phone: controller.dpo.phone ?? null };

  return {
    format: 'regula/access-package@2',
    language: lang,
    generatedAt: input.now.toISOString(),
    timeZone: controller.jurisdiction.timeZone,
    request: { reference: input.request.reference, receivedAt: input.request.receivedAt.toISOString() },
    controller: {
      name: controller.brand && !controller.legalName.includes(controller.brand) ? `${controller.legalName} (${controller.brand})` : controller.legalName,
      registryCode: controller.registryCode,
      // a value the controller has still to supply is left out, never printed as a fact
      address: isPlaceholderText(controller.legalAddress.street) ? '' : addressIn(controller.legalAddress, lang),
      email: isPlaceholderText(controller.contact.email) ? '' : controller.contact.email,
      phone: controller.contact.phone ?? null,
      dpo,
    },
    subject: { name: data.subject.displayName, identifiers: data.identifiers.map((i) => ({ kind: i.kind, value: i.value })) },
    registers: order.map((key) =>
      buildRegister(key, defs.get(key), input.held.filter((h) => h.registerKey === key), data, disclosures.filter((d) => d.registerKey === key), lang),
    ),
    objections: data.objections.filter((o) => !o.registerKey).map((o) => objectionView(o, lang)),
    staffNotes: (data.requestNotes ?? []).map((n) => ({ request: n.reference, at: n.at.toISOString(), text: n.text })),
    rights: controller.rights.map((r) => ({ right: r.right, article: rightArticle(r.right), label: rightLabel(r.right, lang), description: tr(r.description, lang), conditions: r.conditions ? tr(r.conditions, lang) : null })),
    authority: {
      name: authority.name, nameEn: authority.nameEn, address: addressIn(authority.address, lang), phone: authority.phone ?? null, email: authority.email ?? null, web: authority.web,
    },
  };
}

/** The categories a list of records holds, per register, with counts (in the order the records come). */
export function heldCategoriesOf(records: RecordView[]): HeldCategory[] {
  const held = new Map<string, HeldCategory>();
  for (const r of records) {
    const key = `${r.registerKey}\u0000${r.categoryId}`;
    const h = held.get(key) ?? { registerKey: r.registerKey, categoryId: r.categoryId, records: 0 };
    h.records += 1;
    held.set(key, h);
  }
  return [...held.values()];
}

/** The whole package in memory, from records already loaded (small packages and the specs; the worker streams: `access-package.writer.ts`). */
export function buildAccessPackage(input: AccessPackageInput): AccessPackage {
  const records = input.data.records.filter((r) => !r.erasedAt);
  const frame = buildAccessFrame({ ...input, held: heldCategoriesOf(records) });
  const defs = registerIndex(input.registers);
  return {
    ...frame,
    registers: frame.registers.map((r) => {
      const toRecord = packageRecordOf(defs.get(r.id), input.controller, input.data.sourceSystems);
      return { ...r, records: records.filter((x) => x.registerKey === r.id).map(toRecord) };
    }),
  };
}

/** 'YYYY-MM-DD HH:MM' in the controller's time zone. */
export function localDateTime(isoString: string | null, timeZone: string): string {
  if (!isoString) return '';
  const z = zonedDateTime(new Date(isoString), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p(z.month)}-${p(z.day)} ${p(z.hour)}:${p(z.minute)}`;
}
