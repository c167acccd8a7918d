import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Readable, pipeline } from 'node:stream';

import { ControllerDefinition, Lang } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { CLOCK, Clock, DomainError, InvalidInputError, NotFoundError, OperationFailedError, TenantDb, systemClock } from '@regula/platform';
import { ControllerDefinitionService, StoredDefinition } from '@regula/registers';
import { TenantEntity } from '@regula/tenancy';
import { AsOf, ExportDateError, ExportPeriod, resolveAsOf, resolvePeriod } from './as-of';
import { descriptionHtml } from './descriptions/description-html.builder';
import { buildDescriptionModel } from './descriptions/description-model';
import { descriptionPdf } from './descriptions/description-pdf.builder';
import { evidencePackFiles } from './evidence/evidence-pack.files';
import type { PackWords } from './evidence/pack-words';
import { evidencePackChunks } from './evidence/evidence-pack.builder';
import { EvidencePackSlots } from './evidence/evidence-pack-slots.service';
import { PdfWorkers } from './pdf/pdf-workers.service';
import type { PdfRender } from './pdf/pdf-worker.pool';
import { ManifestEntry } from './evidence/manifest';
import { ExportHashStream } from './export-hash.stream';
import { EvidenceSourcesService } from './evidence/evidence-sources.service';
import { CONTENT_TYPES, ExportFile, exportFile, safeFileName } from './export-file';
import { recordCsv } from './record/record-csv.builder';
import { recordJson, recordJsonLd } from './record/record-json.builder';
import { RecordMeta, RecordModel, buildRecordModel } from './record/record-model';
import { recordPdf } from './record/record-pdf.builder';
import { recordXlsx } from './record/record-xlsx.builder';

export const RECORD_FORMATS = ['xlsx', 'csv', 'pdf', 'json', 'jsonld'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const DESCRIPTION_FORMATS = ['html', 'pdf'] as const;
export type DescriptionFormat = (typeof DESCRIPTION_FORMATS)[number];

/** An export streamed while it is built (the evidence pack). */
export interface ExportStream {
  fileName: string;
  contentType: string;
  /** The bytes, hashed on the way (`hashed` is emitted before `end`); destroying it stops the build. */
  stream: ExportHashStream;
  /** Settles once the outcome has been audited and the slot freed. */
  done: Promise<ExportOutcome>;
}
export type ExportOutcome = 'created' | 'aborted' | 'failed';

export interface AuditedFile {
  fileName: string;
  sha256: string;
  size: number;
}
const audited = (f: ExportFile): AuditedFile => ({ fileName: f.fileName, sha256: f.sha256, size: f.body.length });
const isPrematureClose = (e: Error) => (e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Who asked for an export, for the audit log. */
export interface ExportActor {
  userId: string | null;
  label: string;
  ip?: string;
}

/**
 * Auditor exports: the Art. 30 record, the register descriptions and the
 * evidence pack, each built from the register versions valid at the as-of
 * date and written to the tenant's audit chain with its SHA-256.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
    private readonly sources: EvidenceSourcesService,
    private readonly slots: EvidencePackSlots,
    private readonly pdfWorkers: PdfWorkers,
    /** "Now" of an export (its as-of instant for today, when it was generated): the injectable CLOCK. */
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  private readonly log = new Logger('exports');

  async record(tenantId: string, format: RecordFormat, q: { asOf?: string; lang?: string }, actor: ExportActor): Promise<ExportFile> {
    const { stored, asOf } = await this.loadAsOf(tenantId, q.asOf);
    const lang = languageOf(stored.definition, q.lang);
    // The headings follow `lang` when it is asked for; otherwise they stay in English, the templates' language.
    const labelLang: Lang = q.lang === undefined ? 'en' : lang;
    const details = { export: 'record', format, asOf: asOf.date, lang, labelLang };
    const file = await this.built(tenantId, actor, details, () => recordFile(stored, asOf, format, lang, this.clock(), this.pdfWorkers.render, labelLang));
    await this.audited(tenantId, actor, details, audited(file));
    return file;
  }

  async description(tenantId: string, key: string, format: DescriptionFormat, q: { asOf?: string; lang?: string }, actor: ExportActor): Promise<ExportFile> {
    const { stored, asOf } = await this.loadAsOf(tenantId, q.asOf);
    const lang = languageOf(stored.definition, q.lang);
    const details = { export: 'register-description', register: key, format, asOf: asOf.date, lang };
    const file = await this.built(tenantId, actor, details, () => descriptionFile(stored, key, lang, format, asOf, this.clock(), this.pdfWorkers.render));
    await this.audited(tenantId, actor, details, audited(file));
    return file;
  }

  /**
   * The evidence pack as a stream: 400/404 for bad dates, 429 while this
   * tenant's pack (or two of any tenant) is being built; then the zip is
   * produced file by file while it is read. When the last byte has been read
   * the audit entry records the whole zip's SHA-256 and size; if the stream is
   * destroyed first (the client went away) or fails, an `export.aborted` entry
   * records how far it got. The slot is freed after that entry.
   */
  async evidencePack(tenantId: string, q: { from: string; to: string }, actor: ExportActor, words: PackWords): Promise<ExportStream> {
    const release = this.slots.acquire(tenantId);
    try {
      const tenant = await this.tenant(tenantId);
      const period = dated(() => resolvePeriod(q.from, q.to, tenant.timeZone, this.clock()));
      existedAt(tenant, period.asOf);
      const stored = await this.definitions.load(tenantId, period.asOf.instant);
      const generatedAt = this.clock();
      const languages = stored.definition.jurisdiction.languages;
      // one record model for the pack's four formats built from it (at 1,000 registers each build took 0.2-0.4 s)
      let model: RecordModel | undefined;
      const recordModel = () => (model ??= buildRecordModel(stored.definition, recordMeta(stored, period.asOf, languages[0], generatedAt, languages[0])));
      const files = evidencePackFiles(
        { stored, period, generatedAt, languages, words },
        {
          // the record whole in the controller's first language: its headings too, not an English frame around it
          record: (format) => recordFile(stored, period.asOf, format, languages[0], generatedAt, this.pdfWorkers.render, languages[0], recordModel),
          description: (key, lang, format) => descriptionFile(stored, key, lang, format, period.asOf, generatedAt, this.pdfWorkers.render),
        },
        await this.periodSources(tenantId, period),
        // descriptions started ahead of their turn: enough to keep every PDF worker busy
        2 * this.pdfWorkers.size,
      );
      const header = { controller: stored.definition.legalName, slug: tenant.slug, from: period.from, to: period.to, timeZone: tenant.timeZone, generatedAt };
      const manifest: ManifestEntry[] = [];
      const fileName = `${safeFileName(tenant.slug, 'evidence', period.from, period.to)}.zip`;
      const stream = new ExportHashStream();
      const details = { export: 'evidence-pack', format: 'zip', from: period.from, to: period.to, asOf: period.to };
      const done = new Promise<ExportOutcome>((resolve) => {
        let ended = false;
        stream.once('end', () => (ended = true));
        pipeline(Readable.from(evidencePackChunks(header, files, manifest), { objectMode: false }), stream, () => undefined);
        stream.once('close', () => {
          const failure = stream.errored ?? undefined;
          const outcome: ExportOutcome = ended ? 'created' : failure && !isPrematureClose(failure) ? 'failed' : 'aborted';
          if (outcome === 'failed') this.log.error(`${fileName} failed after ${stream.size} bytes: ${failure!.stack ?? failure!.message}`);
          const entry = outcome === 'created'
            ? this.audited(tenantId, actor, { ...details, files: manifest.length }, { fileName, sha256: stream.sha256!, size: stream.size })
            : this.auditedAbort(tenantId, actor, { ...details, fileName, bytesSent: stream.size, filesWritten: manifest.length, reason: outcome === 'failed' ? `error: ${failure!.message}` : 'the stream was closed before its end (client went away)' });
          Promise.resolve(entry)
            .catch((e: unknown) => this.log.error(`audit of ${fileName} failed: ${e instanceof Error ? e.message : String(e)}`))
            .finally(() => {
              release();
              resolve(outcome);
            });
        });
      });
      return { fileName, contentType: CONTENT_TYPES.zip, stream, done };
    } catch (e) {
      release();
      throw e;
    }
  }

  /**
   * Builds one file. A failure that is not one of our domain errors (a PDF worker
   * that died or timed out, a rendering error) is logged, audited as
   * `export.failed` with its reason and answered 500 with that reason.
   */
  private async built(tenantId: string, actor: ExportActor, details: Record<string, unknown>, build: () => Promise<ExportFile>): Promise<ExportFile> {
    try {
      return await build();
    } catch (e) {
      if (e instanceof DomainError) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      this.log.error(`${details.export} ${details.format} failed: ${e instanceof Error ? (e.stack ?? reason) : reason}`);
      await this.db
        .forTenant(tenantId, (em) =>
          this.audit.append(em, { tenantId, actorId: actor.userId, actor: actor.label, action: 'export.failed', targetType: 'export', targetId: `${details.export}.${details.format}`, details: { ...details, reason }, ip: actor.ip }),
        )
        .catch((a: unknown) => this.log.error(`audit of the failed export failed: ${a instanceof Error ? a.message : String(a)}`));
      throw new OperationFailedError(`the ${details.format} export could not be built: ${reason}`);
    }
  }

  private async periodSources(tenantId: string, period: ExportPeriod) {
    return {
      policies: await this.sources.publishedPolicies(tenantId, period.end),
      requests: await this.sources.requests(tenantId, period.start, period.end),
      requestLog: await this.sources.requestLog(tenantId, period.start, period.end),
      retentionRuns: await this.sources.retentionRuns(tenantId, period.start, period.end),
      breaches: await this.sources.breachRegister(tenantId, period.end),
      audit: await this.sources.auditLog(tenantId, period.start, period.end, { from: period.from, to: period.to }),
    };
  }

  private async tenant(tenantId: string): Promise<TenantEntity> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOne(TenantEntity, { where: { id: tenantId } }));
    if (!tenant) throw new NotFoundError('no such tenant');
    return tenant;
  }

  private async loadAsOf(tenantId: string, value: string | undefined): Promise<{ stored: StoredDefinition; asOf: AsOf }> {
    const tenant = await this.tenant(tenantId);
    const asOf = dated(() => resolveAsOf(value, tenant.timeZone, this.clock()));
    existedAt(tenant, asOf);
    return { stored: await this.definitions.load(tenantId, asOf.instant), asOf };
  }

  private audited(tenantId: string, actor: ExportActor, details: Record<string, unknown>, file: AuditedFile): Promise<unknown> {
    return auditExport(this.db, this.audit, tenantId, actor, details, file);
  }


  private auditedAbort(tenantId: string, actor: ExportActor, details: Record<string, unknown> & { fileName: string }): Promise<unknown> {
    return this.db.forTenant(tenantId, (em) =>
      this.audit.append(em, {
        tenantId,
        actorId: actor.userId,
        actor: actor.label,
        action: 'export.aborted',
        targetType: 'export',
        targetId: details.fileName,
        details,
        ip: actor.ip,
      }),
    );
  }
}

function dated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExportDateError) throw new InvalidInputError([e.message]);
    throw e;
  }
}

/** A date before the tenant was set up has no registers to show: 404, like an unknown register. */
function existedAt(tenant: TenantEntity, asOf: AsOf): void {
  if (tenant.createdAt.getTime() > asOf.instant.getTime()) {
    throw new NotFoundError(`${tenant.slug} has no registers on ${asOf.date}: it was set up on ${tenant.createdAt.toISOString().slice(0, 10)}`);
  }
}

/** The requested language, one the controller publishes in or English; by default its first language. */
export function languageOf(def: ControllerDefinition, lang: string | undefined): Lang {
  const langs: Lang[] = [...new Set<Lang>([...def.jurisdiction.languages, 'en'])];
  if (lang === undefined) return def.jurisdiction.languages[0];
  if (!langs.includes(lang as Lang)) {
    throw new InvalidInputError([`lang must be one of ${langs.join(', ')}`]);
  }
  return lang as Lang;
}

function recordMeta(stored: StoredDefinition, asOf: AsOf, lang: Lang, generatedAt: Date, labelLang: Lang): Omit<RecordMeta, 'controllerName' | 'slug'> {
  return { asOf: asOf.date, timeZone: asOf.timeZone, lang, labelLang, generatedAt, registerVersions: stored.registers, controllerVersion: stored.controllerVersion?.version ?? null };
}

/** `model` gives the record model of the same definition, date and languages when the caller already has one (the pack). */
async function recordFile(stored: StoredDefinition, asOf: AsOf, format: RecordFormat, lang: Lang, generatedAt: Date, pdf: PdfRender, labelLang: Lang = 'en', model?: () => RecordModel): Promise<ExportFile> {
  const def = stored.definition;
  const meta = recordMeta(stored, asOf, lang, generatedAt, labelLang);
  const name = `${safeFileName(def.slug, 'record', asOf.date)}.${format}`;
  const recordModel = model ?? (() => buildRecordModel(def, meta));
  switch (format) {
    case 'xlsx':
      return exportFile(name, format, await recordXlsx(recordModel()));
    case 'csv':
      return exportFile(name, format, recordCsv(recordModel()));
    case 'pdf':
      return exportFile(name, format, await recordPdf(recordModel(), pdf));
    case 'json':
      return exportFile(name, format, recordJson(def, meta));
    case 'jsonld':
      return exportFile(name, format, recordJsonLd(def, meta));
  }
}

async function descriptionFile(stored: StoredDefinition, key: string, lang: Lang, format: DescriptionFormat, asOf: AsOf, generatedAt: Date, pdf: PdfRender): Promise<ExportFile> {
  const register = stored.definition.registers.find((r) => r.id === key);
  const version = stored.registers.find((v) => v.key === key);
  if (!register || !version) throw new NotFoundError(`no register ${key} on ${asOf.date}`);
  const model = buildDescriptionModel(stored.definition, register, lang, { asOf: asOf.date, timeZone: asOf.timeZone, version: version.version });
  const name = `${safeFileName(stored.definition.slug, key, lang, asOf.date)}.${format}`;
  return format === 'html' ? exportFile(name, 'html', descriptionHtml(model)) : exportFile(name, 'pdf', await descriptionPdf(model, generatedAt, pdf));
}

/**
 * The audit entry of an export (`export.created`): what was exported (`details`:
 * no personal data), the file's name, SHA-256 and size, in the tenant's chain.
 * Every export writes it, the requests list's (apps/api) too.
 */
export function auditExport(db: TenantDb, audit: AuditService, tenantId: string, actor: ExportActor, details: Record<string, unknown>, file: AuditedFile): Promise<unknown> {
  return db.forTenant(tenantId, (em) =>
    audit.append(em, {
      tenantId,
      actorId: actor.userId,
      actor: actor.label,
      action: 'export.created',
      targetType: 'export',
      targetId: file.fileName,
      details: { ...details, fileName: file.fileName, sha256: file.sha256, size: file.size },
      ip: actor.ip,
    }),
  );
}
