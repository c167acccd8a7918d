import {
  formatAddress as addressIn, formatLocalDate, isPlaceholderText, localDateOf, retentionDueAt, zonedDateTime,
  type Address, type Art6Basis, type ControllerDefinition, type Lang, type Register,
} from '@regula/engine';
import type { ObjectionKind } from '@regula/subjects';
import { toCsv } from '@regula/platform';
import { esc, htmlPage, valueHtml } from './html';
import {
  answerLanguage, basisLabel, CSV_COLUMNS, label, LABELS, type LabelKey, objectionKindLabel, recipientKindLabel, rightArticle, rightLabel, safeguardLabel, tr,
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
 * JSON, a self-contained HTML page and CSV (one row per record).
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

export interface PackageRecord {
  recordId: string;
  categoryId: string;
  category: string;
  fields: string;
  value: unknown;
  collectedAt: string;
  sourceSystem: string | null;
  purposes: string[];
  /** The legal bases of those purposes. */
  legalBases: string[];
  /** Recipients of this category. */
  recipients: string[];
  retention: { ruleId: string | null; rule: string; erasureDue: string | null };
  restricted: { since: string; reason: string | null } | null;
}

export interface PackageRegister {
  id: string;
  name: string;
  description: string;
  /** False when the register was retired from the definition since the data was stored. */
  current: boolean;
  purposes: PackagePurpose[];
  categories: { id: string; name: string; fields: string; providedBySubject: boolean; records: number }[];
  records: PackageRecord[];
  recipients: { id: string; kind: string; kindLabel: string; name: string; description: string; country: string | null }[];
  transfers: { id: string; destination: string; recipients: string[]; safeguard: string | null; safeguardLabel: string; detail: string }[];
  retention: { ruleId: string; categories: string[]; description: string }[];
  sources: { id: string; kind: string; description: string; categories: string[] }[];
  automatedDecisions: { profiling: boolean; automatedDecisions: boolean; significantEffects: boolean; logic: string | null };
  consents: { purposeId: string; purpose: string; givenAt: string; channel: string; withdrawnAt: string | null; withdrawalEffectiveAt: string | null }[];
  objections: PackageObjection[];
  disclosures: { date: string; recipient: string; categories: string[] }[];
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

export interface AccessPackage {
  format: 'regula/access-package@1';
  language: Lang;
  generatedAt: string;
  timeZone: string;
  request: { reference: string; receivedAt: string };
  controller: { name: string; registryCode: string; address: string; email: string; phone: string | null; dpo: { name: string | null; email: string | null; phone: string | null } | null };
  subject: { name: string | null; identifiers: { kind: string; value: string }[] };
  registers: PackageRegister[];
  /** Objections and restrictions that apply to every register. */
  objections: PackageObjection[];
  /** What the controller's staff noted about the subject on their requests (internal notes are personal data too). */
  staffNotes: { request: string; at: string; text: string }[];
  /** `label`: the right in words with its article, in the package's language. */
  rights: { right: string; article: string; label: string; description: string; conditions: string | null }[];
  authority: { name: string; nameEn: string; address: string; phone: string; email: string; web: string };
}

export function formatAddress(a: Address): string {
  return [a.careOf, a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function objectionView(o: ObjectionView, lang: Lang, purposeName: (id: string) => string | undefined = () => undefined): PackageObjection {
  return { kind: o.kind, label: objectionKindLabel(o.kind, lang), registerId: o.registerKey, purposeId: o.purposeId, purpose: o.purposeId ? purposeName(o.purposeId) || o.purposeId : null, effectiveAt: iso(o.effectiveAt)!, liftedAt: iso(o.liftedAt) };
}

function buildRegister(
  key: string, def: Register | undefined, records: RecordView[], data: SubjectData, disclosures: DisclosureView[], input: AccessPackageInput, lang: Lang,
): PackageRegister {
  const tz = input.controller.jurisdiction.timeZone;
  const consents = data.consents.filter((c) => c.registerKey === key);
  const objections = data.objections.filter((o) => o.registerKey === key);
  const heldCategories = [...new Set([...records.map((r) => r.categoryId), ...disclosures.flatMap((d) => d.categories)])];
  if (!def) {
    return {
      id: key, name: key, description: '', current: false, purposes: [],
      categories: [...new Set(records.map((r) => r.categoryId))].map((id) => ({ id, name: id, fields: '', providedBySubject: false, records: records.filter((r) => r.categoryId === id).length })),
      records: records.map((r) => ({
        recordId: r.id, categoryId: r.categoryId, category: r.categoryId, fields: '', value: r.value, collectedAt: iso(r.collectedAt)!,
        sourceSystem: data.sourceSystems[r.sourceSystemId] ?? null, purposes: [], legalBases: [], recipients: [],
        retention: { ruleId: null, rule: '', erasureDue: r.retentionDueAt ? formatLocalDate(localDateOf(new Date(r.retentionDueAt), tz)) : null },
        restricted: r.restrictedAt ? { since: iso(r.restrictedAt)!, reason: r.restrictionReason } : null,
      })),
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
    categories: categoryDefs.map((c) => ({
      id: c.id, name: tr(c.name, lang), fields: tr(c.fields, lang), providedBySubject: c.providedBySubject,
      records: records.filter((r) => r.categoryId === c.id).length,
    })),
    records: records.map((r) => {
      const rule = retentionRuleFor(def, r.categoryId);
      const due = r.retentionDueAt
        ? new Date(r.retentionDueAt)
        : rule
          ? retentionDueAt(rule, anchorsOf(r), { timeZone: tz, financialYearEnd: input.controller.financialYearEnd })
          : null;
      const cat = def.dataCategories.find((c) => c.id === r.categoryId);
      return {
        recordId: r.id,
        categoryId: r.categoryId,
        category: categoryName(r.categoryId),
        fields: tr(cat?.fields, lang),
        value: r.value,
        collectedAt: iso(r.collectedAt)!,
        sourceSystem: data.sourceSystems[r.sourceSystemId] ?? null,
        purposes: purposesFor(def, r.categoryId).map((p) => tr(p.name, lang)),
        legalBases: [...new Set(purposesFor(def, r.categoryId).flatMap((p) => p.legalBases.map((b) => basisLabel(b.article, lang))))],
        recipients: recipientsFor(def, [r.categoryId]).map((x) => `${tr(x.name, lang)} (${recipientKindLabel(x.kind, lang)})`),
        retention: { ruleId: rule?.id ?? null, rule: tr(rule?.description, lang), erasureDue: due ? formatLocalDate(localDateOf(due, tz)) : null },
        restricted: r.restrictedAt ? { since: iso(r.restrictedAt)!, reason: r.restrictionReason } : null,
      };
    }),
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

/** Disclosures the subject is told about: not Regula's own answers to them, not the withheld ones. */
export function reportableDisclosures(disclosures: DisclosureView[], withheld: string[] = []): DisclosureView[] {
  const hidden = new Set(withheld);
  return disclosures.filter((d) => d.recipientId !== 'data-subject' && !hidden.has(d.id));
}

export function buildAccessPackage(input: AccessPackageInput): AccessPackage {
  const lang = answerLanguage(input.request.locale);
  const { controller, data } = input;
  const defs = registerIndex(input.registers);
  const records = data.records.filter((r) => !r.erasedAt);
  const disclosures = reportableDisclosures(data.disclosures, input.withheldDisclosureIds);
  const keys = new Set<string>([
    ...records.map((r) => r.registerKey),
    ...data.consents.map((c) => c.registerKey),
    ...data.objections.filter((o) => o.registerKey).map((o) => o.registerKey as string),
    ...disclosures.map((d) => d.registerKey),
  ]);
  const order = [...input.registers.map((r) => r.id).filter((k) => keys.has(k)), ...[...keys].filter((k) => !defs.has(k)).sort()];
  const authority = controller.jurisdiction.authority;
  const dpo = controller.dpo === 'none' ? null : { name: controller.dpo.name ?? null, email: controller.dpo.email ?? null, phone: controller.dpo.phone ?? null };

  return {
    format: 'regula/access-package@1',
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
      buildRegister(key, defs.get(key), records.filter((r) => r.registerKey === key), data, disclosures.filter((d) => d.registerKey === key), input, lang),
    ),
    objections: data.objections.filter((o) => !o.registerKey).map((o) => objectionView(o, lang)),
    staffNotes: (data.requestNotes ?? []).map((n) => ({ request: n.reference, at: n.at.toISOString(), text: n.text })),
    rights: controller.rights.map((r) => ({ right: r.right, article: rightArticle(r.right), label: rightLabel(r.right, lang), description: tr(r.description, lang), conditions: r.conditions ? tr(r.conditions, lang) : null })),
    authority: {
      name: authority.name, nameEn: authority.nameEn, address: addressIn(authority.address, lang), phone: authority.phone, email: authority.email, web: authority.web,
    },
  };
}

// ---------------------------------------------------------------- renderers

export function accessPackageJson(pkg: AccessPackage): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** 'YYYY-MM-DD HH:MM' in the controller's time zone. */
export function localDateTime(isoString: string | null, timeZone: string): string {
  if (!isoString) return '';
  const z = zonedDateTime(new Date(isoString), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p(z.month)}-${p(z.day)} ${p(z.hour)}:${p(z.minute)}`;
}

function list(items: string[], lang: Lang): string {
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${esc(label('none', lang))}</p>`;
}

function objectionsHtml(objections: PackageObjection[], lang: Lang, tz: string): string {
  return list(
    objections.map((o) => `${esc(o.label)}${o.purpose ? ` (${esc(o.purpose)})` : ''}: ${esc(localDateTime(o.effectiveAt, tz))}${o.liftedAt ? `, ${esc(label('lifted', lang))} ${esc(localDateTime(o.liftedAt, tz))}` : ''}`),
    lang,
  );
}

function registerHtml(r: PackageRegister, lang: Lang, tz: string): string {
  const yesNo = (b: boolean) => esc(label(b ? 'yes' : 'no', lang));
  const h3 = (key: Parameters<typeof label>[0]) => `<h3>${esc(label(key, lang))}</h3>`;
  const parts: string[] = [`<section class="register"><h2>${esc(label('register', lang))}: ${esc(r.name)}</h2>`];
  if (r.description) parts.push(`<p>${esc(r.description)}</p>`);

  parts.push(h3('purposes'));
  parts.push(list(r.purposes.map((p) => {
    const bases = p.legalBases.map((b) => `<li><strong>${esc(b.label)}</strong>${b.description ? `: ${esc(b.description)}` : ''}${b.legitimateInterest ? `<br>${esc(label('legitimateInterest', lang))}: ${esc(b.legitimateInterest)}` : ''}${b.law ? `<br>${esc(label('legalObligation', lang))}: ${esc(b.law)}` : ''}</li>`).join('');
    return `<strong>${esc(p.name)}</strong>: ${esc(p.description)}<ul>${bases}</ul>`;
  }), lang));

  parts.push(h3('data'));
  if (r.records.length) {
    parts.push(`<table><thead><tr><th>${esc(label('category', lang))}</th><th>${esc(label('value', lang))}</th><th>${esc(label('collected', lang))}</th><th>${esc(label('erasureDue', lang))}</th></tr></thead><tbody>`);
    for (const rec of r.records) {
      const restricted = rec.restricted ? `<div class="note">${esc(label('restricted', lang))}${rec.restricted.reason ? `: ${esc(rec.restricted.reason)}` : ''}</div>` : '';
      parts.push(`<tr><td>${esc(rec.category)}</td><td>${valueHtml(rec.value)}${restricted}</td><td>${esc(localDateTime(rec.collectedAt, tz))}</td><td>${esc(rec.retention.erasureDue ?? label('notYetDetermined', lang))}</td></tr>`);
    }
    parts.push('</tbody></table>');
  } else {
    parts.push(`<p>${esc(label('noData', lang))}</p>`);
  }

  parts.push(h3('retention'));
  parts.push(list(r.retention.map((x) => `${esc(x.categories.join(', '))}: ${esc(x.description)}`), lang));
  parts.push(h3('recipients'));
  parts.push(list(r.recipients.map((x) => `<strong>${esc(x.name)}</strong> (${esc(x.kindLabel)})${x.description ? `: ${esc(x.description)}` : ''}`), lang));
  parts.push(h3('transfers'));
  parts.push(list(r.transfers.map((t) => `${esc(t.destination)} (${esc(t.recipients.join(', '))}). ${esc(label('safeguard', lang))}: ${esc(t.safeguardLabel)}${t.detail ? `. ${esc(t.detail)}` : ''}`), lang));
  parts.push(h3('sources'));
  parts.push(list(r.sources.map((s) => `${esc(s.description)}${s.categories.length ? ` (${esc(s.categories.join(', '))})` : ''}`), lang));
  parts.push(h3('automated'));
  const ad = r.automatedDecisions;
  parts.push(`<ul><li>${esc(label('profiling', lang))}: ${yesNo(ad.profiling)}</li><li>${esc(label('automatedDecisions', lang))}: ${yesNo(ad.automatedDecisions)}</li><li>${esc(label('significantEffects', lang))}: ${yesNo(ad.significantEffects)}</li>${ad.logic ? `<li>${esc(label('logic', lang))}: ${esc(ad.logic)}</li>` : ''}</ul>`);
  if (r.consents.length) {
    parts.push(h3('consents'));
    parts.push(list(r.consents.map((c) => `${esc(c.purpose)}: ${esc(label('given', lang))} ${esc(localDateTime(c.givenAt, tz))} (${esc(c.channel)})${c.withdrawnAt ? `; ${esc(label('withdrawn', lang))} ${esc(localDateTime(c.withdrawnAt, tz))}` : ''}${c.withdrawalEffectiveAt && c.withdrawalEffectiveAt !== c.withdrawnAt ? `, ${esc(label('effective', lang))} ${esc(localDateTime(c.withdrawalEffectiveAt, tz))}` : ''}`), lang));
  }
  if (r.objections.length) {
    parts.push(h3('objections'));
    parts.push(objectionsHtml(r.objections, lang, tz));
  }
  if (r.disclosures.length) {
    parts.push(h3('disclosures'));
    parts.push(list(r.disclosures.map((d) => `${esc(localDateTime(d.date, tz))}: ${esc(d.recipient)} (${esc(d.categories.join(', '))})`), lang));
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function accessPackageHtml(pkg: AccessPackage): string {
  const lang = pkg.language;
  const tz = pkg.timeZone;
  const c = pkg.controller;
  const body: string[] = [
    `<h1>${esc(label('title', lang))}</h1>`,
    `<p>${esc(label('intro', lang, { controller: c.name }))}</p>`,
    `<p class="meta">${esc(label('request', lang))}: ${esc(pkg.request.reference)} · ${esc(label('prepared', lang))}: ${esc(localDateTime(pkg.generatedAt, tz))}</p>`,
    `<h2>${esc(label('controller', lang))}</h2>`,
    `<p>${[esc(`${c.name}, ${c.registryCode}`), c.address && esc(c.address), [c.email, c.phone].filter(Boolean).map((v) => esc(v!)).join(' · ')].filter(Boolean).join('<br>')}</p>`,
  ];
  if (c.dpo) body.push(`<p>${esc(label('dpo', lang))}: ${esc([c.dpo.name, c.dpo.email, c.dpo.phone].filter(Boolean).join(', '))}</p>`);
  if (pkg.subject.identifiers.length || pkg.subject.name) {
    body.push(`<h2>${esc(label('identifiers', lang))}</h2>`);
    body.push(list([...(pkg.subject.name ? [esc(pkg.subject.name)] : []), ...pkg.subject.identifiers.map((i) => `${esc(identifierKind(i.kind, lang))}: ${esc(i.value)}`)], lang));
  }
  if (!pkg.registers.length) body.push(`<p class="note">${esc(label('nothingHeld', lang))}</p>`);
  for (const r of pkg.registers) body.push(registerHtml(r, lang, tz));
  if (pkg.objections.length) {
    body.push(`<h2>${esc(label('objections', lang))}</h2>`);
    body.push(objectionsHtml(pkg.objections, lang, tz));
  }
  if (pkg.staffNotes.length) {
    body.push(`<h2>${esc(label('staffNotes', lang))}</h2>`);
    body.push(list(pkg.staffNotes.map((n) => `${esc(localDateTime(n.at, tz))} (${esc(n.request)}): ${esc(n.text)}`), lang));
  }
  body.push(`<h2>${esc(label('rights', lang))}</h2>`);
  body.push(list(pkg.rights.map((r) => `<strong>${esc(r.label)}</strong>: ${esc(r.description)}${r.conditions ? ` <em>${esc(r.conditions)}</em>` : ''}`), lang));
  const a = pkg.authority;
  body.push(`<h2>${esc(label('authority', lang))}</h2>`);
  // the authority's English name only in an English package
  body.push(`<p>${esc(a.name)}${lang === 'en' && a.nameEn !== a.name ? ` (${esc(a.nameEn)})` : ''}<br>${esc(a.address)}<br>${esc(a.email)} · ${esc(a.phone)} · ${esc(a.web)}</p>`);
  return htmlPage(lang, `${label('title', lang)}: ${c.name}`, body.join('\n'));
}

/** An identifier's kind in words ("e-pasts"); the code itself for a kind without words. */
function identifierKind(kind: string, lang: Lang): string {
  const key = `identifierKind_${kind}`;
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? label(key as LabelKey, lang) : kind;
}

/** The CSV's column keys (one per column; the header row is `CSV_COLUMNS` in the package's language). */
export const ACCESS_CSV_HEADER = [
  'register', 'register_name', 'category', 'category_name', 'value', 'collected_at', 'source_system', 'purposes', 'legal_bases',
  'recipients', 'transfers', 'retention', 'erasure_due', 'sources', 'restricted', 'record_id',
] as const;

/** One row per record held, with its register's facts (RFC 4180, formula-safe). */
export function accessPackageCsv(pkg: AccessPackage): string {
  const rows: unknown[][] = [];
  for (const r of pkg.registers) {
    const transfers = r.transfers.map((t) => `${t.destination}: ${t.safeguardLabel}`).join('; ');
    for (const rec of r.records) {
      const sources = r.sources.filter((s) => s.categories.includes(rec.category)).map((s) => s.description).join('; ');
      rows.push([
        r.id, r.name, rec.categoryId, rec.category, rec.value, rec.collectedAt, rec.sourceSystem, rec.purposes.join('; '), rec.legalBases.join('; '),
        rec.recipients.join('; '), transfers, rec.retention.rule, rec.retention.erasureDue, sources, rec.restricted ? rec.restricted.reason ?? label('yes', pkg.language) : '', rec.recordId,
      ]);
    }
  }
  return toCsv(CSV_COLUMNS[pkg.language], rows);
}
