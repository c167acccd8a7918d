import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ControllerDefinition, Lang } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { ControllerDefinitionService, StoredDefinition, TenantEntity } from '@regula/registers';
import { AsOf, ExportDateError, ExportPeriod, resolveAsOf, resolvePeriod } from './as-of';
import { descriptionHtml } from './descriptions/description-html.builder';
import { buildDescriptionModel } from './descriptions/description-model';
import { descriptionPdf } from './descriptions/description-pdf.builder';
import { evidencePackFiles } from './evidence/evidence-pack.files';
import { evidencePackZip } from './evidence/evidence-pack.builder';
import { EvidenceSourcesService } from './evidence/evidence-sources.service';
import { ExportFile, exportFile, safeFileName } from './export-file';
import { recordCsv } from './record/record-csv.builder';
import { recordJson, recordJsonLd } from './record/record-json.builder';
import { RecordMeta, buildRecordModel } from './record/record-model';
import { recordPdf } from './record/record-pdf.builder';
import { recordXlsx } from './record/record-xlsx.builder';

export const RECORD_FORMATS = ['xlsx', 'csv', 'pdf', 'json', 'jsonld'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const DESCRIPTION_FORMATS = ['html', 'pdf'] as const;
export type DescriptionFormat = (typeof DESCRIPTION_FORMATS)[number];

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
  ) {}

  async record(tenantId: string, format: RecordFormat, q: { asOf?: string; lang?: string }, actor: ExportActor): Promise<ExportFile> {
    const { stored, asOf } = await this.loadAsOf(tenantId, q.asOf);
    const lang = languageOf(stored.definition, q.lang);
    const file = await recordFile(stored, asOf, format, lang, new Date());
    await this.audited(tenantId, actor, { export: 'record', format, asOf: asOf.date, lang }, file);
    return file;
  }

  async description(tenantId: string, key: string, format: DescriptionFormat, q: { asOf?: string; lang?: string }, actor: ExportActor): Promise<ExportFile> {
    const { stored, asOf } = await this.loadAsOf(tenantId, q.asOf);
    const lang = languageOf(stored.definition, q.lang);
    const file = await descriptionFile(stored, key, lang, format, asOf, new Date());
    await this.audited(tenantId, actor, { export: 'register-description', register: key, format, asOf: asOf.date, lang }, file);
    return file;
  }

  async evidencePack(tenantId: string, q: { from: string; to: string }, actor: ExportActor): Promise<ExportFile> {
    const tenant = await this.tenant(tenantId);
    const period = dated(() => resolvePeriod(q.from, q.to, tenant.timeZone));
    existedAt(tenant, period.asOf);
    const stored = await this.definitions.load(tenantId, period.asOf.instant);
    const generatedAt = new Date();
    const files = await evidencePackFiles(
      { stored, period, generatedAt, languages: stored.definition.jurisdiction.languages },
      {
        record: (format) => recordFile(stored, period.asOf, format, stored.definition.jurisdiction.languages[0], generatedAt),
        description: (key, lang, format) => descriptionFile(stored, key, lang, format, period.asOf, generatedAt),
      },
      await this.periodSources(tenantId, period),
    );
    const { zip, manifest } = await evidencePackZip(
      { controller: stored.definition.legalName, slug: tenant.slug, from: period.from, to: period.to, timeZone: tenant.timeZone, generatedAt },
      files,
    );
    const file = exportFile(`${safeFileName(tenant.slug, 'evidence', period.from, period.to)}.zip`, 'zip', zip);
    await this.audited(tenantId, actor, { export: 'evidence-pack', format: 'zip', from: period.from, to: period.to, asOf: period.to, files: manifest.length }, file);
    return file;
  }

  private async periodSources(tenantId: string, period: ExportPeriod) {
    return {
      policies: await this.sources.publishedPolicies(tenantId, period.end),
      requests: await this.sources.requests(tenantId, period.start, period.end),
      retentionRuns: await this.sources.retentionRuns(tenantId, period.start, period.end),
      breaches: await this.sources.breachRegister(tenantId, period.end),
      audit: await this.sources.auditLog(tenantId, period.start, period.end, { from: period.from, to: period.to }),
    };
  }

  private async tenant(tenantId: string): Promise<TenantEntity> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOne(TenantEntity, { where: { id: tenantId } }));
    if (!tenant) throw new NotFoundException('no such tenant');
    return tenant;
  }

  private async loadAsOf(tenantId: string, value: string | undefined): Promise<{ stored: StoredDefinition; asOf: AsOf }> {
    const tenant = await this.tenant(tenantId);
    const asOf = dated(() => resolveAsOf(value, tenant.timeZone));
    existedAt(tenant, asOf);
    return { stored: await this.definitions.load(tenantId, asOf.instant), asOf };
  }

  private audited(tenantId: string, actor: ExportActor, details: Record<string, unknown>, file: ExportFile): Promise<unknown> {
    return this.db.forTenant(tenantId, (em) =>
      this.audit.append(em, {
        tenantId,
        actorId: actor.userId,
        actor: actor.label,
        action: 'export.created',
        targetType: 'export',
        targetId: file.fileName,
        details: { ...details, fileName: file.fileName, sha256: file.sha256, size: file.body.length },
        ip: actor.ip,
      }),
    );
  }
}

function dated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExportDateError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [e.message] });
    throw e;
  }
}

/** A date before the tenant was set up has no registers to show: 404, like an unknown register. */
function existedAt(tenant: TenantEntity, asOf: AsOf): void {
  if (tenant.createdAt.getTime() > asOf.instant.getTime()) {
    throw new NotFoundException(`${tenant.slug} has no registers on ${asOf.date}: it was set up on ${tenant.createdAt.toISOString().slice(0, 10)}`);
  }
}

/** The requested language, one the controller publishes in or English; by default its first language. */
export function languageOf(def: ControllerDefinition, lang: string | undefined): Lang {
  const langs: Lang[] = [...new Set<Lang>([...def.jurisdiction.languages, 'en'])];
  if (lang === undefined) return def.jurisdiction.languages[0];
  if (!langs.includes(lang as Lang)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [`lang must be one of ${langs.join(', ')}`] });
  }
  return lang as Lang;
}

function recordMeta(stored: StoredDefinition, asOf: AsOf, lang: Lang, generatedAt: Date): Omit<RecordMeta, 'controllerName' | 'slug'> {
  return { asOf: asOf.date, timeZone: asOf.timeZone, lang, generatedAt, registerVersions: stored.registers };
}

async function recordFile(stored: StoredDefinition, asOf: AsOf, format: RecordFormat, lang: Lang, generatedAt: Date): Promise<ExportFile> {
  const def = stored.definition;
  const meta = recordMeta(stored, asOf, lang, generatedAt);
  const name = `${safeFileName(def.slug, 'record', asOf.date)}.${format}`;
  switch (format) {
    case 'xlsx':
      return exportFile(name, format, await recordXlsx(buildRecordModel(def, meta)));
    case 'csv':
      return exportFile(name, format, recordCsv(buildRecordModel(def, meta)));
    case 'pdf':
      return exportFile(name, format, await recordPdf(buildRecordModel(def, meta)));
    case 'json':
      return exportFile(name, format, recordJson(def, meta));
    case 'jsonld':
      return exportFile(name, format, recordJsonLd(def, meta));
  }
}

async function descriptionFile(stored: StoredDefinition, key: string, lang: Lang, format: DescriptionFormat, asOf: AsOf, generatedAt: Date): Promise<ExportFile> {
  const register = stored.definition.registers.find((r) => r.id === key);
  const version = stored.registers.find((v) => v.key === key);
  if (!register || !version) throw new NotFoundException(`no register ${key} on ${asOf.date}`);
  const model = buildDescriptionModel(stored.definition, register, lang, { asOf: asOf.date, timeZone: asOf.timeZone, version: version.version });
  const name = `${safeFileName(stored.definition.slug, key, lang, asOf.date)}.${format}`;
  return format === 'html' ? exportFile(name, 'html', descriptionHtml(model)) : exportFile(name, 'pdf', await descriptionPdf(model, generatedAt));
}
