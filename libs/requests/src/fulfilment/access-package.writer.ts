import type { Lang } from '@regula/engine';
import { csvCell } from '@regula/platform';
import { localDateTime, type AccessPackage, type AccessPackageFrame, type PackageObjection, type PackageRecord, type PackageRegisterFrame } from './access-package.builder';
import { esc, htmlPage, valueHtml } from './html';
import { CSV_COLUMNS, label, LABELS, type LabelKey } from './fulfilment-text';

/**
 * Writes the access package as it goes (issue 16 §5): the frame (everything but
 * the records) is known first, then each register's records arrive in batches
 * and are rendered at once into the three formats, so a package of any size is
 * built in memory bounded by a batch. JSON (one record per line), a
 * self-contained HTML page and CSV (one row per record) are written to sinks;
 * what every record of a category shares (purposes, legal bases, recipients,
 * retention rule) is written once per register, never per record.
 */

/** Where a format's text goes, piece by piece. */
export interface PackageSink {
  write(text: string): void;
}

export type PackageFormat = 'html' | 'json' | 'csv';
export type PackageSinks = Record<PackageFormat, PackageSink>;

/** The CSV's column keys (one per column; the header row is `CSV_COLUMNS` in the package's language). */
export const ACCESS_CSV_HEADER = [
  'register', 'register_name', 'category', 'category_name', 'value', 'collected_at', 'source_system', 'erasure_due', 'restricted', 'record_id',
] as const;

const csvRow = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Splits a complete HTML page around its body, so the body can be written in pieces between the two halves. */
const BODY_MARK = '\u0000body\u0000';

export class AccessPackageWriter {
  private readonly lang: Lang;
  private readonly tz: string;
  private register: PackageRegisterFrame | null = null;
  private registerIndex = 0;
  private recordsInRegister = 0;
  private categoryNames = new Map<string, string>();
  private readonly pageEnd: string;

  constructor(private readonly frame: AccessPackageFrame, private readonly out: PackageSinks) {
    this.lang = frame.language;
    this.tz = frame.timeZone;
    const [start, end] = htmlPage(this.lang, `${label('title', this.lang)}: ${frame.controller.name}`, BODY_MARK).split(BODY_MARK);
    this.pageEnd = end;
    const { registers: _registers, objections: _o, staffNotes: _n, rights: _r, authority: _a, ...head } = frame;
    out.json.write(`${JSON.stringify(head).slice(0, -1)},"registers":[`);
    out.html.write(start + this.headHtml());
    out.csv.write(csvRow(CSV_COLUMNS[this.lang]));
  }

  /** Starts the next register of the frame (in the frame's order). */
  beginRegister(r: PackageRegisterFrame): void {
    this.register = r;
    this.recordsInRegister = 0;
    this.categoryNames = new Map(r.categories.map((c) => [c.id, c.name]));
    this.out.json.write(`${this.registerIndex++ ? ',' : ''}\n${JSON.stringify(r).slice(0, -1)},"records":[`);
    const lang = this.lang;
    const parts = [`<section class="register"><h2>${esc(label('register', lang))}: ${esc(r.name)}</h2>`];
    if (r.description) parts.push(`<p>${esc(r.description)}</p>`);
    parts.push(this.h3('purposes'));
    parts.push(this.list(r.purposes.map((p) => {
      const bases = p.legalBases.map((b) => `<li><strong>${esc(b.label)}</strong>${b.description ? `: ${esc(b.description)}` : ''}${b.legitimateInterest ? `<br>${esc(label('legitimateInterest', lang))}: ${esc(b.legitimateInterest)}` : ''}${b.law ? `<br>${esc(label('legalObligation', lang))}: ${esc(b.law)}` : ''}</li>`).join('');
      return `<strong>${esc(p.name)}</strong>: ${esc(p.description)}<ul>${bases}</ul>`;
    })));
    parts.push(this.h3('data'));
    if (r.categories.some((c) => c.records > 0)) {
      parts.push(`<table><thead><tr><th>${esc(label('category', lang))}</th><th>${esc(label('value', lang))}</th><th>${esc(label('collected', lang))}</th><th>${esc(label('erasureDue', lang))}</th></tr></thead><tbody>`);
    } else {
      parts.push(`<p>${esc(label('noData', lang))}</p>`);
    }
    this.out.html.write(`${parts.join('\n')}\n`);
  }

  /** One record of the current register. */
  record(rec: PackageRecord): void {
    const r = this.register;
    if (!r) throw new Error('a record outside a register');
    const lang = this.lang;
    const category = this.categoryNames.get(rec.categoryId) ?? rec.categoryId;
    this.out.json.write(`${this.recordsInRegister++ ? ',' : ''}\n${JSON.stringify(rec)}`);
    const restricted = rec.restricted ? `<div class="note">${esc(label('restricted', lang))}${rec.restricted.reason ? `: ${esc(rec.restricted.reason)}` : ''}</div>` : '';
    this.out.html.write(`<tr><td>${esc(category)}</td><td>${valueHtml(rec.value)}${restricted}</td><td>${esc(localDateTime(rec.collectedAt, this.tz))}</td><td>${esc(rec.erasureDue ?? label('notYetDetermined', lang))}</td></tr>\n`);
    this.out.csv.write(csvRow([
      r.id, r.name, rec.categoryId, category, rec.value, rec.collectedAt, rec.sourceSystem, rec.erasureDue,
      rec.restricted ? rec.restricted.reason ?? label('yes', lang) : '', rec.recordId,
    ]));
  }

  /** Ends the current register: the rest of its facts. */
  endRegister(): void {
    const r = this.register;
    if (!r) return;
    this.out.json.write(']}');
    const lang = this.lang;
    const yesNo = (b: boolean) => esc(label(b ? 'yes' : 'no', lang));
    const parts: string[] = [];
    if (r.categories.some((c) => c.records > 0)) parts.push('</tbody></table>');
    // What every record of a category shares, once per category (issue 16 §5: not repeated per record).
    const held = r.categories.filter((c) => c.records > 0 && (c.purposes.length || c.legalBases.length || c.recipients.length || c.retention.rule));
    if (held.length) {
      parts.push(this.h3('categories'));
      parts.push(this.list(held.map((c) => [
        `<strong>${esc(c.name)}</strong> (${esc(c.records)})`,
        c.purposes.length ? `${esc(label('purposesOnly', lang))}: ${esc(c.purposes.join('; '))}` : '',
        c.legalBases.length ? `${esc(label('legalBases', lang))}: ${esc(c.legalBases.join('; '))}` : '',
        c.recipients.length ? `${esc(label('recipients', lang))}: ${esc(c.recipients.join('; '))}` : '',
        c.retention.rule ? `${esc(label('retention', lang))}: ${esc(c.retention.rule)}` : '',
      ].filter(Boolean).join('<br>'))));
    }
    parts.push(this.h3('retention'));
    parts.push(this.list(r.retention.map((x) => `${esc(x.categories.join(', '))}: ${esc(x.description)}`)));
    parts.push(this.h3('recipients'));
    parts.push(this.list(r.recipients.map((x) => `<strong>${esc(x.name)}</strong> (${esc(x.kindLabel)})${x.description ? `: ${esc(x.description)}` : ''}`)));
    parts.push(this.h3('transfers'));
    parts.push(this.list(r.transfers.map((t) => `${esc(t.destination)} (${esc(t.recipients.join(', '))}). ${esc(label('safeguard', lang))}: ${esc(t.safeguardLabel)}${t.detail ? `. ${esc(t.detail)}` : ''}`)));
    parts.push(this.h3('sources'));
    parts.push(this.list(r.sources.map((s) => `${esc(s.description)}${s.categories.length ? ` (${esc(s.categories.join(', '))})` : ''}`)));
    parts.push(this.h3('automated'));
    const ad = r.automatedDecisions;
    parts.push(`<ul><li>${esc(label('profiling', lang))}: ${yesNo(ad.profiling)}</li><li>${esc(label('automatedDecisions', lang))}: ${yesNo(ad.automatedDecisions)}</li><li>${esc(label('significantEffects', lang))}: ${yesNo(ad.significantEffects)}</li>${ad.logic ? `<li>${esc(label('logic', lang))}: ${esc(ad.logic)}</li>` : ''}</ul>`);
    if (r.consents.length) {
      parts.push(this.h3('consents'));
      parts.push(this.list(r.consents.map((c) => `${esc(c.purpose)}: ${esc(label('given', lang))} ${esc(localDateTime(c.givenAt, this.tz))} (${esc(c.channel)})${c.withdrawnAt ? `; ${esc(label('withdrawn', lang))} ${esc(localDateTime(c.withdrawnAt, this.tz))}` : ''}${c.withdrawalEffectiveAt && c.withdrawalEffectiveAt !== c.withdrawnAt ? `, ${esc(label('effective', lang))} ${esc(localDateTime(c.withdrawalEffectiveAt, this.tz))}` : ''}`)));
    }
    if (r.objections.length) {
      parts.push(this.h3('objections'));
      parts.push(this.objectionsHtml(r.objections));
    }
    if (r.disclosures.length) {
      parts.push(this.h3('disclosures'));
      parts.push(this.list(r.disclosures.map((d) => `${esc(localDateTime(d.date, this.tz))}: ${esc(d.recipient)} (${esc(d.categories.join(', '))})`)));
    }
    parts.push('</section>');
    this.out.html.write(`${parts.join('\n')}\n`);
    this.register = null;
  }

  /** Ends the package: what follows the registers. */
  end(): void {
    this.endRegister();
    const { objections, staffNotes, rights, authority } = this.frame;
    this.out.json.write(`\n],${JSON.stringify({ objections, staffNotes, rights, authority }).slice(1)}\n`);
    const lang = this.lang;
    const body: string[] = [];
    if (objections.length) {
      body.push(`<h2>${esc(label('objections', lang))}</h2>`);
      body.push(this.objectionsHtml(objections));
    }
    if (staffNotes.length) {
      body.push(`<h2>${esc(label('staffNotes', lang))}</h2>`);
      body.push(this.list(staffNotes.map((n) => `${esc(localDateTime(n.at, this.tz))} (${esc(n.request)}): ${esc(n.text)}`)));
    }
    body.push(`<h2>${esc(label('rights', lang))}</h2>`);
    body.push(this.list(rights.map((r) => `<strong>${esc(r.label)}</strong>: ${esc(r.description)}${r.conditions ? ` <em>${esc(r.conditions)}</em>` : ''}`)));
    const a = authority;
    body.push(`<h2>${esc(label('authority', lang))}</h2>`);
    // the authority's English name only in an English package
    body.push(`<p>${esc(a.name)}${lang === 'en' && a.nameEn !== a.name ? ` (${esc(a.nameEn)})` : ''}<br>${esc(a.address)}<br>${esc(a.email)} · ${esc(a.phone)} · ${esc(a.web)}</p>`);
    this.out.html.write(body.join('\n') + this.pageEnd);
  }

  private headHtml(): string {
    const { lang, tz, frame } = this;
    const c = frame.controller;
    const body: string[] = [
      `<h1>${esc(label('title', lang))}</h1>`,
      `<p>${esc(label('intro', lang, { controller: c.name }))}</p>`,
      `<p class="meta">${esc(label('request', lang))}: ${esc(frame.request.reference)} · ${esc(label('prepared', lang))}: ${esc(localDateTime(frame.generatedAt, tz))}</p>`,
      `<h2>${esc(label('controller', lang))}</h2>`,
      `<p>${[esc(`${c.name}, ${c.registryCode}`), c.address && esc(c.address), [c.email, c.phone].filter(Boolean).map((v) => esc(v!)).join(' · ')].filter(Boolean).join('<br>')}</p>`,
    ];
    if (c.dpo) body.push(`<p>${esc(label('dpo', lang))}: ${esc([c.dpo.name, c.dpo.email, c.dpo.phone].filter(Boolean).join(', '))}</p>`);
    if (frame.subject.identifiers.length || frame.subject.name) {
      body.push(`<h2>${esc(label('identifiers', lang))}</h2>`);
      body.push(this.list([...(frame.subject.name ? [esc(frame.subject.name)] : []), ...frame.subject.identifiers.map((i) => `${esc(identifierKind(i.kind, lang))}: ${esc(i.value)}`)]));
    }
    if (!frame.registers.length) body.push(`<p class="note">${esc(label('nothingHeld', lang))}</p>`);
    return `${body.join('\n')}\n`;
  }

  private h3(key: LabelKey): string {
    return `<h3>${esc(label(key, this.lang))}</h3>`;
  }

  private list(items: string[]): string {
    return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${esc(label('none', this.lang))}</p>`;
  }

  private objectionsHtml(objections: PackageObjection[]): string {
    const lang = this.lang;
    return this.list(
      objections.map((o) => `${esc(o.label)}${o.purpose ? ` (${esc(o.purpose)})` : ''}: ${esc(localDateTime(o.effectiveAt, this.tz))}${o.liftedAt ? `, ${esc(label('lifted', lang))} ${esc(localDateTime(o.liftedAt, this.tz))}` : ''}`),
    );
  }
}

/** An identifier's kind in words ("e-pasts"); the code itself for a kind without words. */
function identifierKind(kind: string, lang: Lang): string {
  const key = `identifierKind_${kind}`;
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? label(key as LabelKey, lang) : kind;
}

/** Collects what a writer writes (the in-memory renderings below). */
class TextSink implements PackageSink {
  private readonly parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  text(): string {
    return this.parts.join('');
  }
}

/** The three formats of a package held in memory (small packages, the specs); the worker streams them instead. */
export function renderAccessPackage(pkg: AccessPackage): Record<PackageFormat, string> {
  const sinks = { html: new TextSink(), json: new TextSink(), csv: new TextSink() };
  const { registers, ...rest } = pkg;
  const w = new AccessPackageWriter({ ...rest, registers: registers.map(({ records: _records, ...frame }) => frame) }, sinks);
  for (const { records, ...frame } of registers) {
    w.beginRegister(frame);
    for (const rec of records) w.record(rec);
    w.endRegister();
  }
  w.end();
  return { html: sinks.html.text(), json: sinks.json.text(), csv: sinks.csv.text() };
}

export const accessPackageJson = (pkg: AccessPackage): string => renderAccessPackage(pkg).json;
export const accessPackageHtml = (pkg: AccessPackage): string => renderAccessPackage(pkg).html;
export const accessPackageCsv = (pkg: AccessPackage): string => renderAccessPackage(pkg).csv;
